/**
 * Live-coding practice as the extension sees it: readers for the results of the server's
 * `pyiq.practice`, `pyiq.practice.run`, `.hint` and `.solution` commands, and the quick pick's
 * items. The server writes every text a user reads (titles, statuses, verdicts with the
 * learner's values); this module only picks fields out, leniently, so a payload that grows does
 * not break the picker or the panel. It must not import `vscode`: the unit tests and the webview
 * use it.
 */

import type { PickItem } from "./host";
import { isObject, text as str } from "./loose";

/** One exercise in the picker and the panel's list. */
export interface PracticeExercise {
  id: string;
  title: string;
  level: string;
  topic: string;
  /** The learner's standing, as the server words it: "new", "passed 3/7 · due for review". */
  detail: string;
}

/** One test of a run. */
export interface PracticeTest {
  name: string;
  /** "passed", "failed", "error", "timeout" or "not-run". */
  status: string;
  /** One line: the call, what was expected and what came back (the server's words). */
  summary: string;
  input: string;
  expected: string;
  actual: string;
  message: string;
  /** 1-based line of the learner's file where it raised, if it did. */
  line?: number;
}

/** After a pass: the quiz on the constructs the solution used, for the learner to start. */
export interface QuizOffer {
  /** "You used a generator (line 3): What are generators, …?" */
  message: string;
  /** The button: "Quiz me on the 2 constructs I used". */
  title: string;
}

/** One run of an exercise's tests against the learner's file. */
export interface PracticeRun {
  exercise: string;
  title: string;
  uri?: string;
  passed: number;
  total: number;
  ok: boolean;
  /** The run as a whole failed (did not import, killed by a limit). */
  problem: string;
  problemLine?: number;
  /** "Two sum: 2/10 tests passed. …" */
  summary: string;
  tests: PracticeTest[];
  durationMs?: number;
  offer?: QuizOffer;
}

/** What the panel's practice view shows: the exercises, and the last run when there is one. */
export interface PracticeData {
  exercises: PracticeExercise[];
  run?: PracticeRun;
  /** The last hint asked for the run's exercise ("Hint 1 of 3: …"). */
  hint?: string;
}

function int(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The exercises of a `pyiq.practice` (no id) result; rows without an id are dropped. */
export function readExercises(result: unknown): PracticeExercise[] {
  const rows = isObject(result) && Array.isArray(result.exercises) ? result.exercises : Array.isArray(result) ? result : [];
  const out: PracticeExercise[] = [];
  for (const row of rows) {
    if (!isObject(row)) continue;
    const id = str(row.id);
    if (!id) continue;
    out.push({
      id,
      title: str(row.title) || id,
      level: str(row.level),
      topic: str(row.topic),
      detail: str(row.detail) || str(row.status) || "new",
    });
  }
  return out;
}

/** "mid · hashing" (the parts that are there). */
export function levelTopic(exercise: PracticeExercise): string {
  return [exercise.level, exercise.topic].filter(Boolean).join(" · ");
}

/** The quick pick: title, then level · topic, then the learner's status; picking returns the id. */
export function practicePickItems(exercises: readonly PracticeExercise[]): PickItem[] {
  return exercises.map((e) => ({ label: e.title, description: levelTopic(e), detail: e.detail, value: e.id }));
}

function readTest(raw: unknown): PracticeTest | undefined {
  if (!isObject(raw)) return undefined;
  const name = str(raw.name);
  const status = str(raw.status);
  if (!name || !status) return undefined;
  const test: PracticeTest = {
    name,
    status,
    summary: str(raw.summary) || (status === "passed" ? `${name}: passed` : name),
    input: str(raw.input),
    expected: str(raw.expected),
    actual: str(raw.actual),
    message: str(raw.message),
  };
  const line = int(raw.line);
  if (line !== undefined && line > 0) test.line = line;
  return test;
}

/** A `pyiq.practice.run` result, or `undefined` when it is an error or not a run. */
export function readRun(result: unknown): PracticeRun | undefined {
  if (!isObject(result) || !Array.isArray(result.tests) || typeof result.ok !== "boolean") return undefined;
  const tests = result.tests.map(readTest).filter((t): t is PracticeTest => t !== undefined);
  const exercise = str(result.exercise);
  const title = str(result.title) || exercise;
  const passed = int(result.passed) ?? tests.filter((t) => t.status === "passed").length;
  const total = int(result.total) ?? tests.length;
  const run: PracticeRun = {
    exercise,
    title,
    passed,
    total,
    ok: result.ok,
    problem: str(result.problem),
    summary: str(result.summary) || `${title}: ${passed}/${total} tests passed`,
    tests,
  };
  const uri = str(result.uri);
  if (uri) run.uri = uri;
  const problemLine = int(result.problem_line);
  if (problemLine !== undefined && problemLine > 0) run.problemLine = problemLine;
  const duration = int(result.duration_ms);
  if (duration !== undefined) run.durationMs = duration;
  if (isObject(result.offer) && str(result.offer.message)) {
    run.offer = { message: str(result.offer.message), title: str(result.offer.title) || "Quiz me on what I used" };
  }
  return run;
}

/** The error text of a command result (`{"error": …}`), if it is one. */
export function resultError(result: unknown): string | undefined {
  return isObject(result) && typeof result.error === "string" && result.error ? result.error : undefined;
}

/** Where `pyiq.practice ID` wrote the stub: its URI, or undefined (see `resultError`). */
export function scaffoldedUri(result: unknown): string | undefined {
  return isObject(result) && typeof result.uri === "string" && result.uri ? result.uri : undefined;
}

/** The hint's text ("Hint 1 of 3: …"). */
export function readHint(result: unknown): string | undefined {
  return isObject(result) && typeof result.hint === "string" && result.hint ? result.hint : undefined;
}

/** The reference solution as a Markdown page: title, complexity, the code in a fence. */
export function solutionMarkdown(result: unknown): string | undefined {
  if (!isObject(result) || typeof result.solution !== "string") return undefined;
  const title = str(result.title) || str(result.id) || "Reference solution";
  const complexity = str(result.complexity);
  const code = result.solution.replace(/\s+$/, "");
  // The page's Markdown escapes all text (see webview/markup.ts): titles need no escaping here.
  const lines = [`# Reference solution: ${title}`, ""];
  if (complexity) lines.push(`Complexity: ${complexity}`, "");
  lines.push("```python", code, "```", "");
  return lines.join("\n");
}
