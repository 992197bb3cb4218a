/**
 * Messages between the extension and the quiz webview. Shared by both sides
 * (and the browser test), so a renamed field fails the type check instead of
 * silently breaking the panel.
 */

import type { Quiz } from "./quizModel";

export type ToWebview =
  | { type: "loading"; title: string }
  | { type: "quiz"; quiz: Quiz }
  | { type: "error"; message: string }
  /** The server stored (or failed to store) the answer to question `id`. */
  | { type: "recorded"; id: string; ok: boolean };

export type FromWebview =
  /** The page loaded; `restored` when it brought back a quiz from its saved state. */
  | { type: "ready"; restored: boolean }
  | { type: "answer"; id: string; chosen: number; correct: boolean; elapsed?: number; rule?: string }
  | { type: "done"; asked: number; correct: number }
  | { type: "again" }
  /** Reveal a line (1-based) of the quiz's document in the editor. */
  | { type: "reveal"; line: number };

export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const type = (value as { type?: unknown }).type;
  return type === "ready" || type === "answer" || type === "done" || type === "again" || type === "reveal";
}
