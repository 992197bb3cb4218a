/**
 * The quiz panel's page in a real browser: Debian's Chromium (never a downloaded one), driven by
 * Playwright. The page is exactly what the extension puts in the webview (`renderQuizPage`,
 * dist/quiz.js, media/quiz.css), served from a fake webview origin; `acquireVsCodeApi` is a stub
 * recording what the page sends. The VS Code theme is emulated the way VS Code does it: a body
 * class and --vscode-* variables on the root element.
 *
 * Screenshots go to out/screenshots/ (and to media/screenshots/ with PYIQ_UPDATE_SCREENSHOTS=1,
 * which is how the committed PNGs are made).
 */

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { FromWebview, ToWebview } from "../../src/protocol";
import { makeNonce, renderMarkdownPage, renderQuizPage } from "../../src/quizHtml";
import { readQuiz } from "../../src/quizModel";
import { SAMPLE_QUIZ_RESULT } from "../fixtures/sampleQuiz";
import { renderMarkdown } from "../../src/webview/markup";
import { highlightLines, escapeHtml } from "../../src/webview/highlight";
import { StdioLspClient } from "./lsp";

const ROOT = resolve(__dirname, "..", "..");
const CHROMIUM = process.env.PYIQ_CHROMIUM ?? "/usr/bin/chromium";
const ORIGIN = "https://pyiq-webview.test";
const SHOTS = join(ROOT, "out", "screenshots");
const COMMITTED_SHOTS = join(ROOT, "media", "screenshots");
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
/** The server argv (without `serve`), from the pytest wrapper; the hover test needs it. */
const SERVER = process.env.PYIQ_SERVER?.trim();

/** Colours VS Code's Light Modern and Dark Modern themes give the variables the page reads. */
const THEMES = {
  light: {
    bodyClass: "vscode-light",
    vars: {
      "--vscode-editor-background": "#ffffff",
      "--vscode-editor-foreground": "#3b3b3b",
      "--vscode-descriptionForeground": "#3b3b3b",
      "--vscode-editorWidget-background": "#f8f8f8",
      "--vscode-widget-border": "#e5e5e5",
      "--vscode-textCodeBlock-background": "#f8f8f8",
      "--vscode-button-background": "#005fb8",
      "--vscode-button-foreground": "#ffffff",
      "--vscode-button-secondaryBackground": "#e5e5e5",
      "--vscode-button-secondaryForeground": "#3b3b3b",
      "--vscode-focusBorder": "#005fb8",
      "--vscode-progressBar-background": "#005fb8",
      "--vscode-font-family": "system-ui, Ubuntu, 'Droid Sans', sans-serif",
      "--vscode-font-size": "13px",
      "--vscode-editor-font-family": "'DejaVu Sans Mono', monospace",
    },
  },
  dark: {
    bodyClass: "vscode-dark",
    vars: {
      "--vscode-editor-background": "#1f1f1f",
      "--vscode-editor-foreground": "#cccccc",
      "--vscode-descriptionForeground": "#9d9d9d",
      "--vscode-editorWidget-background": "#202020",
      "--vscode-widget-border": "#313131",
      "--vscode-textCodeBlock-background": "#2b2b2b",
      "--vscode-button-background": "#0078d4",
      "--vscode-button-foreground": "#ffffff",
      "--vscode-button-secondaryBackground": "#313131",
      "--vscode-button-secondaryForeground": "#cccccc",
      "--vscode-focusBorder": "#0078d4",
      "--vscode-progressBar-background": "#0078d4",
      "--vscode-font-family": "system-ui, Ubuntu, 'Droid Sans', sans-serif",
      "--vscode-font-size": "13px",
      "--vscode-editor-font-family": "'DejaVu Sans Mono', monospace",
    },
  },
} as const;

type Theme = keyof typeof THEMES;

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".html": "text/html",
};

let context: BrowserContext;
let profile: string;
const remoteRequests: string[] = [];
const pages = new Map<string, string>();

function quizPage(): string {
  return renderQuizPage({
    cspSource: ORIGIN,
    nonce: makeNonce(),
    scriptUri: `${ORIGIN}/dist/quiz.js`,
    styleUri: `${ORIGIN}/media/quiz.css`,
    title: "Quiz · orders.py",
  });
}

interface Probe {
  sent: FromWebview[];
  state: unknown;
  violations: string[];
  errors: string[];
}

/** A page with the quiz panel loaded, in a theme, with the VS Code API stubbed. */
async function openPanel(theme: Theme, savedState?: unknown, html = quizPage()): Promise<Page> {
  const path = `/panel-${pages.size}.html`;
  pages.set(path, html);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  (page as Page & { pyiqErrors?: string[] }).pyiqErrors = errors;
  await page.addInitScript(
    ({ theme, savedState }) => {
      const probe: { sent: unknown[]; state: unknown; violations: string[] } = {
        sent: [],
        state: savedState ?? undefined,
        violations: [],
      };
      (window as unknown as { __pyiq: typeof probe }).__pyiq = probe;
      (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
        postMessage: (message: unknown) => probe.sent.push(JSON.parse(JSON.stringify(message)) as unknown),
        getState: () => probe.state,
        setState: (state: unknown) => (probe.state = JSON.parse(JSON.stringify(state ?? null)) as unknown),
      });
      document.addEventListener("securitypolicyviolation", (event) =>
        probe.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
      document.addEventListener("DOMContentLoaded", () => {
        for (const [name, value] of Object.entries(theme.vars)) {
          document.documentElement.style.setProperty(name, value);
        }
        document.body.classList.add(theme.bodyClass);
        document.body.dataset.vscodeThemeKind = theme.bodyClass;
      });
    },
    { theme: THEMES[theme], savedState },
  );
  await page.goto(`${ORIGIN}${path}`);
  await waitForSent(page, (m) => m.type === "ready");
  return page;
}

async function probe(page: Page): Promise<Probe> {
  const data = await page.evaluate(() => (window as unknown as { __pyiq: Omit<Probe, "errors"> }).__pyiq);
  return { ...data, errors: (page as Page & { pyiqErrors?: string[] }).pyiqErrors ?? [] };
}

async function waitForSent(page: Page, test: (m: FromWebview) => boolean): Promise<FromWebview> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = (await probe(page)).sent.find(test);
    if (found) return found;
    await page.waitForTimeout(25);
  }
  throw new Error(`the page never sent the expected message; sent: ${JSON.stringify((await probe(page)).sent)}`);
}

async function send(page: Page, message: ToWebview): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, "*"), message);
}

function sampleQuiz() {
  const quiz = readQuiz(SAMPLE_QUIZ_RESULT);
  assert.ok(quiz);
  return quiz;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, name);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
  const png = readFileSync(file);
  assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
  if (process.env.PYIQ_UPDATE_SCREENSHOTS === "1") {
    mkdirSync(COMMITTED_SHOTS, { recursive: true });
    copyFileSync(file, join(COMMITTED_SHOTS, name));
  }
}

async function assertClean(page: Page): Promise<void> {
  const { violations, errors } = await probe(page);
  assert.deepEqual(violations, [], "no Content-Security-Policy violations");
  assert.deepEqual(errors, [], "no script errors");
  assert.deepEqual(remoteRequests, [], "nothing outside the webview origin was requested");
}

// One browser for every test in this file.
before(async () => {
  if (skip) return;
  profile = mkdtempSync(join(tmpdir(), "pyiq-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 760, height: 560 },
    deviceScaleFactor: 1,
    colorScheme: "light",
    offline: false,
  });
  context.setDefaultTimeout(10_000);
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      remoteRequests.push(url.href);
      await route.abort("blockedbyclient");
      return;
    }
    const page = pages.get(url.pathname);
    if (page !== undefined) {
      await route.fulfill({ status: 200, contentType: "text/html", body: page });
      return;
    }
    const file = join(ROOT, url.pathname);
    if (!file.startsWith(ROOT) || !existsSync(file)) {
      await route.fulfill({ status: 404, body: "not found" });
      return;
    }
    await route.fulfill({
      status: 200,
      contentType: TYPES[extname(file)] ?? "application/octet-stream",
      body: readFileSync(file),
    });
  });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe("quiz webview in Chromium", { skip }, () => {
  it("shows a question, takes a click, and reports the answer with the verdict (light theme)", async () => {
    const page = await openPanel("light");
    await send(page, { type: "quiz", quiz: sampleQuiz() });
    await page.locator("h2.prompt").waitFor();
    assert.match(await page.locator("h2.prompt").innerText(), /called twice/);
    assert.equal(await page.locator("#counter").innerText(), "Question 1 of 3");
    assert.equal(await page.locator("button.choice").count(), 4);
    assert.equal(await page.locator("pre.code .tok-keyword").first().innerText(), "def");
    assert.equal(await page.locator("pre.code .ln").first().innerText(), "12");
    assert.equal(await page.locator("#verdict").isHidden(), true);

    await page.locator("button.choice").nth(1).click();
    const verdict = page.locator("#verdict");
    await verdict.waitFor();
    assert.match(await verdict.innerText(), /Correct/);
    assert.match(await verdict.innerText(), /created once/);
    assert.equal(await page.locator("button.choice.is-correct").count(), 1);
    assert.equal(await page.locator("button.choice:disabled").count(), 4);
    assert.equal(await page.locator("#score").innerText(), "Score 1/1");
    assert.equal(await page.locator("#progress").getAttribute("aria-valuenow"), "1");
    const answer = await waitForSent(page, (m) => m.type === "answer");
    assert.ok(answer.type === "answer" && typeof answer.elapsed === "number" && answer.elapsed >= 0);
    assert.deepEqual(
      { ...answer, elapsed: 0 },
      { type: "answer", id: "mutable-default-leak", chosen: 1, correct: true, elapsed: 0, rule: "mutable-default-argument" },
    );
    assert.equal(await page.locator(".meta .reason").count(), 0);
    await screenshot(page, "quiz-light.png");
    await assertClean(page);
    await page.close();
  });

  it("shows a wrong answer's verdict and explanation in the dark theme", async () => {
    const page = await openPanel("dark");
    await send(page, { type: "quiz", quiz: sampleQuiz() });
    await page.locator("button.choice").first().waitFor();
    await page.locator("button.choice").nth(0).click();
    const verdict = page.locator("#verdict");
    await verdict.waitFor();
    assert.match(await verdict.innerText(), /Not quite — the answer is 2/);
    assert.match(await verdict.innerText(), /runs once/, "the chosen answer's explanation");
    assert.match(await verdict.innerText(), /created once/, "the correct answer's explanation");
    assert.equal(await page.locator("button.choice.is-wrong").count(), 1);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, "rgb(31, 31, 31)", "the page follows the dark theme");
    const keyword = await page.locator("pre.code .tok-keyword").first().evaluate((el) => getComputedStyle(el).color);
    assert.equal(keyword, "rgb(197, 134, 192)", "dark syntax colours");
    const answer = await waitForSent(page, (m) => m.type === "answer");
    assert.deepEqual(
      { ...answer, elapsed: 0 },
      { type: "answer", id: "mutable-default-leak", chosen: 0, correct: false, elapsed: 0, rule: "mutable-default-argument" },
    );
    await screenshot(page, "quiz-dark.png");
    await assertClean(page);
    await page.close();
  });

  it("walks the whole quiz with keys 1-9 and Enter, then shows the summary", async () => {
    const page = await openPanel("light");
    await send(page, { type: "quiz", quiz: sampleQuiz() });
    await page.locator("button.choice").first().waitFor();
    await page.keyboard.press("2");
    await page.locator("#next").waitFor();
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("#counter").innerText(), "Question 2 of 3");
    await page.keyboard.press("1");
    await page.locator("#next").waitFor();
    assert.match(await page.locator("#verdict").innerText(), /Not quite/);
    await page.keyboard.press("Enter");
    await page.keyboard.press("1");
    assert.match(await page.locator("#next").innerText(), /^See summary\s+Enter$/);
    await page.keyboard.press("Enter");
    await page.locator(".summary").waitFor();
    assert.equal(await page.locator("#final-score").innerText(), "2 / 3");
    assert.equal(await page.locator(".results li.ok").count(), 2);
    assert.equal(await page.locator(".results li.bad").count(), 1);
    const done = await waitForSent(page, (m) => m.type === "done");
    assert.deepEqual(done, { type: "done", asked: 3, correct: 2 });
    const answers = (await probe(page)).sent.filter((m) => m.type === "answer");
    assert.deepEqual(
      answers.map((m) => (m.type === "answer" ? [m.id, m.chosen, m.correct] : [])),
      [
        ["mutable-default-leak", 1, true],
        ["generator-laziness", 0, false],
        ["is-vs-eq-literal", 0, true],
      ],
    );
    await screenshot(page, "quiz-summary-light.png");
    await page.locator("#again").click();
    await waitForSent(page, (m) => m.type === "again");
    await assertClean(page);
    await page.close();
  });

  it("answers only once per question, even with repeated keys", async () => {
    const page = await openPanel("light");
    await send(page, { type: "quiz", quiz: sampleQuiz() });
    await page.locator("button.choice").first().waitFor();
    await page.keyboard.press("3");
    await page.keyboard.press("4");
    await page.locator("button.choice").nth(0).click({ force: true });
    const answers = (await probe(page)).sent.filter((m) => m.type === "answer");
    assert.equal(answers.length, 1);
    assert.equal(await page.locator("#score").innerText(), "Score 0/1");
    await page.close();
  });

  it("comes back where it was after the panel reloads", async () => {
    const first = await openPanel("light");
    await send(first, { type: "quiz", quiz: sampleQuiz() });
    await first.locator("button.choice").first().waitFor();
    await first.keyboard.press("2");
    await first.keyboard.press("Enter");
    const { state } = await probe(first);
    await first.close();

    const page = await openPanel("light", state);
    const ready = await waitForSent(page, (m) => m.type === "ready");
    assert.deepEqual(ready, { type: "ready", restored: true });
    assert.equal(await page.locator("#counter").innerText(), "Question 2 of 3");
    assert.equal(await page.locator("#score").innerText(), "Score 1/1");
    await page.close();
  });

  it("shows loading, errors, an empty quiz and unsaved answers", async () => {
    const page = await openPanel("dark");
    const ready = await waitForSent(page, (m) => m.type === "ready");
    assert.deepEqual(ready, { type: "ready", restored: false });
    await send(page, { type: "loading", title: "Quiz · orders.py" });
    await page.locator(".loading").waitFor();
    await send(page, { type: "error", message: "the server is <b>down</b>" });
    await page.locator(".error").waitFor();
    assert.match(await page.locator(".error").innerText(), /the server is <b>down<\/b>/, "shown as text, not markup");
    await send(page, { type: "quiz", quiz: { title: "Quiz · empty.py", questions: [] } });
    await page.locator(".empty").waitFor();
    await send(page, { type: "quiz", quiz: sampleQuiz() });
    await page.locator("button.choice").first().click();
    await send(page, { type: "recorded", id: "mutable-default-leak", ok: false });
    await page.locator(".unsaved").waitFor();
    await assertClean(page);
    await page.close();
  });

  it("holds a Content-Security-Policy that allows nothing remote", async () => {
    const page = await openPanel("light");
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.ok(csp);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9]{32}'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:\/\/(?!pyiq-webview\.test)|\*/);
    // A script without the nonce and a remote image are both refused.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.appendChild(script);
      const img = document.createElement("img");
      img.src = "https://example.com/pixel.png";
      document.body.appendChild(img);
    });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected), undefined);
    const { violations } = await probe(page);
    assert.ok(violations.some((v) => v.startsWith("script-src")), JSON.stringify(violations));
    assert.ok(violations.some((v) => v.startsWith("img-src")), JSON.stringify(violations));
    assert.deepEqual(remoteRequests, [], "the remote image was never requested");
    await page.close();
  });

  it("renders the explain page without any script", async () => {
    const html = renderMarkdownPage({
      cspSource: ORIGIN,
      styleUri: `${ORIGIN}/media/quiz.css`,
      title: "pyiq: mutable-default-argument",
      markdown:
        "# Mutable default argument\n\nDefaults are evaluated **once**.\n\n```python\ndef f(x=[]):\n    x.append(1)\n```\n\n| level | peer |\n|---|---|\n| junior | B006 |\n",
    });
    assert.doesNotMatch(html, /<script/);
    const path = `/doc-${pages.size}.html`;
    pages.set(path, html);
    const page = await context.newPage();
    await page.goto(`${ORIGIN}${path}`);
    assert.equal(await page.locator("h2").innerText(), "Mutable default argument");
    assert.equal(await page.locator("td").nth(1).innerText(), "B006");
    assert.equal(await page.locator(".tok-keyword").first().innerText(), "def");
    await page.close();
  });
});

const SAMPLE_SOURCE = `def add_item(item, cart=[]):
    """Adds an item to the cart."""
    cart.append(item)
    return cart


def read_lines(path):
    with open(path) as handle:
        for line in handle:
            yield line.rstrip()
`;

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string;
  source?: string;
  message: string;
}

/** VS Code's editor with the server's diagnostics and hover, drawn from the real server's answers. */
function editorPage(diagnostics: LspDiagnostic[], hover: string, at: { line: number; character: number }): string {
  const lines = highlightLines(SAMPLE_SOURCE.trimEnd());
  const rows = lines
    .map(
      (html, i) =>
        `<div class="row${i === at.line ? " current" : ""}"><span class="gutter">${i + 1}</span><span class="text">${html || " "}</span></div>`,
    )
    .join("");
  const markers = diagnostics
    .map((d) => {
      const kind = d.severity === 2 ? "warning" : "hint";
      const width = Math.max(1, d.range.end.character - d.range.start.character);
      const top = 6 + d.range.start.line * 20 + 17;
      return `<span class="marker ${kind}" style-data="${top},${d.range.start.character},${width}"></span>`;
    })
    .join("");
  // <details> folds the full answer; show it folded, as VS Code does.
  const folded = hover.replace(/<details>\s*<summary>(.*?)<\/summary>[\s\S]*?<\/details>/g, "**▸ $1**");
  const here = diagnostics.filter((d) => d.range.start.line === at.line);
  const diagHtml = here
    .map((d) => `<div class="diag">${escapeHtml(d.message)} <span class="src">${escapeHtml(`${d.source ?? ""}(${d.code ?? ""})`)}</span></div>`)
    .join("");
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${ORIGIN}/media/quiz.css"><link rel="stylesheet" href="${ORIGIN}/test/fixtures/editor.css">
</head><body class="vscode-dark editor-page">
<div class="tabs"><div class="tab active">orders.py</div><div class="tab">README.md</div></div>
<div class="code" id="code">${rows}${markers}
<div class="hover" id="hover" data-at="${at.line},${at.character}">${diagHtml}${renderMarkdown(folded)}</div></div>
</body></html>`;
}

describe("hover from the real server, drawn as VS Code shows it", { skip: skip || (SERVER ? false : "PYIQ_SERVER is not set") }, () => {
  let client: StdioLspClient | undefined;

  after(async () => {
    await client?.close();
  });

  it("hovers on a mutable default, takes the screenshot, and shows the server's quiz in the panel", async () => {
    const data = mkdtempSync(join(tmpdir(), "pyiq-hover-"));
    client = new StdioLspClient([...(SERVER ?? "").split(" "), "serve"], { ...process.env, PYIQ_DATA_DIR: data });
    const uri = "file:///home/dev/shop/orders.py";
    await client.request("initialize", {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          hover: { contentFormat: ["markdown", "plaintext"] },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
        },
      },
      initializationOptions: { quizUi: "data" },
    });
    client.notify("initialized", {});
    const published = client.waitFor<{ uri: string; diagnostics: LspDiagnostic[] }>(
      "textDocument/publishDiagnostics",
      (p) => p.uri === uri && p.diagnostics.length > 0,
    );
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text: SAMPLE_SOURCE } });
    const { diagnostics } = await published;
    const mutable = diagnostics.find((d) => d.code === "mutable-default-argument");
    assert.ok(mutable, JSON.stringify(diagnostics));
    assert.equal(mutable.severity, 2);
    const at = { line: 0, character: 24 };
    const hover = await client.request<{ contents: { kind: string; value: string } }>("textDocument/hover", {
      textDocument: { uri },
      position: at,
    });
    assert.equal(hover.contents.kind, "markdown");
    assert.match(hover.contents.value, /default/i);

    // The quiz as data, as the extension asks for it, shown in the real panel page.
    const result = await client.request<unknown>("workspace/executeCommand", { command: "pyiq.quizFile", arguments: [uri] });
    const quiz = readQuiz(result, "Quiz · orders.py");
    assert.ok(quiz, `not quiz data: ${JSON.stringify(result).slice(0, 300)}`);
    const raw = (result as { questions: unknown[] }).questions;
    assert.equal(quiz.questions.length, raw.length, "every question the server sent can be asked");
    assert.ok(quiz.questions.length >= 1);
    const panel = await openPanel("dark");
    await send(panel, { type: "quiz", quiz });
    await panel.locator("button.choice").first().waitFor();
    assert.equal(await panel.locator("#counter").innerText(), `Question 1 of ${quiz.questions.length}`);
    await panel.locator("button.choice").nth(quiz.questions[0].correct).click();
    assert.match(await panel.locator("#verdict").innerText(), /Correct/);
    const answer = await waitForSent(panel, (m) => m.type === "answer");
    assert.ok(answer.type === "answer");
    assert.deepEqual([answer.id, answer.chosen, answer.correct], [quiz.questions[0].id, quiz.questions[0].correct, true]);
    await screenshot(panel, "quiz-server-dark.png");
    await assertClean(panel);
    await panel.close();
    rmSync(data, { recursive: true, force: true });

    const path = `/hover-${pages.size}.html`;
    pages.set(path, editorPage(diagnostics, hover.contents.value, at));
    const page = await context.newPage();
    await page.setViewportSize({ width: 860, height: 560 });
    await page.goto(`${ORIGIN}${path}`);
    // Place markers and the hover by character cells, measured in the page's monospace font.
    await page.evaluate(() => {
      const code = document.getElementById("code") as HTMLElement;
      const probe = document.createElement("span");
      probe.textContent = "0000000000";
      probe.style.visibility = "hidden";
      code.querySelector(".text")?.appendChild(probe);
      const ch = probe.getBoundingClientRect().width / 10;
      probe.remove();
      const text = code.querySelector(".text") as HTMLElement;
      const left = text.getBoundingClientRect().left - code.getBoundingClientRect().left;
      code.querySelectorAll<HTMLElement>(".marker").forEach((marker) => {
        const [top, col, width] = (marker.getAttribute("style-data") ?? "0,0,0").split(",").map(Number);
        marker.style.top = `${top}px`;
        marker.style.left = `${left + col * ch}px`;
        marker.style.width = `${width * ch}px`;
      });
      const hover = document.getElementById("hover") as HTMLElement;
      const [line, col] = (hover.dataset.at ?? "0,0").split(",").map(Number);
      hover.style.top = `${6 + (line + 1) * 20 + 2}px`;
      hover.style.left = `${left + col * ch - 10}px`;
    });
    assert.match(await page.locator("#hover").innerText(), /default/i);
    assert.equal(await page.locator(".marker.warning").count(), 1);
    await screenshot(page, "hover-dark.png");
    await page.close();
  });
});
