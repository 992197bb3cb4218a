import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dueCount, explainMarkdown, progressMarkdown } from "../../src/results";
import { contributedServerKeys, serverSettings } from "../../src/settings";
import { countTopics, statusView } from "../../src/status";

describe("status bar", () => {
  it("is hidden outside Python files", () => {
    assert.equal(statusView({ python: false, topics: 3, state: "running" }).visible, false);
  });

  it("shows the topics and the reviews due", () => {
    const view = statusView({ python: true, topics: 3, due: 2, state: "running" });
    assert.equal(view.text, "$(mortar-board) 3 · 2 due");
    assert.equal(view.tooltip, "pyiq: 3 interview topics in this file; 2 reviews due. Click to quiz yourself on this file.");
    const one = statusView({ python: true, topics: 1, due: 0, state: "running" });
    assert.equal(one.text, "$(mortar-board) 1");
    assert.match(one.tooltip, /1 interview topic in this file; 0 reviews due/);
    assert.match(statusView({ python: true, topics: 0, state: "running" }).tooltip, /Nothing to quiz on/);
  });

  it("says when the server is not running", () => {
    assert.match(statusView({ python: true, topics: 0, state: "stopped" }).tooltip, /not running/);
    assert.match(statusView({ python: true, topics: 0, state: "starting" }).text, /sync~spin/);
  });

  it("counts one topic per rule and line, only pyiq's", () => {
    assert.equal(
      countTopics([
        { source: "pyiq", code: "generator-function", line: 1 },
        { source: "pyiq", code: { value: "generator-function" }, line: 1 },
        { source: "pyiq", code: "decorator", line: 1 },
        { source: "pyiq", code: "generator-function", line: 9 },
        { source: "Pylance", code: "reportMissingImports", line: 0 },
      ]),
      3,
    );
  });
});

describe("settings sent to the server", () => {
  it("drops the client's own keys and asks for the quiz as data", () => {
    assert.deepEqual(
      serverSettings({
        select: ["mutable-default-argument"],
        conceptDiagnostics: "off",
        codeLens: false,
        quizUi: "messages",
        server: { command: "pyiq" },
        trace: { server: "verbose" },
      }),
      { select: ["mutable-default-argument"], conceptDiagnostics: "off", codeLens: false, quizUi: "data" },
    );
    assert.deepEqual(serverSettings(undefined), { quizUi: "data" });
    assert.deepEqual(serverSettings([1, 2]), { quizUi: "data" });
  });

  it("lists the contributed settings that go to the server", () => {
    const manifest = {
      contributes: {
        configuration: {
          properties: {
            "pyiq.level": {},
            "pyiq.codeLens": {},
            "pyiq.server.command": {},
            "pyiq.trace.server": {},
            "other.key": {},
          },
        },
      },
    };
    assert.deepEqual(contributedServerKeys(manifest), ["level", "codeLens"]);
    assert.deepEqual(contributedServerKeys({}), []);
  });
});

describe("command results", () => {
  it("reads explain results in several shapes", () => {
    assert.equal(explainMarkdown("# T"), "# T");
    assert.equal(explainMarkdown({ markdown: "# M" }), "# M");
    assert.equal(explainMarkdown({ contents: { kind: "markdown", value: "# C" } }), "# C");
    assert.equal(explainMarkdown(""), undefined);
    assert.equal(explainMarkdown(null), undefined);
  });

  it("reads the reviews due", () => {
    assert.equal(dueCount({ due: 4 }), 4);
    assert.equal(dueCount({ total: { due_today: 5 }, groups: [] }), 5);
    assert.equal(dueCount({ reviews_due: 2.7 }), 2);
    assert.equal(dueCount({ due: ["a", "b"] }), 2);
    assert.equal(dueCount({ due: -1 }), undefined);
    assert.equal(dueCount("x"), undefined);
  });

  it("formats a progress result as Markdown", () => {
    const md = progressMarkdown({
      answered: 12,
      correct: 9,
      due: 3,
      topics: [
        { topic: "generators", answered: 5, accuracy: 0.8 },
        { topic: "closures", answered: 7, accuracy: 0.714 },
      ],
    });
    assert.match(md, /^# Your pyiq progress/);
    assert.match(md, /- \*\*Answered\*\*: 12/);
    assert.match(md, /\| Topic \| Answered \| Accuracy \|/);
    assert.match(md, /\| closures \| 7 \| 0\.71 \|/);
    assert.equal(progressMarkdown("already *markdown*"), "already *markdown*");
    assert.match(progressMarkdown(null), /No progress recorded yet/);
    assert.match(progressMarkdown({ total: { answered: 0 }, groups: [] }), /No answers yet/);
  });
});
