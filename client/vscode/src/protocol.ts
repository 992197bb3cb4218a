/**
 * Messages between the extension and the quiz webview. Shared by both sides
 * (and the browser test), so a renamed field fails the type check instead of
 * silently breaking the panel.
 */

import type { PracticeData } from "./practiceModel";
import type { Quiz } from "./quizModel";

export type ToWebview =
  /** Something is on its way; `text` says what (default: the quiz). */
  | { type: "loading"; title: string; text?: string }
  | { type: "quiz"; quiz: Quiz }
  | { type: "error"; message: string; heading?: string }
  /** The server stored (or failed to store) the answer to question `id`. */
  | { type: "recorded"; id: string; ok: boolean }
  /** The practice view: the exercises with the learner's status, and the last run's verdicts. */
  | { type: "practice"; practice: PracticeData };

export type FromWebview =
  /** The page loaded; `restored` when it brought back a quiz from its saved state. */
  | { type: "ready"; restored: boolean }
  | { type: "answer"; id: string; chosen: number; correct: boolean; elapsed?: number; rule?: string }
  | { type: "done"; asked: number; correct: number }
  | { type: "again" }
  /** Reveal a line (1-based) of the quiz's document in the editor. */
  | { type: "reveal"; line: number }
  /** Practice view: scaffold exercise `id` and open it. */
  | { type: "practiceStart"; id: string }
  /** Practice view: run the tests of the last run's file again. */
  | { type: "practiceRun" }
  /** Practice view: the next hint for the last run's file. */
  | { type: "practiceHint" }
  /** Practice view: the quiz on what the passing solution used. */
  | { type: "practiceQuiz" };

export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const type = (value as { type?: unknown }).type;
  if (type === "practiceStart") return typeof (value as { id?: unknown }).id === "string";
  return (
    type === "ready" ||
    type === "answer" ||
    type === "done" ||
    type === "again" ||
    type === "reveal" ||
    type === "practiceRun" ||
    type === "practiceHint" ||
    type === "practiceQuiz"
  );
}
