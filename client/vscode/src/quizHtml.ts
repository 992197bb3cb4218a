/**
 * The quiz panel's HTML shell. Pure (no `vscode` import) so that the browser
 * test loads exactly the page the extension shows.
 *
 * The Content-Security-Policy allows nothing remote: scripts only with the
 * per-load nonce, styles, fonts and images only from the extension's own
 * webview resource origin, no connections, frames or forms at all.
 */

import { renderMarkdown } from "./webview/markup";

export interface QuizPageOptions {
  /** `webview.cspSource`: the origin the webview serves the extension's files from. */
  cspSource: string;
  /** Webview URI of the bundled page script (dist/quiz.js). */
  scriptUri: string;
  /** Webview URI of the stylesheet (media/quiz.css). */
  styleUri: string;
  nonce: string;
  title?: string;
}

function attr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/** A fresh nonce: 32 characters from a CSPRNG when one is given, else Math.random. */
export function makeNonce(random: (n: number) => Uint8Array = defaultRandom): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(random(32), (b) => alphabet[b % alphabet.length]).join("");
}

function defaultRandom(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  const crypto = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
  if (crypto) {
    return crypto.getRandomValues(bytes);
  }
  for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

export function renderQuizPage(options: QuizPageOptions): string {
  const title = options.title ?? "pyiq quiz";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(options.styleUri)}">
<title>${attr(title)}</title>
</head>
<body>
<main id="app">
  <header class="bar">
    <h1 id="title">${attr(title)}</h1>
    <span id="counter" class="counter"></span>
    <span id="score" class="score"></span>
  </header>
  <div id="progress" class="progress" role="progressbar" aria-label="Quiz progress" aria-valuemin="0" aria-valuenow="0" aria-valuemax="0" hidden>
    <div id="progress-fill" class="progress-fill"></div>
  </div>
  <section id="view" class="view"></section>
</main>
<script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>
</body>
</html>
`;
}

export interface MarkdownPageOptions {
  cspSource: string;
  styleUri: string;
  title: string;
  /** Markdown, rendered on the extension side: the page runs no script at all. */
  markdown: string;
}

/** A static page for `pyiq: Explain…` and the progress summary. */
export function renderMarkdownPage(options: MarkdownPageOptions): string {
  const csp = ["default-src 'none'", `style-src ${options.cspSource}`, `img-src ${options.cspSource} data:`].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(options.styleUri)}">
<title>${attr(options.title)}</title>
</head>
<body>
<main class="doc">${renderMarkdown(options.markdown)}</main>
</body>
</html>
`;
}
