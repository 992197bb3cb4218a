/**
 * The quiz panel's practice view as HTML: the last run's verdicts (each failing test with its
 * call, the expected and the actual value, as LeetCode's and Exercism's runners show them),
 * then the exercises with the learner's status and a button to start one.
 *
 * Pure (no DOM) so the unit tests check exactly what the page shows. Every text comes from the
 * server and may hold the learner's own values (`actual` is whatever their code returned), so
 * every piece is escaped; nothing here is rendered as Markdown or HTML.
 */

import { levelTopic, type PracticeData, type PracticeExercise, type PracticeRun, type PracticeTest } from "../practiceModel";
import { escapeHtml } from "./highlight";

/** Long values are cut: a learner's loop can return a list of a million items. */
const MAX_VALUE = 400;

function value(text: string): string {
  const cut = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
  return `<code>${escapeHtml(cut)}</code>`;
}

function lineButton(line: number | undefined): string {
  return line !== undefined ? ` <button class="link where" type="button" data-line="${line}">line ${line}</button>` : "";
}

const ICONS: Record<string, string> = { passed: "✓", failed: "✗", error: "✗", timeout: "⏱", "not-run": "–" };

function failingTest(test: PracticeTest): string {
  const rows: string[] = [];
  if (test.input) rows.push(`<dt>call</dt><dd>${value(test.input)}</dd>`);
  if (test.expected || test.actual) {
    rows.push(`<dt>expected</dt><dd>${value(test.expected)}</dd>`, `<dt>actual</dt><dd>${value(test.actual)}</dd>`);
  }
  const body = rows.length
    ? `<dl class="io">${rows.join("")}</dl>` + (test.message && !test.expected && !test.actual ? `<p class="test-message">${escapeHtml(test.message)}</p>` : "")
    : `<p class="test-message">${escapeHtml(test.summary)}</p>`;
  return (
    `<li class="test ${escapeHtml(test.status)}"><div class="test-head"><span class="icon" aria-label="${escapeHtml(test.status)}">` +
    `${ICONS[test.status] ?? "✗"}</span> <span class="test-name">${escapeHtml(test.name)}</span>` +
    `${test.status === "timeout" ? ' <span class="test-status">timed out</span>' : ""}${lineButton(test.line)}</div>${body}</li>`
  );
}

/**
 * Failing tests that failed the same way (an untouched stub's NotImplementedError, one bad
 * line) are one entry: the first in full, the others by name, instead of ten identical blocks.
 * Tests with their own expected and actual values always stand alone.
 */
function groupFailures(tests: readonly PracticeTest[]): PracticeTest[][] {
  const groups: PracticeTest[][] = [];
  for (const test of tests) {
    const last = groups.at(-1)?.[0];
    const same =
      last !== undefined &&
      !test.expected &&
      !test.actual &&
      !last.expected &&
      !last.actual &&
      test.status === last.status &&
      test.message === last.message &&
      test.line === last.line;
    if (same) groups[groups.length - 1].push(test);
    else groups.push([test]);
  }
  return groups;
}

function renderGroup(group: PracticeTest[]): string {
  const html = failingTest(group[0]);
  if (group.length === 1) return html;
  const names = group
    .slice(1)
    .map((t) => `<span class="test-name">${escapeHtml(t.name)}</span>`)
    .join(", ");
  return html.replace(/<\/li>$/, `<p class="same-failure">The same for ${group.length - 1} more: ${names}</p></li>`);
}

/** The verdicts of one run: failing tests in full, passing and not-run ones as names. */
export function renderRun(run: PracticeRun, hint?: string): string {
  const failing = run.tests.filter((t) => t.status !== "passed" && t.status !== "not-run");
  const passed = run.tests.filter((t) => t.status === "passed");
  const skipped = run.tests.filter((t) => t.status === "not-run");
  const parts: string[] = [
    `<section class="run ${run.ok ? "ok" : "bad"}" aria-label="Test results">`,
    `<p class="verdict-title ${run.ok ? "ok" : "bad"}"><span class="icon" aria-hidden="true">${run.ok ? "✓" : "✗"}</span> ` +
      `<span id="run-score">${run.passed}/${run.total}</span> tests passed` +
      (run.durationMs !== undefined ? ` <span class="muted">in ${(run.durationMs / 1000).toFixed(1)} s</span>` : "") +
      `</p>`,
  ];
  if (run.problem) parts.push(`<p class="problem">${escapeHtml(run.problem)}${lineButton(run.problemLine)}</p>`);
  if (run.ok) parts.push(`<p>${escapeHtml(run.summary)}</p>`);
  if (run.ok && run.offer) {
    parts.push(
      `<p class="offer">${escapeHtml(run.offer.message)}</p>` +
        `<div class="actions"><button class="primary" id="practice-quiz" type="button">${escapeHtml(run.offer.title)}</button></div>`,
    );
  }
  if (failing.length) parts.push(`<ol class="tests">${groupFailures(failing).map(renderGroup).join("")}</ol>`);
  if (passed.length) {
    parts.push(
      `<p class="passed-list"><span class="icon ok" aria-hidden="true">✓</span> ${passed.length} passed: ` +
        `${passed.map((t) => `<span class="test-name">${escapeHtml(t.name)}</span>`).join(", ")}</p>`,
    );
  }
  if (skipped.length) {
    parts.push(`<p class="muted">${skipped.length} not run: ${escapeHtml(skipped[0].message || "stopped by an earlier test")}</p>`);
  }
  if (hint) parts.push(`<p class="hint">${escapeHtml(hint)}</p>`);
  parts.push(
    `<div class="actions"><button class="secondary" id="practice-hint" type="button">Hint</button>` +
      `<button class="primary" id="practice-run" type="button">▶ Run tests again</button></div>`,
    `</section>`,
  );
  return parts.join("");
}

function exerciseRow(exercise: PracticeExercise): string {
  const due = /due for review/.test(exercise.detail);
  const fresh = exercise.detail === "new";
  return (
    `<li class="exercise"><div class="exercise-text"><span class="exercise-title">${escapeHtml(exercise.title)}</span>` +
    `<span class="exercise-meta">${escapeHtml(levelTopic(exercise))}</span>` +
    `<span class="exercise-status${due ? " due" : fresh ? " new" : ""}">${escapeHtml(exercise.detail)}</span></div>` +
    `<button class="start" type="button" data-id="${escapeHtml(exercise.id)}" aria-label="Start ${escapeHtml(exercise.title)}">` +
    `${fresh ? "Start" : "Open"}</button></li>`
  );
}

/** The whole practice view. */
export function renderPractice(data: PracticeData): string {
  const parts: string[] = [];
  if (data.run) parts.push(`<article class="practice-run">${renderRun(data.run, data.hint)}</article>`);
  const due = data.exercises.filter((e) => /due for review/.test(e.detail)).length;
  parts.push(
    `<article class="practice-list"><h2>Exercises <span class="muted">${data.exercises.length}` +
      `${due ? ` · ${due} due for review` : ""}</span></h2>` +
      (data.exercises.length
        ? `<ul class="exercises">${data.exercises.map(exerciseRow).join("")}</ul>`
        : `<p>No exercises: this pyiq has none installed.</p>`) +
      `<p class="muted">Start writes the stub to practice/ in your workspace (never over your work) and opens it; ` +
      `run its tests from the code lens above the function.</p></article>`,
  );
  return parts.join("");
}
