/**
 * The VS Code side: starts the pyiq language server, implements `EditorHost`
 * with the VS Code API, and wires commands, the status bar and the quiz
 * panel to `Controller`. Logic that can be tested without VS Code lives in
 * the other modules; this file is glue.
 */

import { execFile, spawn, type ChildProcess } from "node:child_process";
import { constants as fsConstants, promises as fs } from "node:fs";
import { homedir } from "node:os";
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { Controller, PRACTICE_COMMANDS, PRACTICE_LENS_COMMANDS, QUIZ_COMMANDS, SERVER_COMMANDS } from "./controller";
import type { ActiveEditor, DiagnosticInfo, EditorHost, PickItem, QuizView } from "./host";
import { isFromWebview, type FromWebview, type ToWebview } from "./protocol";
import { makeNonce, renderMarkdownPage, renderQuizPage } from "./quizHtml";
import {
  commandFromSetting as commandFromSettingValue,
  importStrategy,
  installCommand,
  notFoundMessage,
  resolveServerCommand,
  searchPath,
  sibling,
  type ServerCommand,
} from "./serverCommand";
import { serverSettings } from "./settings";

const OUTPUT_NAME = "pyiq";
const DOCUMENT_SELECTOR = [
  { scheme: "file", language: "python" },
  { scheme: "untitled", language: "python" },
];

/** The part of the Python extension's API this extension uses. */
interface PythonExtensionApi {
  environments?: {
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
    getActiveEnvironmentPath(resource?: vscode.Uri): { id: string; path: string } | undefined;
    resolveEnvironment?(
      env: { id: string; path: string } | string,
    ): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
  };
  settings?: {
    getExecutionDetails?(resource?: vscode.Uri): { execCommand?: string[] };
  };
}

let state: Extension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  state = new Extension(context);
  await state.start();
}

export async function deactivate(): Promise<void> {
  await state?.stop();
  state = undefined;
}

function uriString(value: unknown): string | undefined {
  if (value instanceof vscode.Uri) return value.toString();
  if (typeof value === "string" && value) return value;
  return undefined;
}

function execOk(command: string, args: string[], timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, windowsHide: true }, (error) => resolve(!error));
  });
}

/** `[major, minor]` of a Python interpreter; undefined when it does not run. */
function pythonVersion(python: string): Promise<[number, number] | undefined> {
  return new Promise((resolve) => {
    execFile(
      python,
      ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
      { timeout: 15000, windowsHide: true },
      (error, stdout) => {
        const match = /^(\d+)\.(\d+)/.exec(String(stdout).trim());
        resolve(error || !match ? undefined : [Number(match[1]), Number(match[2])]);
      },
    );
  });
}

/**
 * The language client, with its own notifications sent to the output channel only: a server
 * that fails to start or crashes would otherwise raise "couldn't create connection", "write
 * EPIPE", "connection to server is erroring" and "crashed 5 times" toasts one after another.
 * The extension shows one message of its own instead (see `Extension.reportFailure`).
 */
class QuietLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown): void {
    super.error(message, data, false);
  }
}

/** A started server process, and what it said on stderr last (for the failure message). */
interface ServerProcess {
  child: ChildProcess;
  stderrTail: string;
  exit: Promise<string>;
}

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

class Extension implements EditorHost {
  private readonly output: vscode.OutputChannel;
  private readonly status: vscode.StatusBarItem;
  private readonly controller: Controller;
  private client: LanguageClient | undefined;
  private markdownPanel: vscode.WebviewPanel | undefined;
  private starting: Promise<void> | undefined;
  private process: ServerProcess | undefined;
  private watchingInterpreter = false;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel(OUTPUT_NAME);
    this.status = vscode.window.createStatusBarItem("pyiq.status", vscode.StatusBarAlignment.Right, 100);
    this.status.name = "pyiq";
    this.controller = new Controller(this);
    this.controller.onStatusChange = () => this.updateStatus();
    context.subscriptions.push(this.output, this.status);
  }

  async start(): Promise<void> {
    const { subscriptions } = this.context;
    const command = (id: string, run: (...args: unknown[]) => unknown): void => {
      subscriptions.push(vscode.commands.registerCommand(id, run));
    };
    command("pyiq.quizMeOnFile", (uri) => this.controller.quizFile(uriString(uri)));
    command("pyiq.quizMeOnConstruct", () => this.controller.quizAt());
    command("pyiq.showProgress", () => this.controller.showProgress());
    command("pyiq.explainPrompt", (id) => this.controller.explain(typeof id === "string" ? id : undefined));
    command("pyiq.practiceExercise", () => this.controller.practice());
    command("pyiq.showPractice", () => this.controller.showPractice());
    command("pyiq.practiceRunTests", (uri) => this.controller.runPractice(uriString(uri)));
    command("pyiq.practiceHint", (uri) => this.controller.practiceHint(uriString(uri)));
    command("pyiq.practiceSolution", (uri) => this.controller.practiceSolution(uriString(uri)));
    command("pyiq.restartServer", () => this.restart());
    command("pyiq.showOutput", () => this.output.show(true));
    command("pyiq.statusClicked", () =>
      this.controller.serverState === "stopped" ? this.output.show(true) : this.controller.quizFile(),
    );
    this.status.command = "pyiq.statusClicked";

    subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration("pyiq.server") || event.affectsConfiguration("pyiq.importStrategy")) {
          void this.restart();
        } else if (event.affectsConfiguration("pyiq")) {
          this.pushSettings();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
      vscode.languages.onDidChangeDiagnostics(() => this.updateStatus()),
    );
    this.updateStatus();
    await this.startClient();
  }

  async stop(): Promise<void> {
    const client = this.client;
    const server = this.process;
    this.client = undefined;
    this.process = undefined;
    if (client) {
      await client.stop(2000).catch(() => undefined);
    }
    // The client asked the server to exit; one that does not is ended, not left behind.
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill();
    }
  }

  private async restart(): Promise<void> {
    await this.starting;
    await this.stop();
    await this.startClient();
  }

  private startClient(): Promise<void> {
    this.starting = this.doStartClient().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async doStartClient(): Promise<void> {
    this.controller.serverState = "starting";
    this.updateStatus();
    let interpreter: string | undefined;
    const config = vscode.workspace.getConfiguration("pyiq");
    const strategy = importStrategy(config.get("importStrategy"));
    const notes: string[] = [];
    const launcher = vscode.Uri.joinPath(this.context.extensionUri, "bundled", "tool", "pyiq_server.py").fsPath;
    const libs = vscode.Uri.joinPath(this.context.extensionUri, "bundled", "libs").fsPath;
    const isExecutable = (path: string): Promise<boolean> =>
      fs.access(path, fsConstants.X_OK).then(
        () => true,
        () => false,
      );
    // The extension host's PATH comes from a login shell (or a desktop launcher): pip --user and
    // pipx install into ~/.local/bin, which it often lacks, so that is searched too.
    const userBin = `${homedir()}/.local/bin`;
    const searchEnv = { ...process.env, PATH: [process.env.PATH ?? "", userBin].filter(Boolean).join(":") };
    const server = await resolveServerCommand(
      {
        configured: () => config.get("server.command"),
        importStrategy: () => strategy,
        bundled: async () =>
          (await fs.stat(libs).then((st) => st.isDirectory(), () => false)) ? launcher : undefined,
        activeInterpreter: async () => (interpreter = await this.activeInterpreter()),
        pythonVersion,
        hasPyiq: (python) => execOk(python, ["-c", "import pyiq.lsp"], 15000),
        which: (name) =>
          searchPath(name, process.platform === "win32" ? process.env : searchEnv, process.platform, isExecutable),
      },
      notes,
    );
    for (const note of notes) this.log(note);
    this.controller.cli = server ? sibling(server, "stats").slice(0, -1) : undefined;
    if (!server) {
      this.controller.serverState = "stopped";
      this.updateStatus();
      this.log(notFoundMessage(interpreter, notes));
      void this.offerInstall(interpreter, notes);
      return;
    }
    this.log(`starting ${[server.command, ...server.args].join(" ")} (from ${server.source})`);
    const env = { ...process.env, PYIQ_IMPORT_STRATEGY: strategy };
    const serverOptions: ServerOptions = () => this.spawnServer(server, env);
    let running = false;
    const restarts: number[] = [];
    const errorHandler: ErrorHandler = {
      // A failed write means the process is gone; `closed` decides what happens next.
      error: (_error, _message, count) => ({
        action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
        handled: true,
      }),
      closed: () => {
        if (!running) return { action: CloseAction.DoNotRestart, handled: true };
        const now = Date.now();
        restarts.push(now);
        while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
        if (restarts.length <= MAX_RESTARTS) {
          this.log(`the language server stopped unexpectedly; restarting it (${restarts.length} of ${MAX_RESTARTS})`);
          return { action: CloseAction.Restart, handled: true };
        }
        void this.reportFailure(
          `pyiq: the language server stopped ${restarts.length} times in 3 minutes and was not restarted`,
          this.process,
        );
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler,
      initializationFailedHandler: () => false,
      // Hovers are plain Markdown (no HTML) and may link to the quiz and explain commands.
      markdown: {
        isTrusted: { enabledCommands: [SERVER_COMMANDS.quizAt, SERVER_COMMANDS.quizFile, SERVER_COMMANDS.explain] },
      },
      initializationOptions: serverSettings(vscode.workspace.getConfiguration("pyiq")),
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const result: unknown = await next(params, token);
            if (!Array.isArray(result)) return result as never;
            return result.map((value: unknown, i) => (params.items[i]?.section === "pyiq" ? serverSettings(value) : value));
          },
        },
        // Code lenses, code actions and hover links run the server's commands
        // through VS Code; quizzes and explanations open in this extension's panels.
        executeCommand: async (command, args, next) => {
          if (QUIZ_COMMANDS.has(command)) {
            const uri = uriString(args[0]);
            const title = uri ? `Quiz · ${uri.slice(uri.lastIndexOf("/") + 1)}` : "pyiq quiz";
            let result: unknown;
            await this.controller.runQuiz(title, uri, async () => (result = (await next(command, args)) as unknown));
            return result as never;
          }
          if (PRACTICE_LENS_COMMANDS.has(command)) {
            await this.controller.practiceCommand(command, uriString(args[0]));
            return undefined;
          }
          if (command === PRACTICE_COMMANDS.practice && typeof args[0] === "string") {
            await this.controller.startPractice(args[0]);
            return undefined;
          }
          if (command === SERVER_COMMANDS.explain && typeof args[0] === "string") {
            await this.controller.explain(args[0]);
            return undefined;
          }
          return (await next(command, args)) as never;
        },
      },
    };
    const client = new QuietLanguageClient("pyiq", "pyiq", serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((event) => {
      if (this.client !== client) return;
      this.controller.serverState =
        event.newState === State.Running ? "running" : event.newState === State.Starting ? "starting" : "stopped";
      this.updateStatus();
    });
    try {
      await client.start();
      // A server that exits during `initialize` can leave start() resolved (the client drops its
      // pending start when the connection closes first): only a running client has started.
      if (!client.isRunning()) throw new Error("the server exited while starting");
    } catch (error) {
      if (this.client !== client) return;
      this.controller.serverState = "stopped";
      this.updateStatus();
      this.log(`the language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      await this.reportFailure(`pyiq: the language server did not start (${server.command})`, this.process, error);
      return;
    }
    running = true;
    this.controller.serverState = "running";
    this.updateStatus();
    void this.controller.refreshDue();
  }

  /** Starts the server process; a command that cannot be run rejects with the reason. */
  private spawnServer(server: ServerCommand, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
    return new Promise((resolve, reject) => {
      const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      const child = spawn(server.command, server.args, { env, cwd, windowsHide: true });
      const record: ServerProcess = {
        child,
        stderrTail: "",
        exit: new Promise((done) => {
          child.once("exit", (code, signal) => done(signal ? `killed by ${signal}` : `exit code ${code}`));
          child.once("error", (error) => done(error.message));
        }),
      };
      // A server that exits early closes its pipes under the client's feet; the exit is reported
      // once (reportFailure), not as an uncaught "write EPIPE" from the extension host.
      const pipeError = (error: Error): void => this.log(`server pipe: ${error.message}`);
      child.stdin?.on("error", pipeError);
      child.stdout?.on("error", pipeError);
      child.stderr?.on("data", (data: Buffer | string) => {
        record.stderrTail = (record.stderrTail + String(data)).slice(-4000);
      });
      this.process = record;
      child.once("spawn", () => resolve(child));
      child.once("error", (error: NodeJS.ErrnoException) => {
        const reason =
          error.code === "ENOENT" ? `${server.command} was not found` : error.code === "EACCES" ? `${server.command} is not executable` : error.message;
        reject(new Error(reason));
      });
    });
  }

  /**
   * The one message shown when the server cannot run: what failed and its last words on stderr
   * (an import error, a Python too old), with the output and the settings one click away.
   */
  private async reportFailure(headline: string, server: ServerProcess | undefined, error?: unknown): Promise<void> {
    let detail = error instanceof Error && /not found|not executable/.test(error.message) ? error.message : "";
    if (server) {
      const exit = await Promise.race([server.exit, new Promise<string>((r) => setTimeout(() => r(""), 1500))]);
      const lastLine = server.stderrTail
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .at(-1);
      detail = [detail, exit && !detail ? `it ended with ${exit}` : "", lastLine ? `“${lastLine.slice(0, 300)}”` : ""]
        .filter(Boolean)
        .join(": ");
    }
    const message = `${headline}${detail ? `: ${detail}` : ""}. See the pyiq output for details.`;
    this.log(message);
    const choice = await vscode.window.showErrorMessage(message, "Show output", "Open settings");
    if (choice === "Show output") this.output.show(true);
    if (choice === "Open settings") void vscode.commands.executeCommand("workbench.action.openSettings", "pyiq.server");
  }

  private async offerInstall(interpreter: string | undefined, notes: readonly string[] = []): Promise<void> {
    const copy = "Copy install command";
    const settings = "Open settings";
    const choice = await vscode.window.showErrorMessage(notFoundMessage(interpreter, notes), copy, settings);
    if (choice === copy) {
      await vscode.env.clipboard.writeText(installCommand(interpreter));
      void vscode.window.showInformationMessage(
        "pyiq: install command copied. Run it in a terminal, then run “pyiq: Restart the language server”.",
      );
    } else if (choice === settings) {
      void vscode.commands.executeCommand("workbench.action.openSettings", "pyiq.server.command");
    }
  }

  private async activeInterpreter(): Promise<string | undefined> {
    const extension = vscode.extensions.getExtension<PythonExtensionApi>("ms-python.python");
    if (!extension) return undefined;
    const api = extension.isActive ? extension.exports : await extension.activate();
    const onChange = api?.environments?.onDidChangeActiveEnvironmentPath;
    if (onChange && !this.watchingInterpreter) {
      this.watchingInterpreter = true;
      this.context.subscriptions.push(
        onChange(() => {
          // A setting names the server outright; otherwise the interpreter decides which runs it.
          if (commandFromSettingValue(vscode.workspace.getConfiguration("pyiq").get("server.command"))) return;
          this.log("the selected Python interpreter changed; restarting the language server");
          void this.restart();
        }),
      );
    }
    const resource = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    const environments = api?.environments;
    if (environments) {
      const active = environments.getActiveEnvironmentPath(resource);
      if (active) {
        const resolved = await environments.resolveEnvironment?.(active).catch(() => undefined);
        return resolved?.executable?.uri?.fsPath ?? active.path;
      }
    }
    return api?.settings?.getExecutionDetails?.(resource)?.execCommand?.[0];
  }

  private pushSettings(): void {
    const client = this.client;
    if (!client || !client.isRunning()) return;
    void client
      .sendNotification("workspace/didChangeConfiguration", {
        settings: serverSettings(vscode.workspace.getConfiguration("pyiq")),
      })
      .catch((error: unknown) => this.log(`could not send settings: ${String(error)}`));
  }

  private updateStatus(): void {
    const view = this.controller.status();
    if (!view.visible) {
      this.status.hide();
      return;
    }
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    this.status.show();
  }

  // --- EditorHost -------------------------------------------------------------------------

  activeEditor(): ActiveEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const { document, selection } = editor;
    const path = document.uri.path;
    return {
      uri: document.uri.toString(),
      languageId: document.languageId,
      line: selection.active.line,
      character: selection.active.character,
      fileName: path.slice(path.lastIndexOf("/") + 1),
    };
  }

  diagnostics(uri: string): DiagnosticInfo[] {
    return vscode.languages.getDiagnostics(vscode.Uri.parse(uri)).map((d) => ({
      source: d.source,
      code: d.code,
      line: d.range.start.line,
      message: d.message,
    }));
  }

  serverCommands(): readonly string[] | undefined {
    const client = this.client;
    if (!client || !client.isRunning()) return undefined;
    return client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  }

  async executeServerCommand(command: string, args: unknown[]): Promise<unknown> {
    const client = this.client;
    if (!client || !client.isRunning()) throw new Error("the pyiq language server is not running");
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  showInformation(message: string, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInformationMessage(message, ...actions));
  }

  showWarning(message: string, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showWarningMessage(message, ...actions));
  }

  showError(message: string, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showErrorMessage(message, ...actions));
  }

  pick(items: PickItem[], placeholder: string, allowCustom: boolean): Promise<string | undefined> {
    return new Promise((resolve) => {
      const quickPick = vscode.window.createQuickPick<PickItem & vscode.QuickPickItem>();
      quickPick.placeholder = placeholder;
      quickPick.items = items;
      quickPick.matchOnDescription = true;
      // Practice: typing "due" or "attempt" finds exercises by the learner's status.
      quickPick.matchOnDetail = true;
      if (allowCustom) {
        quickPick.onDidChangeValue((value) => {
          const typed = value.trim();
          const exact = items.some((item) => item.label === typed);
          quickPick.items = typed && !exact ? [{ label: typed, description: "explain this id" }, ...items] : items;
        });
      }
      let done = false;
      quickPick.onDidAccept(() => {
        done = true;
        const selected = quickPick.selectedItems[0];
        const chosen = selected ? (selected.value ?? selected.label) : allowCustom ? quickPick.value.trim() : "";
        quickPick.hide();
        resolve(chosen || undefined);
      });
      quickPick.onDidHide(() => {
        quickPick.dispose();
        if (!done) resolve(undefined);
      });
      quickPick.show();
    });
  }

  quizView(title: string): QuizView {
    const extensionUri = this.context.extensionUri;
    const panel = vscode.window.createWebviewPanel(
      "pyiq.quiz",
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, "dist"), vscode.Uri.joinPath(extensionUri, "media")],
      },
    );
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "media", "icon.png");
    const webview = panel.webview;
    webview.html = renderQuizPage({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "quiz.js")).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "media", "quiz.css")).toString(),
      title,
    });
    let disposed = false;
    panel.onDidDispose(() => (disposed = true), undefined, this.context.subscriptions);
    return {
      post: (message: ToWebview) => {
        if (message.type === "quiz") panel.title = message.quiz.title;
        else if (message.type === "loading") panel.title = message.title;
        else if (message.type === "practice") panel.title = message.practice.run ? `Practice · ${message.practice.run.title}` : "pyiq practice";
        void webview.postMessage(message);
      },
      onMessage: (handler: (message: FromWebview) => void) => {
        webview.onDidReceiveMessage(
          (message: unknown) => {
            if (isFromWebview(message)) handler(message);
          },
          undefined,
          this.context.subscriptions,
        );
      },
      reveal: () => panel.reveal(undefined, false),
      get disposed() {
        return disposed;
      },
    };
  }

  showMarkdown(title: string, markdown: string): void {
    const extensionUri = this.context.extensionUri;
    if (!this.markdownPanel) {
      // Beside the code; in the quiz's group when the quiz is in front, not a third column.
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      this.markdownPanel = vscode.window.createWebviewPanel(
        "pyiq.markdown",
        title,
        { viewColumn: column, preserveFocus: true },
        { enableScripts: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, "media")] },
      );
      this.markdownPanel.onDidDispose(() => (this.markdownPanel = undefined));
    } else {
      this.markdownPanel.reveal(undefined, true);
    }
    const webview = this.markdownPanel.webview;
    this.markdownPanel.title = title;
    webview.html = renderMarkdownPage({
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "media", "quiz.css")).toString(),
      title,
      markdown,
    });
  }

  runInTerminal(name: string, argv: string[]): void {
    const terminal = vscode.window.createTerminal({ name, shellPath: argv[0], shellArgs: argv.slice(1) });
    terminal.show();
  }

  runCli(argv: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(argv[0], argv.slice(1), { timeout: 30_000, windowsHide: true, maxBuffer: 4 << 20 }, (error, stdout) => {
        if (error) reject(new Error(`${argv.join(" ")}: ${error.message}`));
        else resolve(stdout);
      });
    });
  }

  revealLine(uri: string, line: number): void {
    void vscode.window
      .showTextDocument(vscode.Uri.parse(uri), {
        viewColumn: vscode.ViewColumn.One,
        selection: new vscode.Range(line, 0, line, 0),
      })
      .then(undefined, (error: unknown) => this.log(`could not open ${uri}: ${String(error)}`));
  }

  async openDocument(uri: string): Promise<void> {
    try {
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.One, preview: false });
    } catch (error) {
      this.log(`could not open ${uri}: ${String(error)}`);
      void vscode.window.showErrorMessage(`pyiq: could not open ${vscode.Uri.parse(uri).fsPath}`);
    }
  }

  workspaceFolder(uri?: string): string | undefined {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri)) : undefined;
    return (folder ?? vscode.workspace.workspaceFolders?.[0])?.uri.toString();
  }

  log(message: string): void {
    this.output.appendLine(`[client] ${message}`);
  }
}
