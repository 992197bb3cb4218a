import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeHtml, highlightLines, tokenize } from "../../src/webview/highlight";
import { codeBlock, renderInline, renderMarkdown } from "../../src/webview/markup";

const SAMPLE = `@functools.cache
def fib(n: int = 10) -> int:
    """Doc
    string"""
    if n < 2:  # base case
        return n
    return fib(n - 1) + fib(n - 2) if self else None
class Box(Base): x = f"{a!r}" + b'\\x00' + 0x1F + 1_000.5e-3j
`;

describe("tokenize", () => {
  it("loses no text", () => {
    for (const source of [SAMPLE, "", "'unterminated", '"""open', "a @ b", "é = 'ü'", "\t\r\n"]) {
      assert.equal(
        tokenize(source)
          .map((t) => t.text)
          .join(""),
        source,
      );
    }
  });

  it("classifies Python tokens", () => {
    const kinds = new Map<string, string>();
    for (const t of tokenize(SAMPLE)) if (!kinds.has(t.text)) kinds.set(t.text, t.kind);
    assert.equal(kinds.get("@functools.cache"), "decorator");
    assert.equal(kinds.get("def"), "keyword");
    assert.equal(kinds.get("fib"), "function");
    assert.equal(kinds.get("Box"), "class");
    assert.equal(kinds.get("int"), "builtin");
    assert.equal(kinds.get("None"), "constant");
    assert.equal(kinds.get("self"), "self");
    assert.equal(kinds.get("# base case"), "comment");
    assert.equal(kinds.get('"""Doc\n    string"""'), "string");
    assert.equal(kinds.get('f"{a!r}"'), "string");
    assert.equal(kinds.get("b'\\x00'"), "string");
    assert.equal(kinds.get("0x1F"), "number");
    assert.equal(kinds.get("1_000.5e-3j"), "number");
  });

  it("reads `a @ b` as an operator, not a decorator", () => {
    assert.equal(tokenize("c = a @b").find((t) => t.text.startsWith("@"))?.kind, "operator");
    const at = tokenize("c = a @ b").find((t) => t.text.startsWith("@"));
    assert.equal(at?.kind, "operator");
  });
});

describe("highlightLines", () => {
  it("keeps one entry per source line, spans closed on each line", () => {
    const lines = highlightLines(SAMPLE.trimEnd());
    assert.equal(lines.length, SAMPLE.trimEnd().split("\n").length);
    for (const line of lines) {
      assert.equal((line.match(/<span/g) ?? []).length, (line.match(/<\/span>/g) ?? []).length);
    }
    assert.match(lines[2], /^ {4}<span class="tok-string">&quot;&quot;&quot;Doc<\/span>$/);
  });

  it("escapes markup in code", () => {
    const html = highlightLines("x = '<script>alert(1)</script>' < y & z").join("\n");
    assert.ok(!html.includes("<script>"));
    assert.match(html, /&lt;script&gt;/);
    assert.match(html, /&amp;/);
  });

  it("escapes every HTML metacharacter", () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

describe("markup", () => {
  it("renders inline code, bold and emphasis, escaping the rest", () => {
    assert.equal(
      renderInline("Use `x is None` **not** *==* <b>"),
      "Use <code>x is None</code> <strong>not</strong> <em>==</em> &lt;b&gt;",
    );
    assert.equal(renderInline("`<img src=x onerror=alert(1)>`"), "<code>&lt;img src=x onerror=alert(1)&gt;</code>");
  });

  it("keeps link text and drops the target", () => {
    assert.equal(renderInline("see [the docs](https://example.com)"), "see the docs");
  });

  it("renders blocks: paragraphs, lists, headings, tables, fenced code", () => {
    const html = renderMarkdown(
      "# Title\n\nFirst line\ncontinues.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | `x\\|y` |\n\n```python\ndef f(): pass\n```\n",
    );
    assert.match(html, /<h2>Title<\/h2>/);
    assert.match(html, /<p>First line continues\.<\/p>/);
    assert.match(html, /<ul><li>one<\/li><li>two<\/li><\/ul>/);
    assert.match(html, /<table><thead><tr><th>a<\/th><th>b<\/th><\/tr><\/thead>/);
    assert.match(html, /<pre class="code"><code><span class="line"><span class="src"><span class="tok-keyword">def<\/span>/);
  });

  it("numbers code lines from the given line", () => {
    const html = codeBlock("a = 1\nb = 2\n", 41);
    assert.match(html, /<span class="ln" aria-hidden="true">41<\/span>/);
    assert.match(html, /<span class="ln" aria-hidden="true">42<\/span>/);
    assert.ok(!html.includes(">43<"));
  });
});
