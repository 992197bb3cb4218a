/**
 * Just enough Markdown for question prompts, explanations and the explain
 * page: headings, paragraphs, bullet lists, pipe tables, fenced code
 * (highlighted), `inline code`, **bold** and *emphasis*. Everything is escaped first, so text from the question bank
 * can never inject markup into the webview; links keep their text only,
 * because the panel navigates nowhere.
 */

import { escapeHtml, highlightLines } from "./highlight";

export function renderInline(source: string): string {
  const pieces = source.split(/(`[^`\n]+`)/g);
  return pieces
    .map((piece) => {
      if (piece.length > 2 && piece.startsWith("`") && piece.endsWith("`")) {
        return `<code>${escapeHtml(piece.slice(1, -1))}</code>`;
      }
      return escapeHtml(piece)
        .replace(/\[([^\]\n]+)\]\([^)\s]*\)/g, "$1")
        .replace(/\*\*([^*\n]+)\*\*/g, "<strong>$1</strong>")
        .replace(/(^|[\s(])\*([^*\s][^*\n]*)\*(?=[\s.,;:!?)]|$)/g, "$1<em>$2</em>")
        .replace(/(^|[\s(])_([^_\s][^_\n]*)_(?=[\s.,;:!?)]|$)/g, "$1<em>$2</em>");
    })
    .join("");
}

/** A code block as numbered, highlighted lines. */
export function codeBlock(source: string, firstLine?: number): string {
  const lines = highlightLines(source.replace(/\n+$/, ""));
  const numbered = firstLine !== undefined && firstLine > 0;
  const rows = lines
    .map((html, i) => {
      const number = numbered ? `<span class="ln" aria-hidden="true">${firstLine + i}</span>` : "";
      return `<span class="line">${number}<span class="src">${html || " "}</span></span>`;
    })
    .join("");
  return `<pre class="code${numbered ? " numbered" : ""}"><code>${rows}</code></pre>`;
}

/** Markdown text as safe HTML. */
export function renderMarkdown(source: string): string {
  const out: string[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = (): void => {
    if (paragraph.length) {
      out.push(`<p>${renderInline(paragraph.join(" "))}</p>`);
      paragraph = [];
    }
    if (list.length) {
      out.push(`<ul>${list.map((item) => `<li>${renderInline(item)}</li>`).join("")}</ul>`);
      list = [];
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s*(```|~~~)\s*([\w+-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) {
        body.push(lines[i]);
        i++;
      }
      const lang = fence[2].toLowerCase();
      if (!lang || lang === "python" || lang === "py" || lang === "pycon") {
        out.push(codeBlock(body.join("\n")));
      } else {
        out.push(`<pre class="code"><code>${escapeHtml(body.join("\n"))}</code></pre>`);
      }
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(heading[1].length + 1, 6);
      out.push(`<h${level}>${renderInline(heading[2])}</h${level}>`);
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line) && i + 1 < lines.length && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1])) {
      flush();
      const cells = (row: string): string[] =>
        row
          .trim()
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((c) => c.trim().replace(/\\\|/g, "|"));
      const head = cells(line);
      const body: string[][] = [];
      i += 2;
      while (i < lines.length && /^\s*\|.*\|\s*$/.test(lines[i])) {
        body.push(cells(lines[i]));
        i++;
      }
      i--;
      out.push(
        `<table><thead><tr>${head.map((c) => `<th>${renderInline(c)}</th>`).join("")}</tr></thead>` +
          `<tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${renderInline(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`,
      );
      continue;
    }
    if (/^\s*(?:---+|\*\*\*+)\s*$/.test(line)) {
      flush();
      out.push("<hr>");
      continue;
    }
    const item = /^\s*[-*+]\s+(.*)$/.exec(line);
    if (item) {
      if (paragraph.length) {
        flush();
      }
      list.push(item[1]);
    } else if (!line.trim()) {
      flush();
    } else if (list.length && /^\s+\S/.test(line)) {
      list[list.length - 1] += " " + line.trim();
    } else {
      if (list.length) {
        flush();
      }
      paragraph.push(line.trim());
    }
  }
  flush();
  return out.join("");
}
