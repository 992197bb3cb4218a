import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Controller } from "../../src/controller";
import type { ActiveEditor, DiagnosticInfo, EditorHost, PickItem, QuizView } from "../../src/host";
import type { FromWebview, ToWebview } from "../../src/protocol";
import { PRACTICE_URI, SAMPLE_LISTING, SAMPLE_RUN } from "../fixtures/samplePractice";
import { SAMPLE_QUIZ_RESULT } from "../fixtures/sampleQuiz";

const URI = "file:///home/dev/shop/orders.py";

/** An EditorHost made of plain objects that records what the controller did. */
class FakeHost implements EditorHost {
  editor: ActiveEditor | undefined = { uri: URI, languageId: "python", line: 11, character: 4, fileName: "orders.py" };
  diags: DiagnosticInfo[] = [];
  commands: string[] | undefined = ["pyiq.quizFile", "pyiq.quizAt", "pyiq.explain", "pyiq.recordAnswer"];
  results = new Map<string, (args: unknown[]) => unknown>();
  executed: [string, unknown[]][] = [];
  messages: string[] = [];
  picks: { items: PickItem[]; answer: string | undefined }[] = [];
  pickAnswer: string | undefined;
  markdown: [string, string][] = [];
  terminals: [string, string[]][] = [];
  cli = new Map<string, string | Error>();
  cliRuns: string[][] = [];
  revealed: [string, number][] = [];
  logs: string[] = [];
  views: FakeView[] = [];

  activeEditor(): ActiveEditor | undefined {
    return this.editor;
  }
  diagnostics(): DiagnosticInfo[] {
    return this.diags;
  }
  serverCommands(): readonly string[] | undefined {
    return this.commands;
  }
  async executeServerCommand(command: string, args: unknown[]): Promise<unknown> {
    this.executed.push([command, args]);
    const result = this.results.get(command);
    if (!result) throw new Error(`unknown command ${command}`);
    return result(args);
  }
  async showInformation(message: string): Promise<string | undefined> {
    this.messages.push(`info: ${message}`);
    return undefined;
  }
  async showWarning(message: string): Promise<string | undefined> {
    this.messages.push(`warning: ${message}`);
    return undefined;
  }
  async showError(message: string): Promise<string | undefined> {
    this.messages.push(`error: ${message}`);
    return undefined;
  }
  async pick(items: PickItem[]): Promise<string | undefined> {
    this.picks.push({ items, answer: this.pickAnswer });
    return this.pickAnswer;
  }
  quizView(title: string): QuizView {
    const view = new FakeView(title);
    this.views.push(view);
    return view;
  }
  showMarkdown(title: string, markdown: string): void {
    this.markdown.push([title, markdown]);
  }
  runInTerminal(name: string, argv: string[]): void {
    this.terminals.push([name, argv]);
  }
  async runCli(argv: string[]): Promise<string> {
    this.cliRuns.push(argv);
    const out = this.cli.get(argv.join(" "));
    if (out === undefined || out instanceof Error) throw out ?? new Error("not found");
    return out;
  }
  revealLine(uri: string, line: number): void {
    this.revealed.push([uri, line]);
  }
  opened: string[] = [];
  folder: string | undefined = "file:///home/dev/shop";
  async openDocument(uri: string): Promise<void> {
    this.opened.push(uri);
  }
  workspaceFolder(): string | undefined {
    return this.folder;
  }
  log(message: string): void {
    this.logs.push(message);
  }
}

class FakeView implements QuizView {
  posted: ToWebview[] = [];
  handler: ((message: FromWebview) => void) | undefined;
  reveals = 0;
  disposed = false;
  constructor(readonly title: string) {}
  post(message: ToWebview): void {
    this.posted.push(message);
  }
  onMessage(handler: (message: FromWebview) => void): void {
    this.handler = handler;
  }
  reveal(): void {
    this.reveals++;
  }
}

function setup(): { host: FakeHost; controller: Controller } {
  const host = new FakeHost();
  host.results.set("pyiq.quizFile", () => SAMPLE_QUIZ_RESULT);
  host.results.set("pyiq.quizAt", () => ({ questions: [SAMPLE_QUIZ_RESULT.questions[1]] }));
  host.results.set("pyiq.recordAnswer", () => null);
  host.results.set("pyiq.explain", (args) => `# ${String(args[0])}\n\nExplained.`);
  return { host, controller: new Controller(host) };
}

describe("quiz commands", () => {
  it("quizzes the active file in the panel", async () => {
    const { host, controller } = setup();
    await controller.quizFile();
    assert.deepEqual(host.executed, [["pyiq.quizFile", [URI]]]);
    assert.equal(host.views.length, 1);
    const [loading, quiz] = host.views[0].posted;
    assert.deepEqual(loading, { type: "loading", title: "Quiz · orders.py" });
    assert.equal(quiz.type, "quiz");
    assert.equal(quiz.type === "quiz" && quiz.quiz.questions.length, 3);
  });

  it("quizzes a file from the explorer by its URI, even with another editor active", async () => {
    const { host, controller } = setup();
    host.editor = undefined;
    await controller.quizFile("file:///x/other%20file.py");
    assert.deepEqual(host.executed, [["pyiq.quizFile", ["file:///x/other%20file.py"]]]);
    assert.equal(host.views[0].posted[0].type === "loading" && host.views[0].posted[0].title, "Quiz · other file.py");
  });

  it("quizzes the construct at the cursor", async () => {
    const { host, controller } = setup();
    await controller.quizAt();
    assert.deepEqual(host.executed, [["pyiq.quizAt", [URI, { line: 11, character: 4 }]]]);
    const title = host.views[0].posted[0];
    assert.equal(title.type === "loading" && title.title, "Quiz · orders.py (line 12)");
  });

  it("asks for a Python file instead of quizzing anything else", async () => {
    const { host, controller } = setup();
    host.editor = { ...host.editor!, languageId: "markdown" };
    await controller.quizFile();
    await controller.quizAt();
    assert.deepEqual(host.executed, []);
    assert.equal(host.messages.length, 2);
    assert.match(host.messages[0], /open a Python file/);
  });

  it("says the server is not running instead of failing", async () => {
    const { host, controller } = setup();
    host.commands = undefined;
    await controller.quizFile();
    assert.deepEqual(host.executed, []);
    assert.match(host.messages[0], /not running/);
  });

  it("shows the server's error in the panel", async () => {
    const { host, controller } = setup();
    host.results.set("pyiq.quizFile", () => {
      throw new Error("document not open");
    });
    await controller.quizFile();
    const last = host.views[0].posted.at(-1);
    assert.deepEqual(last, { type: "error", message: "The server could not build the quiz: document not open" });
  });

  it("explains an old server's message-based quiz result", async () => {
    const { host, controller } = setup();
    host.results.set("pyiq.quizFile", () => ({ asked: 2, correct: 1 }));
    await controller.quizFile();
    const last = host.views[0].posted.at(-1);
    assert.equal(last?.type, "error");
    assert.match(last?.type === "error" ? last.message : "", /quizUi/);
  });

  it("reuses one panel", async () => {
    const { host, controller } = setup();
    await controller.quizFile();
    await controller.quizAt();
    assert.equal(host.views.length, 1);
    assert.equal(host.views[0].reveals, 1);
    host.views[0].disposed = true;
    await controller.quizFile();
    assert.equal(host.views.length, 2);
  });
});

describe("panel messages", () => {
  it("records answers through pyiq.recordAnswer and confirms", async () => {
    const { host, controller } = setup();
    await controller.quizFile();
    await controller.onWebviewMessage({ type: "answer", id: "mutable-default-leak", chosen: 1, correct: true });
    assert.deepEqual(host.executed.at(-1), [
      "pyiq.recordAnswer",
      [{ id: "mutable-default-leak", chosen: 1, correct: true, uri: URI }],
    ]);
    assert.deepEqual(host.views[0].posted.at(-1), { type: "recorded", id: "mutable-default-leak", ok: true });
  });

  it("passes the answer time and rule on to the store", async () => {
    const { host, controller } = setup();
    await controller.quizFile();
    await controller.onWebviewMessage({ type: "answer", id: "q", chosen: 2, correct: false, elapsed: 4.2, rule: "is-literal" });
    assert.deepEqual(host.executed.at(-1), [
      "pyiq.recordAnswer",
      [{ id: "q", chosen: 2, correct: false, elapsed: 4.2, rule: "is-literal", uri: URI }],
    ]);
  });

  it("ignores malformed answers", async () => {
    const { host, controller } = setup();
    await controller.quizFile();
    const before = host.executed.length;
    await controller.onWebviewMessage({ type: "answer", id: "q", chosen: -1, correct: false });
    await controller.onWebviewMessage({ type: "answer", id: "q", chosen: 1, correct: true, elapsed: -3 });
    assert.equal(host.executed.length, before);
  });

  it("tells the panel when the answer could not be stored", async () => {
    const { host, controller } = setup();
    await controller.quizFile();
    host.results.set("pyiq.recordAnswer", () => {
      throw new Error("store locked");
    });
    await controller.onWebviewMessage({ type: "answer", id: "q", chosen: 0, correct: false });
    assert.deepEqual(host.views[0].posted.at(-1), { type: "recorded", id: "q", ok: false });
    assert.ok(host.logs.some((l) => l.includes("store locked")));
  });

  it("does not call a recordAnswer the server does not offer", async () => {
    const { host, controller } = setup();
    host.commands = ["pyiq.quizFile"];
    await controller.quizFile();
    await controller.onWebviewMessage({ type: "answer", id: "q", chosen: 0, correct: false });
    await controller.onWebviewMessage({ type: "answer", id: "r", chosen: 0, correct: false });
    assert.ok(!host.executed.some(([c]) => c === "pyiq.recordAnswer"));
    assert.equal(host.logs.filter((l) => l.includes("does not offer")).length, 1);
  });

  it("resends the quiz to a panel that loaded late, not to one that restored its state", async () => {
    const { host, controller } = setup();
    await controller.quizFile();
    const before = host.views[0].posted.length;
    await controller.onWebviewMessage({ type: "ready", restored: true });
    assert.equal(host.views[0].posted.length, before);
    await controller.onWebviewMessage({ type: "ready", restored: false });
    assert.equal(host.views[0].posted.at(-1)?.type, "quiz");
  });

  it("runs the same quiz again", async () => {
    const { host, controller } = setup();
    await controller.quizAt();
    await controller.onWebviewMessage({ type: "again" });
    assert.deepEqual(
      host.executed.map(([c]) => c),
      ["pyiq.quizAt", "pyiq.quizAt"],
    );
  });

  it("reveals the question's line in the quizzed document", async () => {
    const { host, controller } = setup();
    await controller.quizFile();
    await controller.onWebviewMessage({ type: "reveal", line: 12 });
    assert.deepEqual(host.revealed, [[SAMPLE_QUIZ_RESULT.uri, 11]]);
  });
});

describe("explain and progress", () => {
  it("explains an id given by a hover link or code action", async () => {
    const { host, controller } = setup();
    await controller.explain("is-literal");
    assert.deepEqual(host.markdown, [["pyiq: is-literal", "# is-literal\n\nExplained."]]);
  });

  it("offers this file's rules and accepts a typed id", async () => {
    const { host, controller } = setup();
    host.diags = [
      { source: "pyiq", code: "mutable-default-argument", line: 11, message: "Mutable default argument — interview: …" },
      { source: "pyiq", code: "mutable-default-argument", line: 20, message: "again" },
      { source: "pyiq", code: { value: "generator-function" }, line: 29, message: "Generator function" },
      { source: "ruff", code: "B006", line: 11, message: "ruff's" },
    ];
    host.pickAnswer = "generator-function";
    await controller.explain();
    assert.deepEqual(
      host.picks[0].items.map((i) => i.label),
      ["mutable-default-argument", "generator-function"],
    );
    assert.equal(host.picks[0].items[0].description, "line 12: Mutable default argument — interview: …");
    assert.deepEqual(host.executed, [["pyiq.explain", ["generator-function"]]]);
  });

  it("does nothing when the pick is cancelled, and says when an id is unknown", async () => {
    const { host, controller } = setup();
    await controller.explain();
    assert.deepEqual(host.executed, []);
    host.results.set("pyiq.explain", () => null);
    await controller.explain("nope");
    assert.match(host.messages.at(-1) ?? "", /nothing is known about "nope"/);
  });

  it("shows progress from the server when it offers pyiq.stats", async () => {
    const { host, controller } = setup();
    host.commands = [...host.commands!, "pyiq.stats"];
    host.results.set("pyiq.stats", () => ({ answered: 4, due: 2 }));
    controller.cli = ["pyiq"];
    await controller.showProgress();
    assert.equal(host.markdown[0][0], "pyiq: progress");
    assert.match(host.markdown[0][1], /Answered\*\*: 4/);
    assert.deepEqual(host.terminals, []);
    assert.deepEqual(host.cliRuns, []);
    assert.equal(controller.status().text, "$(sync~spin) pyiq");
    controller.serverState = "running";
    assert.equal(controller.status().text, "$(mortar-board) 0 · 2 due");
  });

  it("reads `pyiq stats --format json` from the server's installation otherwise", async () => {
    const { host, controller } = setup();
    controller.cli = ["/v/bin/python", "-m", "pyiq"];
    host.cli.set(
      "/v/bin/python -m pyiq stats --format json",
      JSON.stringify({
        groups: [{ topic: "closures", level: "mid", answered: 3, correct: 1, accuracy: 1 / 3, cards: 2, mastered: 0, due_today: 2 }],
        total: { topic: "all", level: "all", answered: 3, correct: 1, accuracy: 1 / 3, cards: 2, mastered: 0, due_today: 2 },
        day_streak: 1,
      }),
    );
    let changes = 0;
    controller.onStatusChange = () => changes++;
    assert.equal(await controller.refreshDue(), 2);
    assert.equal(changes, 1);
    await controller.showProgress();
    const [title, markdown] = host.markdown[0];
    assert.equal(title, "pyiq: progress");
    assert.match(markdown, /Answered\*\*: 3 \(33% correct\)/);
    assert.match(markdown, /Reviews due today\*\*: 2/);
    assert.match(markdown, /\| closures \| mid \| 3 \| 33% \| 0\/2 \| 2 \|/);
  });

  it("falls back to `pyiq stats` in a terminal", async () => {
    const { host, controller } = setup();
    controller.cli = ["/v/bin/python", "-m", "pyiq"];
    await controller.showProgress();
    assert.deepEqual(host.terminals, [["pyiq progress", ["/v/bin/python", "-m", "pyiq", "stats"]]]);
  });
});

describe("practice", () => {
  function practiceSetup(): { host: FakeHost; controller: Controller } {
    const made = setup();
    made.host.commands = [...made.host.commands!, "pyiq.practice", "pyiq.practice.run", "pyiq.practice.hint", "pyiq.practice.solution"];
    made.host.results.set("pyiq.practice", (args) =>
      args.length === 0 ? SAMPLE_LISTING : { uri: PRACTICE_URI, path: "/home/dev/shop/practice/two-sum.py", created: true, id: args[0] },
    );
    made.host.results.set("pyiq.practice.run", () => SAMPLE_RUN);
    made.host.results.set("pyiq.practice.hint", () => ({ hint: "Hint 1 of 3: remember what you have seen", number: 1, total: 3 }));
    made.host.results.set("pyiq.practice.solution", () => ({ solution: "def two_sum(nums, target):\n    pass\n", title: "Two sum", complexity: "time O(n), space O(n)" }));
    return made;
  }

  it("picks an exercise in a quick pick, scaffolds it in the workspace and opens it", async () => {
    const { host, controller } = practiceSetup();
    host.pickAnswer = "two-sum";
    await controller.practice();
    const items = host.picks[0].items;
    assert.deepEqual(
      items.map((i) => [i.label, i.description, i.detail, i.value]),
      [
        ["Binary search", "junior · algorithms", "passed 7/7 · due for review", "binary-search"],
        ["LRU cache", "mid · data structures", "new", "lru-cache"],
        ["Two sum", "junior · hashing", "passed 2/10 · 1 attempt", "two-sum"],
      ],
    );
    assert.deepEqual(host.executed, [
      ["pyiq.practice", []],
      ["pyiq.practice", ["two-sum", "file:///home/dev/shop"]],
    ]);
    assert.deepEqual(host.opened, [PRACTICE_URI]);
  });

  it("does nothing when the pick is cancelled, and says why a stub was not written", async () => {
    const { host, controller } = practiceSetup();
    await controller.practice();
    assert.deepEqual(host.executed, [["pyiq.practice", []]]);
    host.folder = undefined;
    host.results.set("pyiq.practice", () => ({ error: "no workspace folder to put practice/ in" }));
    await controller.startPractice("two-sum");
    assert.deepEqual(host.executed.at(-1), ["pyiq.practice", ["two-sum"]]);
    assert.deepEqual(host.opened, []);
    assert.equal(host.messages.at(-1), "error: pyiq: no workspace folder to put practice/ in");
  });

  it("runs the tests from the lens and shows the verdicts in the panel, the server staying quiet", async () => {
    const { host, controller } = practiceSetup();
    await controller.practiceCommand("pyiq.practice.run", PRACTICE_URI);
    assert.deepEqual(host.executed[0], ["pyiq.practice.run", [PRACTICE_URI, { messages: false }]]);
    const posted = host.views[0].posted;
    assert.deepEqual(posted[0], { type: "loading", title: "Practice · two-sum.py", text: "Running the tests…" });
    const last = posted.at(-1);
    assert.equal(last?.type, "practice");
    if (last?.type !== "practice") return;
    assert.equal(last.practice.run?.summary, SAMPLE_RUN.summary);
    assert.equal(last.practice.run?.tests[1].actual, "(0, 1)");
    assert.equal(last.practice.exercises.length, 3, "the statuses are refreshed after the run");
    // The panel's buttons: run again, a hint, the line a test raised on.
    await controller.onWebviewMessage({ type: "practiceRun" });
    assert.deepEqual(host.executed.filter(([c]) => c === "pyiq.practice.run").length, 2);
    await controller.onWebviewMessage({ type: "reveal", line: 3 });
    assert.deepEqual(host.revealed, [[PRACTICE_URI, 2]]);
    // After a pass, the offered quiz is the quiz on the practice file.
    await controller.onWebviewMessage({ type: "practiceQuiz" });
    assert.deepEqual(host.executed.at(-1), ["pyiq.quizFile", [PRACTICE_URI]]);
    assert.equal(host.views[0].posted.at(-1)?.type, "quiz");
  });

  it("shows a run the server refused as the panel's error", async () => {
    const { host, controller } = practiceSetup();
    host.results.set("pyiq.practice.run", () => ({ error: "open the practice file first" }));
    await controller.runPractice(PRACTICE_URI);
    assert.deepEqual(host.views[0].posted.at(-1), {
      type: "error",
      heading: "The tests did not run",
      message: "open the practice file first",
    });
  });

  it("shows the quiz the learner accepted after a passing run", async () => {
    const { host, controller } = practiceSetup();
    host.results.set("pyiq.practice.run", () => ({ ...SAMPLE_RUN, ok: true, passed: 4, quiz: SAMPLE_QUIZ_RESULT }));
    await controller.runPractice(PRACTICE_URI);
    const last = host.views[0].posted.at(-1);
    assert.equal(last?.type, "quiz");
  });

  it("shows the hint as a message and in the panel showing that file's run", async () => {
    const { host, controller } = practiceSetup();
    await controller.practiceCommand("pyiq.practice.hint", PRACTICE_URI);
    assert.deepEqual(host.executed, [["pyiq.practice.hint", [PRACTICE_URI, { messages: false }]]]);
    assert.deepEqual(host.messages, ["info: Hint 1 of 3: remember what you have seen"]);
    assert.equal(host.views.length, 0, "no panel is opened for a hint");
    await controller.runPractice(PRACTICE_URI);
    await controller.onWebviewMessage({ type: "practiceHint" });
    const last = host.views[0].posted.at(-1);
    assert.equal(last?.type === "practice" && last.practice.hint, "Hint 1 of 3: remember what you have seen");
  });

  it("shows the solution on a page, or the server's reason not to", async () => {
    const { host, controller } = practiceSetup();
    await controller.practiceCommand("pyiq.practice.solution", PRACTICE_URI);
    assert.deepEqual(host.executed, [["pyiq.practice.solution", [PRACTICE_URI, { messages: false }]]]);
    assert.equal(host.markdown[0][0], "Solution · two-sum.py");
    assert.match(host.markdown[0][1], /^# Reference solution: Two sum\n\nComplexity: time O\(n\), space O\(n\)\n\n```python\ndef two_sum/);
    host.results.set("pyiq.practice.solution", () => ({ error: "Run the tests at least once before looking at the solution." }));
    await controller.practiceSolution(PRACTICE_URI);
    assert.equal(host.messages.at(-1), "info: pyiq: Run the tests at least once before looking at the solution.");
  });

  it("lists the exercises in the panel and starts the one whose button was pressed", async () => {
    const { host, controller } = practiceSetup();
    await controller.showPractice();
    const shown = host.views[0].posted.at(-1);
    assert.equal(shown?.type === "practice" && shown.practice.exercises[2].detail, "passed 2/10 · 1 attempt");
    await controller.onWebviewMessage({ type: "practiceStart", id: "lru-cache" });
    assert.deepEqual(host.executed.at(-1), ["pyiq.practice", ["lru-cache", "file:///home/dev/shop"]]);
    assert.deepEqual(host.opened, [PRACTICE_URI]);
  });
});
