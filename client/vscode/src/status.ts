/**
 * The status bar item's text: how many interview topics the current file
 * holds and how many reviews are due. Pure, so the wording is unit-tested.
 */

export interface StatusInput {
  /** Whether the active editor shows a Python file. */
  python: boolean;
  /** Interview topics (pyiq findings) in that file. */
  topics: number;
  /** Reviews due in the progress store, when the server reports it. */
  due?: number;
  /** The server is not running (not found, crashed, starting). */
  state: "running" | "starting" | "stopped";
}

export interface StatusView {
  visible: boolean;
  text: string;
  tooltip: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function statusView(input: StatusInput): StatusView {
  if (!input.python) {
    return { visible: false, text: "", tooltip: "" };
  }
  if (input.state === "stopped") {
    return {
      visible: true,
      text: "$(warning) pyiq",
      tooltip: "pyiq: the language server is not running. Click to see its output.",
    };
  }
  if (input.state === "starting") {
    return { visible: true, text: "$(sync~spin) pyiq", tooltip: "pyiq: starting the language server…" };
  }
  const due = input.due ?? 0;
  let text = `$(mortar-board) ${input.topics}`;
  if (due > 0) {
    text += ` · ${due} due`;
  }
  const parts = [`${plural(input.topics, "interview topic", "interview topics")} in this file`];
  if (input.due !== undefined) {
    parts.push(`${plural(due, "review", "reviews")} due`);
  }
  const action = input.topics > 0 ? "Click to quiz yourself on this file." : "Nothing to quiz on in this file yet.";
  return { visible: true, text, tooltip: `pyiq: ${parts.join("; ")}. ${action}` };
}

/** Counts distinct topics among diagnostics: one per rule and line, from source "pyiq". */
export function countTopics(diagnostics: readonly { source?: string; code?: unknown; line: number }[]): number {
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== "pyiq") continue;
    const code = typeof d.code === "object" && d.code !== null ? (d.code as { value?: unknown }).value : d.code;
    seen.add(`${String(code)}@${d.line}`);
  }
  return seen.size;
}
