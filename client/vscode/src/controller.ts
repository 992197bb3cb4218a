/**
 * What the extension's commands do, written against `EditorHost` so it is
 * unit-tested without VS Code.
 *
 * The quiz always reaches the panel the same way, whether it was started
 * from the palette, the context menu, the status bar, a code lens or a code
 * action: the server answers `pyiq.quizFile` / `pyiq.quizAt` with the quiz as
 * data (this client declares `quizUi: "data"`), and `showQuizResult` puts it
 * in the panel. Answers go back through `pyiq.recordAnswer` so they land in
 * the same progress store as the command-line quiz.
 */

import type { EditorHost, QuizView } from "./host";
import type { FromWebview } from "./protocol";
import {
  practicePickItems,
  readExercises,
  readHint,
  readRun,
  resultError,
  scaffoldedUri,
  solutionMarkdown,
  type PracticeData,
  type PracticeExercise,
} from "./practiceModel";
import { isAnswerReport, readQuiz, type AnswerReport } from "./quizModel";
import { dueCount, explainMarkdown, progressMarkdown } from "./results";
import { countTopics, statusView, type StatusView } from "./status";

export const SERVER_COMMANDS = {
  quizFile: "pyiq.quizFile",
  quizAt: "pyiq.quizAt",
  explain: "pyiq.explain",
  recordAnswer: "pyiq.recordAnswer",
  stats: "pyiq.stats",
} as const;

export const PRACTICE_COMMANDS = {
  practice: "pyiq.practice",
  run: "pyiq.practice.run",
  hint: "pyiq.practice.hint",
  solution: "pyiq.practice.solution",
} as const;

/**
 * The practice code lenses' commands: the extension runs them itself and shows their result
 * (verdicts in the panel, the hint as a message, the solution on a page) instead of letting the
 * server squeeze them into notifications.
 */
export const PRACTICE_LENS_COMMANDS: ReadonlySet<string> = new Set([
  PRACTICE_COMMANDS.run,
  PRACTICE_COMMANDS.hint,
  PRACTICE_COMMANDS.solution,
]);

/** Sent with the practice commands: this client shows the results, the server stays quiet. */
const SHOWN_HERE = { messages: false };

/** The server commands whose result is a quiz. */
export const QUIZ_COMMANDS: ReadonlySet<string> = new Set([SERVER_COMMANDS.quizFile, SERVER_COMMANDS.quizAt]);

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string") {
    return (error as { message: string }).message;
  }
  return String(error);
}

function baseName(uri: string): string {
  const path = decodeURIComponent(uri.replace(/[?#].*$/, ""));
  return path.slice(path.lastIndexOf("/") + 1) || path;
}

export class Controller {
  private view: QuizView | undefined;
  private rerun: (() => Promise<unknown>) | undefined;
  private quizUri: string | undefined;
  private seen: FromWebview[] = [];
  private lastQuizMessage: Parameters<QuizView["post"]>[0] | undefined;
  private warnedNoRecord = false;
  private due: number | undefined;
  private practiceData: PracticeData | undefined;
  /** The practice file of the last run (the panel's "Run again" and "Hint" buttons). */
  private practiceUri: string | undefined;
  /** Server state for the status bar. */
  serverState: "running" | "starting" | "stopped" = "starting";
  /**
   * The pyiq command line of the server's installation (e.g. `[python, -m, pyiq]`), for
   * `pyiq stats` when the server has no stats command.
   */
  cli: string[] | undefined;
  /** Called when the status bar's figures change outside an editor event. */
  onStatusChange: (() => void) | undefined;

  constructor(private readonly host: EditorHost) {}

  private requireServer(): boolean {
    if (this.host.serverCommands() === undefined) {
      void this.host.showWarning("pyiq: the language server is not running; see the pyiq output for why.");
      return false;
    }
    return true;
  }

  private pythonEditor(): ReturnType<EditorHost["activeEditor"]> {
    const editor = this.host.activeEditor();
    if (!editor || editor.languageId !== "python") {
      void this.host.showInformation("pyiq: open a Python file to be quizzed on it.");
      return undefined;
    }
    return editor;
  }

  /** "pyiq: Quiz me on this file". `uri` comes from the explorer/editor context menu. */
  async quizFile(uri?: string): Promise<void> {
    const target = uri ?? this.pythonEditor()?.uri;
    if (!target || !this.requireServer()) return;
    await this.runQuiz(`Quiz · ${baseName(target)}`, target, () =>
      this.host.executeServerCommand(SERVER_COMMANDS.quizFile, [target]),
    );
  }

  /** "pyiq: Quiz me on this construct": the construct under the cursor. */
  async quizAt(uri?: string, position?: { line: number; character: number }): Promise<void> {
    const editor = this.host.activeEditor();
    let target = uri;
    let at = position;
    if (!target || !at) {
      const python = this.pythonEditor();
      if (!python) return;
      target = python.uri;
      at = { line: python.line, character: python.character };
    }
    if (!this.requireServer()) return;
    const where = editor && editor.uri === target ? ` (line ${at.line + 1})` : "";
    const args = [target, at];
    await this.runQuiz(`Quiz · ${baseName(target)}${where}`, target, () =>
      this.host.executeServerCommand(SERVER_COMMANDS.quizAt, args),
    );
  }

  /**
   * Runs a quiz command and shows its result in the panel; also used for
   * quizzes started by code lenses and code actions (through the language
   * client's command middleware), which pass the already-running request.
   */
  async runQuiz(title: string, uri: string | undefined, run: () => Promise<unknown>): Promise<void> {
    this.rerun = run;
    this.quizUri = uri;
    const view = this.openView(title, true);
    this.send(view, { type: "loading", title });
    let result: unknown;
    try {
      result = await run();
    } catch (error) {
      this.send(view, { type: "error", message: `The server could not build the quiz: ${errorText(error)}` });
      this.host.log(`quiz failed: ${errorText(error)}`);
      return;
    }
    this.showQuizResult(title, result);
  }

  /** Puts a quiz command's result in the panel; false when it was not quiz data. */
  showQuizResult(title: string, result: unknown): boolean {
    const quiz = readQuiz(result, title);
    const view = this.openView(title, false);
    if (!quiz) {
      this.send(view, {
        type: "error",
        message:
          "The server did not send the quiz as data. Update pyiq (the quiz panel needs a server " +
          "that supports the quizUi \"data\" option).",
      });
      this.host.log(`unexpected quiz result: ${JSON.stringify(result)?.slice(0, 500)}`);
      return false;
    }
    if (!quiz.title || quiz.title === "pyiq quiz") quiz.title = title;
    if (!quiz.uri && this.quizUri) quiz.uri = this.quizUri;
    if (quiz.uri) this.quizUri = quiz.uri;
    this.send(view, { type: "quiz", quiz });
    return true;
  }

  /** The panel, created when missing; an existing one is brought to front when `reveal`. */
  private openView(title: string, reveal: boolean): QuizView {
    if (!this.view || this.view.disposed) {
      this.view = this.host.quizView(title);
      this.view.onMessage((message) => void this.onWebviewMessage(message));
    } else if (reveal) {
      this.view.reveal();
    }
    return this.view;
  }

  private send(view: QuizView, message: Parameters<QuizView["post"]>[0]): void {
    if (message.type !== "recorded") this.lastQuizMessage = message;
    view.post(message);
  }

  // --- Practice -----------------------------------------------------------------------------

  /** The exercises with the learner's status; undefined (and said why) when the server fails. */
  private async exercises(): Promise<PracticeExercise[] | undefined> {
    try {
      return readExercises(await this.host.executeServerCommand(PRACTICE_COMMANDS.practice, []));
    } catch (error) {
      void this.host.showError(`pyiq: could not list the exercises: ${errorText(error)}`);
      return undefined;
    }
  }

  /** "pyiq: Practice an exercise": a quick pick of exercises; the chosen one's stub opens. */
  async practice(): Promise<void> {
    if (!this.requireServer()) return;
    const exercises = await this.exercises();
    if (!exercises) return;
    if (exercises.length === 0) {
      void this.host.showInformation("pyiq: this pyiq has no practice exercises.");
      return;
    }
    const id = await this.host.pick(
      practicePickItems(exercises),
      "Pick an exercise: its stub opens in practice/, run its tests from the code lens",
      false,
    );
    if (id) await this.startPractice(id);
  }

  /** Writes the stub of exercise `id` into the workspace (never over work) and opens it. */
  async startPractice(id: string): Promise<void> {
    if (!this.requireServer()) return;
    const folder = this.host.workspaceFolder(this.host.activeEditor()?.uri);
    let result: unknown;
    try {
      result = await this.host.executeServerCommand(PRACTICE_COMMANDS.practice, folder ? [id, folder] : [id]);
    } catch (error) {
      void this.host.showError(`pyiq: could not start ${id}: ${errorText(error)}`);
      return;
    }
    const uri = scaffoldedUri(result);
    if (!uri) {
      void this.host.showError(`pyiq: ${resultError(result) ?? `could not start ${id}`}`);
      return;
    }
    await this.host.openDocument(uri);
  }

  /** "pyiq: Show practice exercises": the panel's practice view. */
  async showPractice(): Promise<void> {
    if (!this.requireServer()) return;
    const exercises = await this.exercises();
    if (!exercises) return;
    this.practiceData = { ...this.practiceData, exercises };
    this.send(this.openView("pyiq practice", true), { type: "practice", practice: this.practiceData });
  }

  /** The practice file a command is about: the lens's argument, else the active editor. */
  private practiceTarget(uri: string | undefined): string | undefined {
    const target = uri ?? this.host.activeEditor()?.uri;
    if (!target) void this.host.showInformation("pyiq: open a practice file (pyiq: Practice an exercise) first.");
    return target;
  }

  /** A practice lens or command: `pyiq.practice.run`, `.hint` or `.solution` on `uri`. */
  async practiceCommand(command: string, uri?: string): Promise<void> {
    if (command === PRACTICE_COMMANDS.run) await this.runPractice(uri);
    else if (command === PRACTICE_COMMANDS.hint) await this.practiceHint(uri);
    else if (command === PRACTICE_COMMANDS.solution) await this.practiceSolution(uri);
  }

  /** Runs the exercise's tests on the file and shows the verdicts in the panel. */
  async runPractice(uri?: string): Promise<void> {
    const target = this.practiceTarget(uri);
    if (!target || !this.requireServer()) return;
    const title = `Practice · ${baseName(target)}`;
    const view = this.openView(title, true);
    this.send(view, { type: "loading", title, text: "Running the tests…" });
    let result: unknown;
    try {
      result = await this.host.executeServerCommand(PRACTICE_COMMANDS.run, [target, SHOWN_HERE]);
    } catch (error) {
      this.send(view, { type: "error", heading: "The tests did not run", message: errorText(error) });
      return;
    }
    const run = readRun(result);
    if (!run) {
      this.send(view, {
        type: "error",
        heading: "The tests did not run",
        message: resultError(result) ?? "The server sent no verdicts.",
      });
      return;
    }
    this.practiceUri = target;
    if (!run.uri) run.uri = target;
    const exercises = (await this.exercises()) ?? this.practiceData?.exercises ?? [];
    this.practiceData = { exercises, run };
    // After a pass, the quiz on the constructs the solution used, when the learner accepted it.
    const quiz = typeof result === "object" && result !== null ? (result as { quiz?: unknown }).quiz : undefined;
    if (quiz && readQuiz(quiz)) {
      this.quizUri = target;
      this.rerun = () => this.host.executeServerCommand(SERVER_COMMANDS.quizFile, [target]);
      this.showQuizResult(`Quiz · what ${baseName(target)} used`, quiz);
      return;
    }
    this.send(this.openView(title, false), { type: "practice", practice: this.practiceData });
    void this.refreshDue();
  }

  /**
   * Runs a practice command that answers with one text (the hint, the solution) on the file;
   * the server's refusal ("run the tests first") is said, and undefined returned.
   */
  private async practiceText<T>(
    command: string,
    uri: string | undefined,
    read: (result: unknown) => T | undefined,
  ): Promise<[string, T] | undefined> {
    const target = this.practiceTarget(uri);
    if (!target || !this.requireServer()) return undefined;
    let result: unknown;
    try {
      result = await this.host.executeServerCommand(command, [target, SHOWN_HERE]);
    } catch (error) {
      void this.host.showError(`pyiq: ${command} failed: ${errorText(error)}`);
      return undefined;
    }
    const value = read(result);
    if (value === undefined) {
      void this.host.showInformation(`pyiq: ${resultError(result) ?? "nothing for this file"}`);
      return undefined;
    }
    return [target, value];
  }

  /** The next hint, as a message (and in the panel when it shows this file's run). */
  async practiceHint(uri?: string): Promise<void> {
    const found = await this.practiceText(PRACTICE_COMMANDS.hint, uri, readHint);
    if (!found) return;
    const [target, hint] = found;
    if (this.practiceData?.run?.uri === target && this.view && !this.view.disposed) {
      this.practiceData = { ...this.practiceData, hint };
      this.send(this.view, { type: "practice", practice: this.practiceData });
    }
    void this.host.showInformation(hint);
  }

  /** The reference solution on a page of its own (once the tests were run at least once). */
  async practiceSolution(uri?: string): Promise<void> {
    const found = await this.practiceText(PRACTICE_COMMANDS.solution, uri, solutionMarkdown);
    if (found) this.host.showMarkdown(`Solution · ${baseName(found[0])}`, found[1]);
  }

  /** Messages from the panel. Exposed for tests. */
  async onWebviewMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case "ready":
        // A panel that loaded after the quiz was posted missed it; send it again.
        if (!message.restored && this.lastQuizMessage && this.view) this.view.post(this.lastQuizMessage);
        break;
      case "answer":
        if (isAnswerReport(message)) {
          const report: AnswerReport = { id: message.id, chosen: message.chosen, correct: message.correct };
          if (message.elapsed !== undefined) report.elapsed = message.elapsed;
          if (message.rule !== undefined) report.rule = message.rule;
          await this.record(report);
        }
        break;
      case "done":
        this.host.log(`quiz finished: ${message.correct}/${message.asked} correct`);
        void this.refreshDue();
        break;
      case "again":
        if (this.rerun) await this.runQuiz(this.lastTitle(), this.quizUri, this.rerun);
        break;
      case "reveal": {
        const practice = this.lastQuizMessage?.type === "practice";
        const uri = practice ? this.practiceUri : this.quizUri;
        if (uri) this.host.revealLine(uri, Math.max(0, message.line - 1));
        break;
      }
      case "practiceStart":
        await this.startPractice(message.id);
        break;
      case "practiceRun":
        if (this.practiceUri) await this.runPractice(this.practiceUri);
        break;
      case "practiceHint":
        if (this.practiceUri) await this.practiceHint(this.practiceUri);
        break;
      case "practiceQuiz":
        if (this.practiceUri) await this.quizFile(this.practiceUri);
        break;
    }
    this.seen.push(message);
  }

  /** Messages seen so far (tests). */
  get received(): readonly FromWebview[] {
    return this.seen;
  }

  private lastTitle(): string {
    const last = this.lastQuizMessage;
    if (last?.type === "quiz") return last.quiz.title;
    if (last?.type === "loading") return last.title;
    return "pyiq quiz";
  }

  private async record(report: AnswerReport): Promise<void> {
    const commands = this.host.serverCommands();
    if (commands && !commands.includes(SERVER_COMMANDS.recordAnswer)) {
      if (!this.warnedNoRecord) {
        this.warnedNoRecord = true;
        this.host.log(`the server does not offer ${SERVER_COMMANDS.recordAnswer}; answers are not saved`);
      }
      this.view?.post({ type: "recorded", id: report.id, ok: false });
      return;
    }
    try {
      const args: Record<string, unknown> = { ...report };
      if (this.quizUri) args.uri = this.quizUri;
      await this.host.executeServerCommand(SERVER_COMMANDS.recordAnswer, [args]);
      this.view?.post({ type: "recorded", id: report.id, ok: true });
    } catch (error) {
      this.host.log(`could not record the answer to ${report.id}: ${errorText(error)}`);
      this.view?.post({ type: "recorded", id: report.id, ok: false });
    }
  }

  /** "pyiq: Explain…": a rule or question id, picked from this file's findings or typed. */
  async explain(id?: string): Promise<void> {
    if (!this.requireServer()) return;
    let target = id;
    if (!target) {
      const editor = this.host.activeEditor();
      const items = new Map<string, { label: string; description: string }>();
      for (const d of editor ? this.host.diagnostics(editor.uri) : []) {
        if (d.source !== "pyiq") continue;
        const code = typeof d.code === "object" && d.code !== null ? (d.code as { value?: unknown }).value : d.code;
        if (typeof code !== "string" && typeof code !== "number") continue;
        const key = String(code);
        if (!items.has(key)) items.set(key, { label: key, description: `line ${d.line + 1}: ${d.message.split("\n")[0]}` });
      }
      target = await this.host.pick(
        [...items.values()],
        items.size ? "A rule in this file, or type a rule or question id" : "Type a rule or question id",
        true,
      );
      if (!target) return;
    }
    let result: unknown;
    try {
      result = await this.host.executeServerCommand(SERVER_COMMANDS.explain, [target]);
    } catch (error) {
      void this.host.showError(`pyiq: could not explain ${target}: ${errorText(error)}`);
      return;
    }
    const markdown = explainMarkdown(result);
    if (!markdown) {
      void this.host.showInformation(`pyiq: nothing is known about "${target}".`);
      return;
    }
    this.host.showMarkdown(`pyiq: ${target}`, markdown);
  }

  /** Progress as data: the server's `pyiq.stats` when offered, else `pyiq stats --format json`. */
  private async stats(): Promise<unknown> {
    if (this.host.serverCommands()?.includes(SERVER_COMMANDS.stats)) {
      try {
        return await this.host.executeServerCommand(SERVER_COMMANDS.stats, []);
      } catch (error) {
        this.host.log(`pyiq.stats failed: ${errorText(error)}`);
      }
    }
    if (!this.cli) return undefined;
    const output = await this.host.runCli([...this.cli, "stats", "--format", "json"]);
    return JSON.parse(output) as unknown;
  }

  /**
   * "pyiq: Show my progress": answers, accuracy, mastery and reviews due per topic, from the
   * same progress store the quiz writes; `pyiq stats` in a terminal if that fails.
   */
  async showProgress(): Promise<void> {
    let result: unknown;
    try {
      result = await this.stats();
    } catch (error) {
      this.host.log(`pyiq stats failed: ${errorText(error)}`);
    }
    if (result !== undefined) {
      this.due = dueCount(result) ?? this.due;
      this.host.showMarkdown("pyiq: progress", progressMarkdown(result));
    } else if (this.cli) {
      this.host.runInTerminal("pyiq progress", [...this.cli, "stats"]);
    } else {
      void this.host.showWarning("pyiq: progress needs pyiq installed; see the pyiq output.");
    }
  }

  /** The reviews due, for the status bar; silent when nothing can say. */
  async refreshDue(): Promise<number | undefined> {
    try {
      this.due = dueCount(await this.stats()) ?? this.due;
    } catch {
      // The status bar simply leaves the count out.
    }
    this.onStatusChange?.();
    return this.due;
  }

  /** The status bar for the active editor. */
  status(): StatusView {
    const editor = this.host.activeEditor();
    const python = editor?.languageId === "python";
    const topics = python && editor ? countTopics(this.host.diagnostics(editor.uri)) : 0;
    return statusView({ python, topics, due: this.due, state: this.serverState });
  }
}
