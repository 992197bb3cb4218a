/**
 * The quiz as the webview sees it, and the tolerant reader that turns the
 * server's answer to `pyiq.quizFile` / `pyiq.quizAt` (with `quizUi: "data"`)
 * into it.
 *
 * The reader is deliberately lenient about spelling (`correct` or `answer`,
 * per-choice `explanations` or one `explanation`, choices as strings or as
 * objects) so that the panel keeps working while the server's payload grows,
 * and it drops malformed questions instead of failing the whole quiz.
 * This module must not import `vscode`: the unit tests and the webview use it.
 */

import { isObject, text, type Loose } from "./loose";

export interface QuizQuestion {
  /** Question id in the bank; sent back with the answer. */
  id: string;
  /** Rule that found the construct, when the question came from a finding. */
  rule?: string;
  /** Short topic title ("Mutable default argument"). */
  title?: string;
  prompt: string;
  /** The user's code the question is about (may be empty). */
  code: string;
  /** 1-based line number of the first line of `code` in the file. */
  line?: number;
  choices: string[];
  /** Index into `choices`. */
  correct: number;
  /** One explanation per choice ("" where the server gave none). */
  explanations: string[];
  /** Explanation shown whatever was chosen (the answer's reasoning). */
  explanation: string;
  /** "Why this came up here", tied to the user's code. */
  why?: string;
  level?: string;
  /** Why the quiz picked it: "bug-risk", "new", "learning", "due" or "review". */
  reason?: string;
}

export interface Quiz {
  title: string;
  /** The document the quiz is about (LSP URI string). */
  uri?: string;
  questions: QuizQuestion[];
}

/** What the webview reports for one answered question. */
export interface AnswerReport {
  id: string;
  chosen: number;
  correct: boolean;
  /** Seconds from showing the question to the answer (the store rates fast answers "easy"). */
  elapsed?: number;
  rule?: string;
}

function firstString(source: Loose, ...keys: string[]): string {
  for (const key of keys) {
    const value = text(source[key]);
    if (value) {
      return value;
    }
  }
  return "";
}

function readChoice(choice: unknown): { label: string; explanation: string; correct?: boolean } {
  if (isObject(choice)) {
    return {
      label: firstString(choice, "text", "label", "title", "choice"),
      explanation: firstString(choice, "explanation", "why", "feedback"),
      correct: typeof choice.correct === "boolean" ? choice.correct : undefined,
    };
  }
  return { label: text(choice), explanation: "" };
}

/** One question, or `undefined` when it cannot be asked (no choices, no valid answer). */
export function readQuestion(raw: unknown, index: number): QuizQuestion | undefined {
  if (!isObject(raw)) {
    return undefined;
  }
  const choices = Array.isArray(raw.choices) ? raw.choices.map(readChoice) : [];
  if (choices.length < 2 || choices.some((c) => !c.label)) {
    return undefined;
  }
  let correct = -1;
  for (const key of ["correct", "answer", "correctIndex", "correct_index"]) {
    const value = raw[key];
    if (typeof value === "number" && Number.isInteger(value)) {
      correct = value;
      break;
    }
  }
  if (correct < 0) {
    correct = choices.findIndex((c) => c.correct === true);
  }
  if (correct < 0 || correct >= choices.length) {
    return undefined;
  }
  let explanations = choices.map((c) => c.explanation);
  if (Array.isArray(raw.explanations)) {
    explanations = choices.map((c, i) => text((raw.explanations as unknown[])[i]) || c.explanation);
  }
  const lineValue = raw.line ?? (isObject(raw.range) && isObject(raw.range.start) ? raw.range.start.line : undefined);
  let line: number | undefined;
  if (typeof lineValue === "number" && Number.isFinite(lineValue)) {
    // A range start is 0-based (LSP); an explicit `line` is 1-based.
    line = raw.line !== undefined ? lineValue : lineValue + 1;
  }
  const question: QuizQuestion = {
    id: firstString(raw, "id", "questionId") || `question-${index + 1}`,
    prompt: firstString(raw, "prompt", "text", "question_text", "title"),
    code: firstString(raw, "code", "snippet", "example"),
    choices: choices.map((c) => c.label),
    correct,
    explanations,
    explanation: firstString(raw, "explanation", "short", "answer_text"),
  };
  const rule = firstString(raw, "rule", "ruleId");
  // `question` is the bank's interview question the quiz item drills into.
  const title = firstString(raw, "topic", "title", "name", "question");
  const why = firstString(raw, "why", "context");
  const level = firstString(raw, "level");
  const reason = firstString(raw, "reason");
  if (rule) question.rule = rule;
  if (title && title !== question.prompt) question.title = title;
  if (why) question.why = why;
  if (level) question.level = level;
  if (reason) question.reason = reason;
  if (line !== undefined) question.line = line;
  if (!question.prompt) {
    return undefined;
  }
  return question;
}

/**
 * The quiz in a command result, or `undefined` when the result is not quiz
 * data (e.g. the summary the server returns after a message-based quiz).
 */
export function readQuiz(raw: unknown, fallbackTitle = "pyiq quiz"): Quiz | undefined {
  if (Array.isArray(raw)) {
    raw = { questions: raw };
  }
  if (!isObject(raw)) {
    return undefined;
  }
  const container = isObject(raw.quiz) ? raw.quiz : raw;
  if (!Array.isArray(container.questions)) {
    return undefined;
  }
  const questions = container.questions
    .map((q, i) => readQuestion(q, i))
    .filter((q): q is QuizQuestion => q !== undefined);
  const quiz: Quiz = {
    title: firstString(container, "title", "name") || fallbackTitle,
    questions,
  };
  const uri = firstString(container, "uri", "document");
  if (uri) {
    quiz.uri = uri;
  }
  return quiz;
}

/** Whether a message from the webview is a well-formed answer report. */
export function isAnswerReport(value: unknown): value is AnswerReport {
  return (
    isObject(value) &&
    typeof value.id === "string" &&
    typeof value.chosen === "number" &&
    Number.isInteger(value.chosen) &&
    value.chosen >= 0 &&
    typeof value.correct === "boolean" &&
    (value.elapsed === undefined || (typeof value.elapsed === "number" && value.elapsed >= 0)) &&
    (value.rule === undefined || typeof value.rule === "string")
  );
}

/** Score of a list of reports: how many were asked and answered right. */
export function score(reports: readonly AnswerReport[]): { asked: number; correct: number } {
  return { asked: reports.length, correct: reports.filter((r) => r.correct).length };
}
