/**
 * A small Python highlighter for the quiz snippets.
 *
 * The webview's Content-Security-Policy allows nothing remote, and the
 * snippets are a few lines of the user's own code, so a tokenizer of a
 * hundred lines beats shipping a general highlighting library. It never
 * fails: anything it does not recognise is plain text, and every piece of
 * text is HTML-escaped before it reaches the page.
 */

export type TokenKind =
  | "keyword"
  | "constant"
  | "builtin"
  | "string"
  | "comment"
  | "number"
  | "decorator"
  | "function"
  | "class"
  | "self"
  | "operator"
  | "text";

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(
  (
    "and as assert async await break class continue def del elif else except finally for from " +
    "global if import in is lambda nonlocal not or pass raise return try while with yield"
  ).split(" "),
);
const CONSTANTS = new Set(["True", "False", "None", "Ellipsis", "NotImplemented", "__debug__"]);
const BUILTINS = new Set(
  (
    "abs all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex " +
    "delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals " +
    "hasattr hash help hex id input int isinstance issubclass iter len list locals map max " +
    "memoryview min next object oct open ord pow print property range repr reversed round set " +
    "setattr slice sorted staticmethod str sum super tuple type vars zip __import__ " +
    "Exception BaseException ValueError TypeError KeyError IndexError AttributeError " +
    "RuntimeError StopIteration NotImplementedError OSError"
  ).split(" "),
);

// Order matters: strings before names (for prefixes like f"..."), comments first.
const PATTERNS: [TokenKind, RegExp][] = [
  ["comment", /#[^\n]*/y],
  ["string", /(?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$))/y],
  ["string", /(?:[rRbBuUfF]{1,2})?(?:"(?:\\.|[^"\\\n])*(?:"|$)|'(?:\\.|[^'\\\n])*(?:'|$))/my],
  ["number", /(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?)/y],
  ["decorator", /@[A-Za-z_][\w.]*/y],
  ["text", /[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*/y],
  ["operator", /(?:\*\*=?|\/\/=?|<<=?|>>=?|->|:=|[-+*/%&|^~<>!=@]=?|[()[\]{}.,:;])/y],
  ["text", /\s+/y],
];

/** Splits Python source into tokens; concatenating their text gives the source back. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let previousWord = "";
  let atLineStart = true;
  while (pos < source.length) {
    let matched: Token | undefined;
    for (const [kind, pattern] of PATTERNS) {
      pattern.lastIndex = pos;
      const m = pattern.exec(source);
      if (m && m[0].length > 0) {
        matched = { kind, text: m[0] };
        break;
      }
    }
    if (!matched) {
      matched = { kind: "text", text: source[pos] };
    }
    if (matched.kind === "decorator" && !atLineStart) {
      // `a @ b` is matrix multiplication, not a decorator.
      matched = { kind: "operator", text: "@" };
    }
    if (matched.kind === "text" && /^[A-Za-z_\u00C0-\uFFFF]/.test(matched.text)) {
      matched.kind = classifyName(matched.text, previousWord);
      previousWord = matched.text;
    } else if (!/^\s+$/.test(matched.text)) {
      previousWord = "";
    }
    if (matched.text.includes("\n")) {
      atLineStart = /\n[ \t]*$/.test(matched.text);
    } else if (!/^[ \t]+$/.test(matched.text)) {
      atLineStart = false;
    }
    tokens.push(matched);
    pos += matched.text.length;
  }
  return tokens;
}

function classifyName(name: string, previousWord: string): TokenKind {
  if (previousWord === "def") return "function";
  if (previousWord === "class") return "class";
  if (KEYWORDS.has(name)) return "keyword";
  if (CONSTANTS.has(name)) return "constant";
  if (name === "self" || name === "cls") return "self";
  if (BUILTINS.has(name)) return "builtin";
  return "text";
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The source as HTML, one string per line, each a run of
 * `<span class="tok-KIND">` elements; spans never cross lines so the page
 * can number them.
 */
export function highlightLines(source: string): string[] {
  const lines: string[] = [""];
  for (const token of tokenize(source.replace(/\r\n?/g, "\n"))) {
    const parts = token.text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) {
        lines.push("");
      }
      if (part) {
        const escaped = escapeHtml(part);
        lines[lines.length - 1] += token.kind === "text" ? escaped : `<span class="tok-${token.kind}">${escaped}</span>`;
      }
    });
  }
  return lines;
}
