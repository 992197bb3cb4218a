import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as model from "../../src/practiceModel";
import { PRACTICE_URI, SAMPLE_LISTING, SAMPLE_RUN } from "../fixtures/samplePractice";

describe("practice exercises", () => {
  it("reads the listing and drops rows without an id", () => {
    const exercises = model.readExercises(SAMPLE_LISTING);
    assert.deepEqual(
      exercises.map((e) => e.id),
      ["binary-search", "lru-cache", "two-sum"],
    );
    assert.deepEqual(exercises[0], {
      id: "binary-search",
      title: "Binary search",
      level: "junior",
      topic: "algorithms",
      detail: "passed 7/7 · due for review",
    });
  });

  it("falls back to the status of a server without details, and to new", () => {
    const [older, bare] = model.readExercises({ exercises: [{ id: "a", status: "solved" }, { id: "b" }] });
    assert.equal(older.detail, "solved");
    assert.equal(older.title, "a");
    assert.equal(bare.detail, "new");
    assert.deepEqual(model.readExercises(null), []);
    assert.deepEqual(model.readExercises({ exercises: "nope" }), []);
  });

  it("makes quick pick items: title, level · topic, status; picking returns the id", () => {
    const items = model.practicePickItems(model.readExercises(SAMPLE_LISTING));
    assert.deepEqual(items[0], {
      label: "Binary search",
      description: "junior · algorithms",
      detail: "passed 7/7 · due for review",
      value: "binary-search",
    });
    assert.equal(items[1].detail, "new");
  });
});

describe("practice results", () => {
  it("reads a run with every test's verdict", () => {
    const run = model.readRun(SAMPLE_RUN);
    assert.ok(run);
    assert.equal(run.title, "Two sum");
    assert.equal(run.uri, PRACTICE_URI);
    assert.deepEqual([run.passed, run.total, run.ok], [1, 4, false]);
    assert.equal(run.summary, SAMPLE_RUN.summary);
    assert.deepEqual(run.tests[1], {
      name: "test_pair_at_the_end",
      status: "failed",
      summary: "two_sum([1, 2, 3, 4], 7): expected (2, 3), got (0, 1)",
      input: "two_sum([1, 2, 3, 4], 7)",
      expected: "(2, 3)",
      actual: "(0, 1)",
      message: "",
    });
    assert.equal(run.tests[2].line, 3);
    assert.equal(run.problemLine, undefined);
  });

  it("reads the quiz offer of a passing run", () => {
    const offer = { message: "You used a generator (line 3): Why?", title: "Quiz me on the 1 construct I used", command: "pyiq.quizFile", arguments: ["file:///x.py"] };
    const passing = model.readRun({ ...SAMPLE_RUN, ok: true, offer });
    assert.deepEqual(passing?.offer, { message: offer.message, title: offer.title });
    assert.equal(model.readRun(SAMPLE_RUN)?.offer, undefined);
  });

  it("is not a run when the server answered with an error", () => {
    const refused = { error: "not a practice file (first line `# pyiq practice: ID`)" };
    assert.equal(model.readRun(refused), undefined);
    assert.equal(model.resultError(refused), refused.error);
    assert.equal(model.resultError(SAMPLE_RUN), undefined);
  });

  it("reads where the stub was written, the hint and the solution", () => {
    assert.equal(model.scaffoldedUri({ uri: PRACTICE_URI, path: "/x", created: true, id: "two-sum" }), PRACTICE_URI);
    assert.equal(model.scaffoldedUri({ error: "unknown exercise 'x'" }), undefined);
    assert.equal(model.readHint({ hint: "Hint 1 of 3: use a dict", number: 1, total: 3 }), "Hint 1 of 3: use a dict");
    assert.equal(model.readHint({ error: "not a practice file" }), undefined);
    const markdown = model.solutionMarkdown({
      solution: "def two_sum(nums, target):\n    seen = {}\n",
      id: "two-sum",
      title: "Two sum",
      complexity: "time O(n), space O(n)",
    });
    assert.equal(
      markdown,
      "# Reference solution: Two sum\n\nComplexity: time O(n), space O(n)\n\n```python\ndef two_sum(nums, target):\n    seen = {}\n```\n",
    );
    assert.equal(model.solutionMarkdown({ error: "Run the tests at least once before looking at the solution." }), undefined);
  });
});
