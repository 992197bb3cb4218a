/**
 * Just enough of the `vscode` module to run the bundled extension (dist/extension.js) and
 * vscode-languageclient in plain Node: real Uri/EventEmitter/Range/Diagnostic semantics where
 * the extension or the client depend on them, recorders for what the extension shows, and a
 * catch-all that turns any other class or enum into a harmless stand-in.
 */

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return,
   @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument */

import { fileURLToPath, pathToFileURL } from "node:url";

type Listener<T> = (event: T) => unknown;

export class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  constructor(private readonly fn: () => unknown = () => undefined) {}
  dispose(): void {
    this.fn();
  }
}

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (listener: Listener<T>, thisArg?: unknown, disposables?: Disposable[]): Disposable => {
    const bound = thisArg ? listener.bind(thisArg) : listener;
    this.listeners.push(bound);
    const d = new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== bound)));
    disposables?.push(d);
    return d;
  };
  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query = "",
    readonly fragment = "",
  ) {}
  static parse(value: string): Uri {
    const url = new URL(value);
    return new Uri(url.protocol.replace(/:$/, ""), url.host, decodeURIComponent(url.pathname), url.search.replace(/^\?/, ""), url.hash.replace(/^#/, ""));
  }
  static file(path: string): Uri {
    return new Uri("file", "", path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, base.authority, [base.path.replace(/\/$/, ""), ...parts].join("/"));
  }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? "", c.path ?? "", c.query ?? "", c.fragment ?? "");
  }
  get fsPath(): string {
    return this.scheme === "file" ? fileURLToPath(pathToFileURL(this.path)) : this.path;
  }
  with(change: Partial<{ scheme: string; authority: string; path: string; query: string; fragment: string }>): Uri {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString(): string {
    if (this.scheme === "file") return pathToFileURL(this.path).href;
    return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ""}${this.fragment ? `#${this.fragment}` : ""}`;
  }
  toJSON(): unknown {
    return { scheme: this.scheme, path: this.path, external: this.toString() };
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === "number" ? new Position(a, b as number) : a;
    this.end = typeof a === "number" ? new Position(c ?? 0, d ?? 0) : (b as Position);
  }
}

export class Selection extends Range {
  get active(): Position {
    return this.end;
  }
}

export class Diagnostic {
  source?: string;
  code?: unknown;
  tags?: number[];
  relatedInformation?: unknown[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number = 0,
  ) {}
}

export class MarkdownString {
  isTrusted?: unknown;
  supportHtml?: boolean;
  constructor(public value = "") {}
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendText(text: string): this {
    this.value += text;
    return this;
  }
  appendCodeblock(code: string, lang = ""): this {
    this.value += `\n\`\`\`${lang}\n${code}\n\`\`\`\n`;
    return this;
  }
}

export class Hover {
  readonly contents: MarkdownString[];
  constructor(
    contents: MarkdownString | MarkdownString[],
    readonly range?: Range,
  ) {
    this.contents = Array.isArray(contents) ? contents : [contents];
  }
}

export class CancellationError extends Error {}

export class TabInputText {
  constructor(readonly uri: Uri) {}
}

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

/** A class or enum nobody here cares about: constructible, extendable, any member a number. */
/** VS Code's hierarchical code action kinds (`quickfix`, `pyiq.quiz`), as the client builds them. */
export class CodeActionKind {
  static readonly Empty = new CodeActionKind("");
  static readonly QuickFix = new CodeActionKind("quickfix");
  static readonly Refactor = new CodeActionKind("refactor");
  static readonly Source = new CodeActionKind("source");
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return !this.value || other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other: CodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

function standIn(name: string): unknown {
  let next = 1;
  const values = new Map<string | symbol, number>();
  const cls = class {
    constructor(...args: unknown[]) {
      (this as any).args = args;
    }
  };
  Object.defineProperty(cls, "name", { value: name });
  return new Proxy(cls, {
    get(target, key, receiver) {
      if (key in target || typeof key === "symbol") return Reflect.get(target, key, receiver);
      if (!values.has(key)) values.set(key, next++);
      return values.get(key);
    },
  });
}

export interface FakeDocument {
  uri: Uri;
  fileName: string;
  languageId: string;
  version: number;
  isClosed: boolean;
  isDirty: boolean;
  isUntitled: boolean;
  lineCount: number;
  eol: number;
  getText(): string;
  save(): Promise<boolean>;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  lineAt(line: number): { text: string; range: Range };
}

export function makeDocument(path: string, text: string, languageId = "python"): FakeDocument {
  const lines = text.split("\n");
  return {
    uri: Uri.file(path),
    fileName: path,
    languageId,
    version: 1,
    isClosed: false,
    isDirty: false,
    isUntitled: false,
    lineCount: lines.length,
    eol: 1,
    getText: () => text,
    save: () => Promise.resolve(true),
    positionAt(offset: number) {
      const before = text.slice(0, offset).split("\n");
      return new Position(before.length - 1, before[before.length - 1].length);
    },
    offsetAt(position: Position) {
      return lines.slice(0, position.line).reduce((n, l) => n + l.length + 1, 0) + position.character;
    },
    lineAt(line: number) {
      return { text: lines[line], range: new Range(line, 0, line, lines[line].length) };
    },
  };
}

export interface Recorded {
  messages: { kind: string; text: string; actions: string[] }[];
  output: Map<string, string[]>;
  statusBar: { text: string; tooltip: string; visible: boolean; command?: unknown }[];
  panels: FakePanel[];
  commands: Map<string, (...args: any[]) => unknown>;
  providers: Map<string, unknown[]>;
  clipboard: string[];
  executed: string[];
}

export interface FakePanel {
  viewType: string;
  title: string;
  html: string;
  posted: any[];
  receive(message: unknown): void;
  disposed: boolean;
  dispose(): void;
}

export function createFakeVscode(options: { settings: Record<string, unknown>; pythonPath?: string; workspace: string }) {
  const recorded: Recorded = {
    messages: [],
    output: new Map(),
    statusBar: [],
    panels: [],
    commands: new Map(),
    providers: new Map(),
    clipboard: [],
    executed: [],
  };
  const settings = { ...options.settings };
  const diagnostics = new Map<string, Diagnostic[]>();
  const onDidChangeDiagnostics = new EventEmitter<{ uris: Uri[] }>();
  const onDidChangeConfiguration = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  const onDidOpenTextDocument = new EventEmitter<FakeDocument>();
  const onDidChangeActiveTextEditor = new EventEmitter<unknown>();
  const documents: FakeDocument[] = [];
  const emitter = (): ((listener: Listener<unknown>) => Disposable) => new EventEmitter<unknown>().event;

  const window: any = {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    // Every open document shows in a tab: the language client pulls diagnostics for those.
    tabGroups: {
      get all() {
        return [{ tabs: documents.map((d) => ({ input: new TabInputText(d.uri) })) }];
      },
      onDidChangeTabs: emitter(),
      onDidChangeTabGroups: emitter(),
    },
    onDidChangeActiveTextEditor: onDidChangeActiveTextEditor.event,
    onDidChangeVisibleTextEditors: emitter(),
    onDidChangeTextEditorSelection: emitter(),
    onDidChangeWindowState: emitter(),
    createOutputChannel(name: string) {
      const lines: string[] = [];
      recorded.output.set(name, lines);
      return {
        name,
        append: (text: string) => lines.push(text),
        appendLine: (text: string) => lines.push(text),
        replace: () => undefined,
        clear: () => (lines.length = 0),
        show: () => undefined,
        hide: () => undefined,
        dispose: () => undefined,
      };
    },
    createStatusBarItem() {
      const item: any = { text: "", tooltip: "", visible: false, name: "", command: undefined };
      item.show = () => {
        item.visible = true;
        recorded.statusBar.push({ text: item.text, tooltip: item.tooltip, visible: true, command: item.command });
      };
      item.hide = () => {
        item.visible = false;
        recorded.statusBar.push({ text: item.text, tooltip: item.tooltip, visible: false });
      };
      item.dispose = () => undefined;
      return item;
    },
    showInformationMessage: (text: string, ...actions: any[]) => record("info", text, actions),
    showWarningMessage: (text: string, ...actions: any[]) => record("warning", text, actions),
    showErrorMessage: (text: string, ...actions: any[]) => record("error", text, actions),
    withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => unknown) =>
      task({ report: () => undefined }, new CancellationTokenSource().token),
    createWebviewPanel(viewType: string, title: string) {
      const fromPage = new EventEmitter<unknown>();
      const onDispose = new EventEmitter<void>();
      const panel: any = {
        viewType,
        title,
        posted: [] as unknown[],
        disposed: false,
        webview: {
          html: "",
          cspSource: "https://webview.test",
          asWebviewUri: (uri: Uri) => uri.with({ scheme: "https", authority: "webview.test" }),
          postMessage: (message: unknown) => {
            panel.posted.push(message);
            return Promise.resolve(true);
          },
          onDidReceiveMessage: fromPage.event,
        },
        onDidDispose: onDispose.event,
        reveal: () => undefined,
        dispose: () => {
          panel.disposed = true;
          onDispose.fire();
        },
        receive: (message: unknown) => fromPage.fire(message),
      };
      Object.defineProperty(panel, "html", { get: () => panel.webview.html });
      recorded.panels.push(panel);
      return panel;
    },
    createTerminal: () => ({ show: () => undefined, dispose: () => undefined }),
    showTextDocument: () => Promise.resolve(undefined),
    createQuickPick: () => ({
      items: [],
      onDidChangeValue: emitter(),
      onDidAccept: emitter(),
      onDidHide: emitter(),
      show: () => undefined,
      hide: () => undefined,
      dispose: () => undefined,
    }),
  };

  function record(kind: string, text: string, actions: any[]): Promise<undefined> {
    recorded.messages.push({ kind, text, actions: actions.filter((a) => typeof a === "string") });
    return Promise.resolve(undefined);
  }

  function section(name: string) {
    const prefix = name ? `${name}.` : "";
    // As in VS Code, reading a prefix ("pyiq", or "server" under "pyiq") gives nested objects.
    const get = (key: string, fallback?: unknown) => {
      const full = prefix + key;
      if (full in settings) return settings[full];
      const nested: Record<string, any> = {};
      for (const [k, v] of Object.entries(settings)) {
        if (!k.startsWith(`${full}.`)) continue;
        const parts = k.slice(full.length + 1).split(".");
        let at = nested;
        for (const part of parts.slice(0, -1)) at = at[part] ??= {};
        at[parts[parts.length - 1]] = v;
      }
      return Object.keys(nested).length ? nested : fallback;
    };
    const view: any = { get, has: (key: string) => get(key) !== undefined, inspect: () => undefined, update: () => Promise.resolve() };
    for (const key of Object.keys(settings)) {
      if (key.startsWith(prefix)) {
        const top = key.slice(prefix.length).split(".")[0];
        view[top] = get(top);
      }
    }
    return view;
  }

  const workspace: any = {
    workspaceFolders: [{ uri: Uri.file(options.workspace), name: "shop", index: 0 }],
    get textDocuments() {
      return documents;
    },
    notebookDocuments: [],
    getConfiguration: (name = "") => section(name),
    getWorkspaceFolder: () => workspace.workspaceFolders[0],
    onDidChangeConfiguration: onDidChangeConfiguration.event,
    onDidOpenTextDocument: onDidOpenTextDocument.event,
    onDidCloseTextDocument: emitter(),
    onDidChangeTextDocument: emitter(),
    onDidSaveTextDocument: emitter(),
    onWillSaveTextDocument: emitter(),
    onDidOpenNotebookDocument: emitter(),
    onDidCloseNotebookDocument: emitter(),
    onDidChangeNotebookDocument: emitter(),
    onDidSaveNotebookDocument: emitter(),
    onDidChangeWorkspaceFolders: emitter(),
    onDidCreateFiles: emitter(),
    onDidRenameFiles: emitter(),
    onDidDeleteFiles: emitter(),
    onWillCreateFiles: emitter(),
    onWillRenameFiles: emitter(),
    onWillDeleteFiles: emitter(),
    createFileSystemWatcher: () => ({
      onDidCreate: emitter(),
      onDidChange: emitter(),
      onDidDelete: emitter(),
      dispose: () => undefined,
    }),
    openTextDocument: (uri: Uri) => Promise.resolve(documents.find((d) => d.uri.toString() === uri.toString())),
  };

  const languages: any = {
    match: (selector: any, document: FakeDocument) => {
      const selectors = Array.isArray(selector) ? selector : [selector];
      return selectors.some(
        (s) =>
          (typeof s === "string" ? s === document.languageId : (!s.language || s.language === document.languageId) && (!s.scheme || s.scheme === document.uri.scheme)),
      )
        ? 10
        : 0;
    },
    createDiagnosticCollection: (name: string) => {
      const owned = new Set<string>();
      return {
        name,
        set(uri: Uri, list: Diagnostic[] | undefined) {
          diagnostics.set(uri.toString(), list ?? []);
          owned.add(uri.toString());
          onDidChangeDiagnostics.fire({ uris: [uri] });
        },
        delete(uri: Uri) {
          diagnostics.delete(uri.toString());
          onDidChangeDiagnostics.fire({ uris: [uri] });
        },
        clear() {
          owned.forEach((u) => diagnostics.delete(u));
        },
        get: (uri: Uri) => diagnostics.get(uri.toString()),
        has: (uri: Uri) => diagnostics.has(uri.toString()),
        forEach: () => undefined,
        dispose: () => undefined,
      };
    },
    getDiagnostics: (uri: Uri) => diagnostics.get(uri.toString()) ?? [],
    onDidChangeDiagnostics: onDidChangeDiagnostics.event,
  };
  const languagesProxy = new Proxy(languages, {
    get(target, key: string) {
      if (key in target) return target[key];
      if (key.startsWith("register")) {
        return (...args: unknown[]) => {
          const list = recorded.providers.get(key) ?? [];
          list.push(args[1]);
          recorded.providers.set(key, list);
          return new Disposable();
        };
      }
      return undefined;
    },
  });

  const commands = {
    registerCommand(id: string, fn: (...args: any[]) => unknown) {
      if (recorded.commands.has(id)) throw new Error(`command '${id}' already exists`);
      recorded.commands.set(id, fn);
      return new Disposable(() => recorded.commands.delete(id));
    },
    executeCommand(id: string, ...args: unknown[]) {
      recorded.executed.push(id);
      const fn = recorded.commands.get(id);
      return Promise.resolve(fn ? fn(...args) : undefined);
    },
    getCommands: () => Promise.resolve([...recorded.commands.keys()]),
  };

  const python = options.pythonPath
    ? {
        id: "ms-python.python",
        isActive: true,
        exports: {
          environments: {
            getActiveEnvironmentPath: () => ({ id: "venv", path: options.pythonPath }),
            resolveEnvironment: () => Promise.resolve({ executable: { uri: Uri.file(options.pythonPath!) } }),
          },
        },
        activate: () => Promise.resolve(undefined),
      }
    : undefined;

  const api: any = {
    version: "1.90.0",
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    Selection,
    Diagnostic,
    MarkdownString,
    Hover,
    TabInputText,
    CancellationError,
    CancellationTokenSource,
    CodeActionKind,
    window,
    workspace,
    languages: languagesProxy,
    commands,
    env: {
      clipboard: { writeText: (text: string) => (recorded.clipboard.push(text), Promise.resolve()) },
      machineId: "test",
      sessionId: "test",
      language: "en",
      appName: "Visual Studio Code",
      uiKind: 1,
      openExternal: () => Promise.resolve(true),
    },
    extensions: { getExtension: (id: string) => (id === "ms-python.python" ? python : undefined), all: [] },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  };
  const vscode = new Proxy(api, {
    get(target, key: string) {
      if (!(key in target)) target[key] = standIn(key);
      return target[key];
    },
  });

  return {
    vscode,
    recorded,
    diagnostics,
    open(document: FakeDocument) {
      documents.push(document);
      onDidOpenTextDocument.fire(document);
    },
    setActiveEditor(document: FakeDocument, line = 0, character = 0) {
      const position = new Position(line, character);
      window.activeTextEditor = { document, selection: new Selection(position, position) };
      onDidChangeActiveTextEditor.fire(window.activeTextEditor);
    },
    changeSetting(key: string, value: unknown) {
      settings[key] = value;
      onDidChangeConfiguration.fire({ affectsConfiguration: (s: string) => key === s || key.startsWith(`${s}.`) });
    },
  };
}
