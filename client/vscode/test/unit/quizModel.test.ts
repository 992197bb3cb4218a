import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isAnswerReport, readQuestion, readQuiz, score } from "../../src/quizModel";

const question = {
  id: "mutable-defaults-leak",
  rule: "mutable-default-argument",
  topic: "Mutable default argument",
  prompt: "What does `append_to(1)` return on the second call?",
  code: "def append_to(x, items=[]):\n    items.append(x)\n    return items",
  line: 3,
  choices: ["[1]", "[1, 1]", "None", "TypeError"],
  correct: 1,
  explanations: ["", "The default list is created once.", "", ""],
  level: "junior",
};

describe("readQuiz", () => {
  it("reads the server's quiz data", () => {
    const quiz = readQuiz({ title: "Quiz · demo.py", uri: "file:///demo.py", questions: [question] });
    assert.ok(quiz);
    assert.equal(quiz.title, "Quiz · demo.py");
    assert.equal(quiz.uri, "file:///demo.py");
    assert.equal(quiz.questions.length, 1);
    const q = quiz.questions[0];
    assert.equal(q.id, "mutable-defaults-leak");
    assert.equal(q.correct, 1);
    assert.equal(q.title, "Mutable default argument");
    assert.equal(q.line, 3);
    assert.deepEqual(q.choices, ["[1]", "[1, 1]", "None", "TypeError"]);
    assert.equal(q.explanations[1], "The default list is created once.");
  });

  it("accepts a bare list, a wrapped quiz and alternative spellings", () => {
    assert.equal(readQuiz([question])?.questions.length, 1);
    assert.equal(readQuiz({ quiz: { questions: [question] } })?.questions.length, 1);
    const alt = readQuestion(
      {
        id: "q",
        text: "Which?",
        choices: [
          { text: "a", explanation: "no" },
          { text: "b", explanation: "yes", correct: true },
        ],
        range: { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } },
      },
      0,
    );
    assert.ok(alt);
    assert.equal(alt.correct, 1);
    assert.equal(alt.prompt, "Which?");
    assert.deepEqual(alt.explanations, ["no", "yes"]);
    assert.equal(alt.line, 10, "a 0-based LSP range start becomes a 1-based line");
  });

  it("drops questions that cannot be asked and keeps the rest", () => {
    const quiz = readQuiz({
      questions: [
        question,
        { ...question, correct: 7 },
        { ...question, choices: ["only one"] },
        { ...question, prompt: "" },
        "junk",
        null,
      ],
    });
    assert.equal(quiz?.questions.length, 1);
  });

  it("is not fooled by a summary result", () => {
    assert.equal(readQuiz({ asked: 3, correct: 2 }), undefined);
    assert.equal(readQuiz(null), undefined);
    assert.equal(readQuiz("text"), undefined);
  });

  it("gives questions without an id a stable one", () => {
    assert.equal(readQuestion({ ...question, id: undefined }, 4)?.id, "question-5");
  });
});

describe("answers", () => {
  it("validates answer reports", () => {
    assert.ok(isAnswerReport({ id: "q", chosen: 0, correct: true }));
    assert.ok(!isAnswerReport({ id: "q", chosen: -1, correct: true }));
    assert.ok(!isAnswerReport({ id: "q", chosen: 1.5, correct: true }));
    assert.ok(!isAnswerReport({ id: 3, chosen: 1, correct: true }));
    assert.ok(!isAnswerReport({ id: "q", chosen: 1, correct: "yes" }));
    assert.ok(isAnswerReport({ id: "q", chosen: 1, correct: true, elapsed: 3.5, rule: "r" }));
    assert.ok(!isAnswerReport({ id: "q", chosen: 1, correct: true, elapsed: "3" }));
  });

  it("scores", () => {
    assert.deepEqual(
      score([
        { id: "a", chosen: 0, correct: true },
        { id: "b", chosen: 1, correct: false },
      ]),
      { asked: 2, correct: 1 },
    );
  });
});

describe("the quiz builder's items", () => {
  it("reads pyiq.quiz.model.QuizItem fields (reason, topic, level, line)", () => {
    const q = readQuestion(
      {
        id: "predict:mutable-default-argument",
        kind: "predict",
        prompt: "What does this print?",
        code: "def f(x=[]): ...",
        choices: [
          { text: "[1]", correct: false, explanation: "" },
          { text: "[1, 1]", correct: true, explanation: "" },
        ],
        correct_index: 1,
        question_id: "mutable-default-arguments",
        question: "Why are mutable defaults dangerous?",
        rule: "mutable-default-argument",
        topic: "functions",
        level: "junior",
        path: "shop/orders.py",
        line: 12,
        reason: "bug-risk",
      },
      0,
    );
    assert.ok(q);
    assert.equal(q.id, "predict:mutable-default-argument");
    assert.equal(q.title, "functions");
    assert.equal(q.reason, "bug-risk");
    assert.equal(q.line, 12);
    assert.equal(q.rule, "mutable-default-argument");
  });
});

describe("the server's quiz data", () => {
  it("reads pyiq.lsp.quiz.quiz_data's shape", () => {
    // As returned by `pyiq.quizFile` with quizUi "data" (server/pyiq/lsp/quiz.py).
    const quiz = readQuiz({
      questions: [
        {
          id: "functions-mutable-default",
          question: "Why do mutable default arguments leak state between calls?",
          prompt: "What does the second call print?",
          code: "def f(x=[]):\n    x.append(1)\n    return x\nf()\nprint(f())",
          choices: [
            { text: "[1]", correct: false, explanation: "Defaults are not re-created per call." },
            { text: "[1, 1]", correct: true, explanation: "The same list object is reused." },
          ],
          correct_index: 1,
        },
      ],
    });
    assert.ok(quiz);
    const [q] = quiz.questions;
    assert.equal(q.id, "functions-mutable-default");
    assert.equal(q.title, "Why do mutable default arguments leak state between calls?");
    assert.equal(q.prompt, "What does the second call print?");
    assert.equal(q.correct, 1);
    assert.deepEqual(q.explanations, ["Defaults are not re-created per call.", "The same list object is reused."]);
    assert.equal(q.line, undefined);
  });
});
