import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readExercises, readRun, type PracticeRun } from "../../src/practiceModel";
import { renderPractice, renderRun } from "../../src/webview/practice";
import { SAMPLE_LISTING, SAMPLE_RUN } from "../fixtures/samplePractice";

function run(): PracticeRun {
  const value = readRun(SAMPLE_RUN);
  assert.ok(value);
  return value;
}

describe("practice view", () => {
  it("shows each failing test with its call, expected and actual value", () => {
    const html = renderRun(run());
    assert.match(html, /<span id="run-score">1\/4<\/span> tests passed/);
    assert.ok(
      html.includes(
        '<dl class="io"><dt>call</dt><dd><code>two_sum([1, 2, 3, 4], 7)</code></dd>' +
          "<dt>expected</dt><dd><code>(2, 3)</code></dd><dt>actual</dt><dd><code>(0, 1)</code></dd></dl>",
      ),
      html,
    );
    // An exception: the message, and the line it was raised on, one click away.
    assert.ok(html.includes('<p class="test-message">IndexError: list index out of range</p>'), html);
    assert.ok(html.includes('<button class="link where" type="button" data-line="3">line 3</button>'));
    assert.ok(html.includes("timed out"));
    assert.match(html, /✓<\/span> 1 passed: <span class="test-name">test_example<\/span>/);
    assert.ok(html.includes('id="practice-run"') && html.includes('id="practice-hint"'));
  });

  it("escapes the learner's values and the server's texts", () => {
    const hostile: PracticeRun = {
      ...run(),
      problem: "SyntaxError: <img src=x onerror=alert(1)>",
      tests: [
        {
          name: "test_<b>",
          status: "failed",
          summary: "",
          input: "f('<script>')",
          expected: "'&amp;'",
          actual: `"</code><script>alert(1)</script>"`,
          message: "",
        },
      ],
    };
    const html = renderRun(hostile, "Hint 1 of 2: use <dict>");
    assert.ok(!/<script|<img|<b>/.test(html), html);
    assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
    assert.ok(html.includes("&quot;&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;"));
    assert.ok(html.includes("&#39;&amp;amp;&#39;") || html.includes("'&amp;amp;'"), html);
    assert.ok(html.includes("Hint 1 of 2: use &lt;dict&gt;"));
    const list = renderPractice({
      exercises: [{ id: 'x" onclick="y', title: "<i>T</i>", level: "mid", topic: "a<b", detail: "new" }],
    });
    assert.ok(!/<i>|onclick="y"|a<b/.test(list), list);
  });

  it("shows tests that failed the same way once, naming the others", () => {
    const stub = (name: string) => ({
      name,
      status: "error",
      summary: `${name}: NotImplementedError`,
      input: `f(${name.length})`,
      expected: "",
      actual: "",
      message: "NotImplementedError",
      line: 11,
    });
    const html = renderRun({ ...run(), tests: [stub("test_a"), stub("test_bb"), stub("test_ccc"), run().tests[1]] });
    assert.equal(html.match(/NotImplementedError/g)?.length, 1, html);
    assert.ok(
      html.includes(
        '<p class="same-failure">The same for 2 more: <span class="test-name">test_bb</span>, ' +
          '<span class="test-name">test_ccc</span></p></li>',
      ),
      html,
    );
    assert.ok(html.includes("<dt>expected</dt><dd><code>(2, 3)</code></dd>"), "a test with values stands alone");
  });

  it("cuts a huge actual value", () => {
    const big: PracticeRun = { ...run(), tests: [{ ...run().tests[1], actual: "[" + "1, ".repeat(100_000) + "]" }] };
    const html = renderRun(big);
    assert.ok(html.length < 3000, `${html.length}`);
    assert.ok(html.includes("…</code>"));
  });

  it("lists the exercises with their status and a button to start each", () => {
    const html = renderPractice({ exercises: readExercises(SAMPLE_LISTING) });
    assert.match(html, /<h2>Exercises <span class="muted">3 · 1 due for review<\/span><\/h2>/);
    assert.ok(
      html.includes(
        '<span class="exercise-title">Binary search</span><span class="exercise-meta">junior · algorithms</span>' +
          '<span class="exercise-status due">passed 7/7 · due for review</span>',
      ),
      html,
    );
    assert.ok(html.includes('data-id="lru-cache" aria-label="Start LRU cache">Start</button>'));
    assert.ok(html.includes('data-id="two-sum" aria-label="Start Two sum">Open</button>'));
    assert.ok(!html.includes("run-score"), "no run yet, no verdicts");
  });

  it("puts the last run above the list, and a passing run's summary", () => {
    const passing = { ...run(), ok: true, passed: 4, summary: "Two sum: 4/4 tests passed. Next review: 2026-12-06.", tests: [] };
    const html = renderPractice({ exercises: readExercises(SAMPLE_LISTING), run: passing });
    assert.ok(html.indexOf("run-score") < html.indexOf("Exercises"));
    assert.ok(html.includes("<p>Two sum: 4/4 tests passed. Next review: 2026-12-06.</p>"));
    assert.ok(html.includes('class="run ok"'));
    assert.ok(!html.includes("practice-quiz"), "no offer, no button");
  });

  it("offers the quiz on what a passing solution used", () => {
    const passing: PracticeRun = {
      ...run(),
      ok: true,
      passed: 4,
      tests: [],
      offer: { message: "You used a <generator> (line 3): What are generators?", title: "Quiz me on the 2 constructs I used" },
    };
    const html = renderRun(passing);
    assert.ok(html.includes('<p class="offer">You used a &lt;generator&gt; (line 3): What are generators?</p>'), html);
    assert.ok(html.includes('<button class="primary" id="practice-quiz" type="button">Quiz me on the 2 constructs I used</button>'));
  });
});
