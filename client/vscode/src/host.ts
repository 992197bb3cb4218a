/**
 * The thin wrapper around the VS Code API that the extension's logic uses.
 *
 * `controller.ts` only talks to an `EditorHost`; `extension.ts` implements it
 * with `vscode` and the language client, and the unit tests implement it with
 * plain objects. Everything here is in LSP terms (URI strings, 0-based
 * positions), which is what the server wants anyway.
 */

import type { FromWebview, ToWebview } from "./protocol";

export interface ActiveEditor {
  /** Document URI as the server knows it. */
  uri: string;
  languageId: string;
  /** Cursor, 0-based, UTF-16 (the LSP default and VS Code's own). */
  line: number;
  character: number;
  /** Base name for titles. */
  fileName: string;
}

export interface DiagnosticInfo {
  source?: string;
  code?: unknown;
  /** 0-based line. */
  line: number;
  message: string;
}

export interface PickItem {
  label: string;
  description?: string;
  detail?: string;
  /** What picking the item returns; its label when absent. */
  value?: string;
}

export interface QuizView {
  post(message: ToWebview): void;
  onMessage(handler: (message: FromWebview) => void): void;
  reveal(): void;
  readonly disposed: boolean;
}

export interface EditorHost {
  activeEditor(): ActiveEditor | undefined;
  diagnostics(uri: string): DiagnosticInfo[];
  /** Commands the running server advertises; `undefined` when no server runs. */
  serverCommands(): readonly string[] | undefined;
  executeServerCommand(command: string, args: unknown[]): Promise<unknown>;
  showInformation(message: string, ...actions: string[]): Promise<string | undefined>;
  showWarning(message: string, ...actions: string[]): Promise<string | undefined>;
  showError(message: string, ...actions: string[]): Promise<string | undefined>;
  /**
   * A quick pick returning the chosen item's `value` (else its label); with `allowCustom`, typed
   * text that matches no item is returned as is.
   */
  pick(items: PickItem[], placeholder: string, allowCustom: boolean): Promise<string | undefined>;
  /** The quiz panel, created or brought to front. */
  quizView(title: string): QuizView;
  showMarkdown(title: string, markdown: string): void;
  runInTerminal(name: string, argv: string[]): void;
  /** Runs a command to completion and returns its standard output (rejects on failure). */
  runCli(argv: string[]): Promise<string>;
  revealLine(uri: string, line: number): void;
  /** Opens a document in the editor (the first group) and focuses it. */
  openDocument(uri: string): Promise<void>;
  /** The workspace folder (URI) holding `uri`, else the first one; undefined without a folder. */
  workspaceFolder(uri?: string): string | undefined;
  log(message: string): void;
}
