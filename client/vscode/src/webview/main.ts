/**
 * The quiz panel's page. It receives the quiz as data from the extension,
 * asks one question at a time (buttons, or keys 1-9), shows the verdict
 * with the explanation, reports each answer back so it lands in the
 * server's progress store, and ends with a summary.
 *
 * State survives the panel being hidden and shown again through the
 * webview state API. The page talks to nothing but the extension.
 */

import type { FromWebview, ToWebview } from "../protocol";
import type { PracticeData } from "../practiceModel";
import type { Quiz, QuizQuestion } from "../quizModel";
import { codeBlock, renderInline, renderMarkdown } from "./markup";
import { escapeHtml } from "./highlight";
import { renderPractice } from "./practice";

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

interface Answer {
  chosen: number;
  correct: boolean;
}

interface State {
  quiz: Quiz;
  index: number;
  answers: (Answer | null)[];
}

const vscode = acquireVsCodeApi();
const view = document.getElementById("view") as HTMLElement;
const titleEl = document.getElementById("title") as HTMLElement;
const counterEl = document.getElementById("counter") as HTMLElement;
const scoreEl = document.getElementById("score") as HTMLElement;
const progressEl = document.getElementById("progress") as HTMLElement;
const progressFill = document.getElementById("progress-fill") as HTMLElement;

let state: State | undefined = restore(vscode.getState());
/** The practice view when it is what the panel shows (the quiz's `state` is then undefined). */
let practice: PracticeData | undefined = restorePractice(vscode.getState());
/** When the current question was shown (ms), for the answer's `elapsed`; unknown after a reload. */
let shownAt: number | undefined;

const REASONS: Record<string, string> = {
  "bug-risk": "bug risk in your code",
  new: "new",
  learning: "learning",
  due: "due for review",
  review: "review",
};

function restore(saved: unknown): State | undefined {
  if (typeof saved !== "object" || saved === null) {
    return undefined;
  }
  const s = saved as Partial<State>;
  if (!s.quiz || !Array.isArray(s.quiz.questions) || typeof s.index !== "number" || !Array.isArray(s.answers)) {
    return undefined;
  }
  return s as State;
}

function restorePractice(saved: unknown): PracticeData | undefined {
  if (typeof saved !== "object" || saved === null) return undefined;
  const p = (saved as { practice?: Partial<PracticeData> }).practice;
  return p && Array.isArray(p.exercises) ? (p as PracticeData) : undefined;
}

function save(): void {
  vscode.setState(state ?? (practice ? { practice } : null));
}

function renderPracticeView(data: PracticeData): void {
  state = undefined;
  updateHeader();
  titleEl.textContent = data.run ? `Practice · ${data.run.title}` : "pyiq practice";
  document.title = titleEl.textContent;
  counterEl.textContent = "";
  view.innerHTML = renderPractice(data);
  view.querySelectorAll<HTMLButtonElement>("button.start").forEach((button) => {
    button.addEventListener("click", () => {
      const id = button.dataset.id;
      if (id) post({ type: "practiceStart", id });
    });
  });
  view.querySelectorAll<HTMLButtonElement>("button.where").forEach((button) => {
    button.addEventListener("click", () => post({ type: "reveal", line: Number(button.dataset.line) }));
  });
  document.getElementById("practice-run")?.addEventListener("click", () => post({ type: "practiceRun" }));
  document.getElementById("practice-hint")?.addEventListener("click", () => post({ type: "practiceHint" }));
  document.getElementById("practice-quiz")?.addEventListener("click", () => post({ type: "practiceQuiz" }));
}

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function answeredCount(s: State): number {
  return s.answers.filter((a) => a !== null).length;
}

function correctCount(s: State): number {
  return s.answers.filter((a) => a?.correct).length;
}

function updateHeader(): void {
  if (!state) {
    counterEl.textContent = "";
    scoreEl.textContent = "";
    progressEl.hidden = true;
    return;
  }
  const total = state.quiz.questions.length;
  const done = answeredCount(state);
  titleEl.textContent = state.quiz.title;
  document.title = state.quiz.title;
  progressEl.hidden = total === 0;
  counterEl.textContent =
    total === 0 ? "" : state.index >= total ? `${total} of ${total} answered` : `Question ${state.index + 1} of ${total}`;
  scoreEl.textContent = total === 0 ? "" : `Score ${correctCount(state)}/${done}`;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  progressFill.style.width = `${percent}%`;
  progressEl.setAttribute("aria-valuenow", String(done));
  progressEl.setAttribute("aria-valuemax", String(total));
  progressEl.setAttribute("aria-valuetext", `${done} of ${total} answered`);
}

function render(): void {
  updateHeader();
  if (!state) {
    return;
  }
  const { quiz, index } = state;
  if (quiz.questions.length === 0) {
    view.innerHTML =
      `<article class="empty"><h2>Nothing to quiz yet</h2>` +
      `<p>pyiq found no interview topics in this file. Open a file with functions, classes or ` +
      `comprehensions and try again.</p></article>`;
    return;
  }
  if (index >= quiz.questions.length) {
    renderSummary(state);
    return;
  }
  renderQuestion(quiz.questions[index], state.answers[index] ?? null);
}

function renderQuestion(q: QuizQuestion, answer: Answer | null): void {
  const meta: string[] = [];
  // A topic is a chip; a whole interview question reads better as a line of its own.
  const longTitle = q.title !== undefined && q.title.length > 48;
  if (q.title && !longTitle) meta.push(`<span class="topic">${escapeHtml(q.title)}</span>`);
  if (q.level) meta.push(`<span class="level">${escapeHtml(q.level)}</span>`);
  if (q.reason) meta.push(`<span class="reason reason-${escapeHtml(q.reason)}">${escapeHtml(REASONS[q.reason] ?? q.reason)}</span>`);
  if (q.line !== undefined) {
    meta.push(`<button class="link where" type="button" data-line="${q.line}">line ${q.line}</button>`);
  }
  const choices = q.choices
    .map((choice, i) => {
      const key = i < 9 ? `<kbd aria-hidden="true">${i + 1}</kbd>` : "";
      return (
        `<button class="choice" type="button" data-index="${i}" aria-keyshortcuts="${i + 1}">` +
        `${key}<span class="choice-text">${renderInline(choice)}</span></button>`
      );
    })
    .join("");
  view.innerHTML =
    `<article class="question">` +
    (meta.length ? `<div class="meta">${meta.join("")}</div>` : "") +
    (longTitle && q.title ? `<p class="interview">${renderInline(q.title)}</p>` : "") +
    `<h2 class="prompt">${renderInline(q.prompt)}</h2>` +
    (q.why ? `<p class="why">${renderInline(q.why)}</p>` : "") +
    (q.code ? codeBlock(q.code, q.line) : "") +
    `<div class="choices" role="group" aria-label="Choices">${choices}</div>` +
    `<div class="verdict" id="verdict" role="status" aria-live="polite" hidden></div>` +
    `</article>`;
  view.querySelectorAll<HTMLButtonElement>("button.choice").forEach((button) => {
    button.addEventListener("click", () => choose(Number(button.dataset.index)));
  });
  view.querySelector<HTMLButtonElement>("button.where")?.addEventListener("click", () => {
    if (q.line !== undefined) post({ type: "reveal", line: q.line });
  });
  if (answer) {
    showVerdict(q, answer);
  } else {
    shownAt = performance.now();
    view.querySelector<HTMLButtonElement>("button.choice")?.focus();
  }
}

function showVerdict(q: QuizQuestion, answer: Answer): void {
  view.querySelectorAll<HTMLButtonElement>("button.choice").forEach((button) => {
    const i = Number(button.dataset.index);
    button.disabled = true;
    button.classList.toggle("is-correct", i === q.correct);
    button.classList.toggle("is-wrong", i === answer.chosen && !answer.correct);
    button.classList.toggle("is-chosen", i === answer.chosen);
    if (i === q.correct) button.setAttribute("aria-label", `${q.choices[i]} (correct answer)`);
  });
  const verdict = document.getElementById("verdict") as HTMLElement;
  const parts: string[] = [];
  parts.push(
    answer.correct
      ? `<p class="verdict-title ok"><span class="icon" aria-hidden="true">✓</span> Correct</p>`
      : `<p class="verdict-title bad"><span class="icon" aria-hidden="true">✗</span> Not quite — ` +
          `the answer is <strong>${escapeHtml(String(q.correct + 1))}</strong></p>`,
  );
  const chosenWhy = q.explanations[answer.chosen];
  const correctWhy = q.explanations[q.correct];
  if (!answer.correct && chosenWhy) parts.push(`<div class="explanation chosen">${renderMarkdown(chosenWhy)}</div>`);
  if (correctWhy) parts.push(`<div class="explanation">${renderMarkdown(correctWhy)}</div>`);
  if (q.explanation && q.explanation !== correctWhy) {
    parts.push(`<div class="explanation">${renderMarkdown(q.explanation)}</div>`);
  }
  const last = state !== undefined && state.index === state.quiz.questions.length - 1;
  parts.push(
    `<div class="actions"><button class="primary" id="next" type="button">` +
      `${last ? "See summary" : "Next question"} <kbd aria-hidden="true">Enter</kbd></button></div>`,
  );
  verdict.innerHTML = parts.join("");
  verdict.hidden = false;
  verdict.classList.toggle("ok", answer.correct);
  verdict.classList.toggle("bad", !answer.correct);
  const next = document.getElementById("next") as HTMLButtonElement;
  next.addEventListener("click", advance);
  next.focus();
}

function choose(chosen: number): void {
  if (!state || state.index >= state.quiz.questions.length) return;
  const q = state.quiz.questions[state.index];
  if (state.answers[state.index] || chosen < 0 || chosen >= q.choices.length) return;
  const answer = { chosen, correct: chosen === q.correct };
  state.answers[state.index] = answer;
  save();
  const report: FromWebview = { type: "answer", id: q.id, chosen, correct: answer.correct };
  if (shownAt !== undefined) report.elapsed = Math.round((performance.now() - shownAt) / 100) / 10;
  if (q.rule) report.rule = q.rule;
  shownAt = undefined;
  post(report);
  updateHeader();
  showVerdict(q, answer);
}

function advance(): void {
  if (!state || !state.answers[state.index]) return;
  state.index += 1;
  save();
  if (state.index >= state.quiz.questions.length) {
    post({ type: "done", asked: answeredCount(state), correct: correctCount(state) });
  }
  render();
}

function renderSummary(s: State): void {
  const total = s.quiz.questions.length;
  const right = correctCount(s);
  const rows = s.quiz.questions
    .map((q, i) => {
      const a = s.answers[i];
      const ok = a?.correct === true;
      return (
        `<li class="${ok ? "ok" : "bad"}"><span class="icon" aria-label="${ok ? "correct" : "wrong"}">` +
        `${ok ? "✓" : "✗"}</span> ${renderInline(q.prompt)}</li>`
      );
    })
    .join("");
  const ratio = total ? right / total : 0;
  const cheer = ratio === 1 ? "Perfect score." : ratio >= 0.6 ? "Well done." : "Worth another look.";
  view.innerHTML =
    `<article class="summary">` +
    `<h2>Quiz complete</h2>` +
    `<p class="big"><span id="final-score">${right} / ${total}</span> correct</p>` +
    `<p>${cheer} Your answers are saved; questions you missed come back sooner.</p>` +
    `<ol class="results">${rows}</ol>` +
    `<div class="actions"><button class="primary" id="again" type="button">Quiz me again</button></div>` +
    `</article>`;
  const again = document.getElementById("again") as HTMLButtonElement;
  again.addEventListener("click", () => post({ type: "again" }));
  again.focus();
}

function showMessage(kind: "loading" | "error", text: string, heading = "Could not start the quiz"): void {
  view.innerHTML =
    kind === "loading"
      ? `<article class="loading"><p><span class="spinner" aria-hidden="true"></span> ${escapeHtml(text)}</p></article>`
      : `<article class="error" role="alert"><h2>${escapeHtml(heading)}</h2><p>${escapeHtml(text)}</p></article>`;
}

window.addEventListener("message", (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (!message || typeof message !== "object") return;
  switch (message.type) {
    case "loading":
      state = undefined;
      practice = undefined;
      save();
      titleEl.textContent = message.title;
      updateHeader();
      showMessage("loading", message.text ?? "Preparing your quiz…");
      break;
    case "quiz":
      practice = undefined;
      state = { quiz: message.quiz, index: 0, answers: message.quiz.questions.map(() => null) };
      save();
      render();
      break;
    case "practice":
      practice = message.practice;
      renderPracticeView(practice);
      save();
      break;
    case "error":
      state = undefined;
      practice = undefined;
      save();
      updateHeader();
      showMessage("error", message.message, message.heading);
      break;
    case "recorded":
      if (!message.ok) {
        const verdict = document.getElementById("verdict");
        if (verdict && !verdict.querySelector(".unsaved")) {
          verdict.insertAdjacentHTML("beforeend", `<p class="unsaved">This answer could not be saved to your progress.</p>`);
        }
      }
      break;
  }
});

document.addEventListener("keydown", (event: KeyboardEvent) => {
  if (event.altKey || event.ctrlKey || event.metaKey || !state) return;
  const inQuestion = state.index < state.quiz.questions.length;
  if (inQuestion && !state.answers[state.index] && /^[1-9]$/.test(event.key)) {
    choose(Number(event.key) - 1);
    event.preventDefault();
  } else if (inQuestion && state.answers[state.index] && (event.key === "Enter" || event.key === "ArrowRight")) {
    // Enter on a focused button would also click it; handle it once here.
    advance();
    event.preventDefault();
  }
});

if (state) {
  render();
} else if (practice) {
  renderPracticeView(practice);
} else {
  updateHeader();
}
post({ type: "ready", restored: state !== undefined || practice !== undefined });
