/**
 * The bundled extension (dist/extension.js, with vscode-languageclient inside) activated in
 * Node against a stand-in `vscode` module and the real `pyiq serve`: server discovery, the
 * language client's diagnostics and hover, the quiz panel fed by the server, code lens
 * commands routed to the panel, a setting taking effect without a reload, and the
 * notification when no server can be found.
 *
 * Needs PYIQ_PYTHON (an interpreter with pyiq installed) and PYIQ_SERVER (the pyiq
 * executable); the pytest wrapper sets both.
 */

/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access,
   @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports,
   @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return */

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, it } from "node:test";
import { createFakeVscode, makeDocument, Position, Uri, CancellationTokenSource } from "./fakeVscode";

const ROOT = resolve(__dirname, "..", "..");
const BUNDLE = join(ROOT, "dist", "extension.js");
const PYTHON = process.env.PYIQ_PYTHON;
const SERVER = process.env.PYIQ_SERVER?.trim();
const skip = !existsSync(BUNDLE)
  ? "dist/extension.js is not built (npm run build)"
  : !PYTHON || !SERVER
    ? "PYIQ_PYTHON and PYIQ_SERVER are not set"
    : false;

const SAMPLE = `def add_item(item, cart=[]):
    """Adds an item to the cart."""
    cart.append(item)
    return cart


def read_lines(path):
    with open(path) as handle:
        for line in handle:
            yield line.rstrip()
`;

type Fake = ReturnType<typeof createFakeVscode>;
interface Extension {
  activate(context: unknown): Promise<void>;
  deactivate(): Promise<void>;
}

/** Loads a fresh copy of the bundle with `require("vscode")` answered by the fake. */
function loadExtension(fake: Fake): Extension {
  const moduleApi = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = moduleApi._load;
  moduleApi._load = function (request: string, ...rest: unknown[]) {
    if (request === "vscode") return fake.vscode;
    return original.call(this, request, ...rest);
  };
  try {
    delete require.cache[BUNDLE];
    return require(BUNDLE) as Extension;
  } finally {
    moduleApi._load = original;
  }
}

// The extension's own folder as the tests present it: without bundled/libs, so server discovery
// does not depend on whether `make vsix` has filled that folder in this checkout (the bundled
// server is exercised in real VS Code by tests/clients/test_vscode_e2e.py).
const EXTENSION_ROOT = mkdtempSync(join(tmpdir(), "pyiq-ext-"));

function context(): any {
  const memento = () => {
    const data = new Map<string, unknown>();
    return { get: (k: string, d?: unknown) => (data.has(k) ? data.get(k) : d), update: (k: string, v: unknown) => (data.set(k, v), Promise.resolve()), keys: () => [...data.keys()] };
  };
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionUri: Uri.file(EXTENSION_ROOT),
    extensionPath: EXTENSION_ROOT,
    asAbsolutePath: (p: string) => join(EXTENSION_ROOT, p),
    globalState: memento(),
    workspaceState: memento(),
    extensionMode: 3,
  };
}

async function until<T>(what: string, probe: () => T | undefined | false, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const workspaces: string[] = [];
function project(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "pyiq-host-"));
  workspaces.push(dir);
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "pyproject.toml"), '[project]\nname = "shop"\n');
  const file = join(dir, "orders.py");
  writeFileSync(file, SAMPLE);
  return { dir, file };
}

after(() => {
  rmSync(EXTENSION_ROOT, { recursive: true, force: true });
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

describe("the extension in a stand-in VS Code, with the real server", { skip }, () => {
  it("finds the server in the Python extension's interpreter and drives every feature", async () => {
    const { dir, file } = project();
    process.env.PYIQ_DATA_DIR = join(dir, "data");
    const fake = createFakeVscode({ settings: {}, pythonPath: PYTHON, workspace: dir });
    const document = makeDocument(file, SAMPLE);
    fake.open(document);
    fake.setActiveEditor(document, 0, 24);
    const extension = loadExtension(fake);
    const ctx = context();
    await extension.activate(ctx);
    try {
      const output = fake.recorded.output.get("pyiq") ?? [];
      assert.ok(
        output.some((line) => line.includes(`${PYTHON} -m pyiq serve (from interpreter)`)),
        output.join("\n"),
      );

      // Diagnostics through the language client.
      const uri = document.uri.toString();
      const diagnostics = await until("diagnostics", () => {
        if (process.env.PYIQ_DEBUG) console.error((fake.recorded.output.get("pyiq") ?? []).join("\n"));
        const list = fake.diagnostics.get(uri);
        return list && list.length > 0 ? list : undefined;
      });
      const byCode = new Map(diagnostics.map((d) => [String(d.code && typeof d.code === "object" ? (d.code as any).value : d.code), d]));
      assert.equal(byCode.get("mutable-default-argument")?.severity, 1, "a warning");
      assert.equal(byCode.get("generator-function")?.severity, 3, "a hint");
      assert.equal(byCode.get("mutable-default-argument")?.source, "pyiq");

      // The status bar counts the topics.
      const status = await until("the status bar", () => fake.recorded.statusBar.filter((s) => s.visible && s.text.includes("mortar-board")).at(-1));
      assert.match(status.text, /^\$\(mortar-board\) [1-9]\d*/);
      assert.equal(status.command, "pyiq.statusClicked");

      // Hover through the registered provider: trusted Markdown (its command links), no HTML.
      const hoverProvider = fake.recorded.providers.get("registerHoverProvider")?.[0] as any;
      assert.ok(hoverProvider, "a hover provider is registered");
      const hover = await hoverProvider.provideHover(document, new Position(0, 24), new CancellationTokenSource().token);
      const markdown = hover.contents[0];
      assert.match(markdown.value, /default/i);
      assert.notEqual(markdown.supportHtml, true, "hovers need no raw HTML");
      assert.deepEqual(markdown.isTrusted, { enabledCommands: ["pyiq.quizAt", "pyiq.quizFile", "pyiq.explain"] });

      // The palette command opens the panel with the server's quiz.
      await fake.recorded.commands.get("pyiq.quizMeOnFile")!();
      const panel = fake.recorded.panels.find((p) => p.viewType === "pyiq.quiz")!;
      assert.ok(panel);
      assert.match(panel.html, /Content-Security-Policy/);
      assert.match(panel.html, /script-src 'nonce-/);
      const quizMessage = panel.posted.find((m) => m.type === "quiz");
      assert.ok(quizMessage, JSON.stringify(panel.posted).slice(0, 500));
      assert.ok(quizMessage.quiz.questions.length >= 1);
      assert.equal(panel.posted[0].type, "loading");

      // An answer from the page goes to the server; the page hears whether it was stored.
      const first = quizMessage.quiz.questions[0];
      panel.receive({ type: "answer", id: first.id, chosen: first.correct, correct: true, elapsed: 3.2 });
      const recorded = await until("the answer's receipt", () => panel.posted.find((m) => m.type === "recorded"));
      assert.equal(recorded.id, first.id);

      // A code lens command (run by VS Code through the language client) lands in the panel too.
      assert.ok(fake.recorded.commands.has("pyiq.quizAt"), "the client registered the server's commands");
      const before = panel.posted.filter((m) => m.type === "quiz").length;
      await fake.vscode.commands.executeCommand("pyiq.quizAt", uri, { line: 0, character: 0 });
      assert.equal(panel.posted.filter((m) => m.type === "quiz").length, before + 1);

      // Practice: the "▶ Run tests" lens (run by VS Code through the language client) shows
      // the verdicts in the panel, and the server sends no notification of its own.
      const practiceFile = join(dir, "practice", "two-sum.py");
      mkdirSync(join(dir, "practice"));
      const wrong = "# pyiq practice: two-sum\ndef two_sum(nums, target):\n    return (0, 1)\n";
      writeFileSync(practiceFile, wrong);
      const practiceDoc = makeDocument(practiceFile, wrong);
      fake.open(practiceDoc);
      assert.ok(fake.recorded.commands.has("pyiq.practice.run"));
      await fake.vscode.commands.executeCommand("pyiq.practice.run", practiceDoc.uri.toString());
      const practice = panel.posted.filter((m) => m.type === "practice").at(-1);
      assert.ok(practice, JSON.stringify(panel.posted.at(-1)).slice(0, 500));
      assert.equal(practice.practice.run.summary, "Two sum: 2/10 tests passed. two_sum([1, 2, 3, 4], 7): expected (2, 3), got (0, 1)");
      assert.ok(practice.practice.exercises.some((e: any) => e.id === "two-sum" && e.detail === "passed 2/10 · 1 attempt"));
      assert.ok(!fake.recorded.messages.some((m) => /tests passed/.test(m.text)), JSON.stringify(fake.recorded.messages));

      // Explain opens a static page.
      await fake.recorded.commands.get("pyiq.explainPrompt")!("mutable-default-argument");
      const doc = fake.recorded.panels.find((p) => p.viewType === "pyiq.markdown");
      assert.ok(doc);
      assert.match(doc.html, /Mutable default argument/);
      assert.doesNotMatch(doc.html, /<script/);

      // Progress, from `pyiq stats --format json` of the same installation.
      await fake.recorded.commands.get("pyiq.showProgress")!();
      const progress = fake.recorded.panels.filter((p) => p.viewType === "pyiq.markdown").at(-1);
      assert.match(progress?.html ?? "", /Your pyiq progress/);

      // A setting takes effect without a reload: concept hints switched off.
      fake.changeSetting("pyiq.conceptDiagnostics", "off");
      await until("the hints to go", () => {
        const list = fake.diagnostics.get(uri) ?? [];
        return list.length > 0 && list.every((d) => d.severity !== 3);
      });
      assert.ok(!fake.recorded.messages.some((m) => m.kind === "warning" && /unknown setting/.test(m.text)), JSON.stringify(fake.recorded.messages));
    } finally {
      await extension.deactivate();
      for (const d of ctx.subscriptions) d.dispose();
    }
  });

  it("uses pyiq.server.command when set", async () => {
    const { dir, file } = project();
    const fake = createFakeVscode({ settings: { "pyiq.server.command": SERVER, "pyiq.trace.server": process.env.PYIQ_TRACE ?? "off" }, pythonPath: undefined, workspace: dir });
    const document = makeDocument(file, SAMPLE);
    fake.open(document);
    const extension = loadExtension(fake);
    await extension.activate(context());
    try {
      const output = fake.recorded.output.get("pyiq") ?? [];
      assert.ok(output.some((line) => line.includes(`${SERVER} serve (from setting)`)), output.join("\n"));
      await until("diagnostics", () => (fake.diagnostics.get(document.uri.toString()) ?? []).length > 0);
      assert.deepEqual(fake.recorded.messages, [], "no complaints from the server about the settings");
    } finally {
      await extension.deactivate();
    }
  });

  it("shows one message of its own when the server command cannot run", async () => {
    const { dir, file } = project();
    const fake = createFakeVscode({ settings: { "pyiq.server.command": [join(dir, "no-such-pyiq"), "serve"] }, pythonPath: undefined, workspace: dir });
    fake.open(makeDocument(file, SAMPLE));
    const extension = loadExtension(fake);
    await extension.activate(context());
    await until("the message", () => fake.recorded.messages.find((m) => m.kind === "error"));
    await new Promise((r) => setTimeout(r, 1000));
    const shown = fake.recorded.messages.filter((m) => m.kind === "error" || m.kind === "warning");
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.match(shown[0].text, /^pyiq: the language server did not start .*no-such-pyiq was not found/);
    assert.deepEqual(shown[0].actions, ["Show output", "Open settings"]);
    const output = (fake.recorded.output.get("pyiq") ?? []).join("\n");
    assert.match(output, /couldn't create connection to server/, "the client's own words go to the output");
    await extension.deactivate();
  });

  it("says how to install the server when none is found", async () => {
    const { dir, file } = project();
    const path = process.env.PATH;
    process.env.PATH = join(dir, "empty-bin");
    const fake = createFakeVscode({ settings: {}, pythonPath: undefined, workspace: dir });
    fake.open(makeDocument(file, SAMPLE));
    fake.setActiveEditor(makeDocument(file, SAMPLE));
    const extension = loadExtension(fake);
    try {
      await extension.activate(context());
    } finally {
      process.env.PATH = path;
    }
    const error = await until("the notification", () => fake.recorded.messages.find((m) => m.kind === "error"));
    assert.match(error.text, /python3 -m pip install pyiq/);
    assert.match(error.text, /pyiq\.server\.command/);
    assert.deepEqual(error.actions, ["Copy install command", "Open settings"]);
    const status = fake.recorded.statusBar.at(-1);
    assert.match(status?.text ?? "", /warning/);
    await extension.deactivate();
  });
});
