/**
 * Which command starts the language server.
 *
 * In order: the `pyiq.server.command` setting; the interpreter chosen in the
 * Python extension, when `pyiq` is importable there (so a project's venv
 * just works); `pyiq` on PATH. When none applies the caller shows one
 * notification with the command that installs pyiq. Each step is behind
 * `ServerLookup`, so the order is unit-tested without VS Code.
 */

export interface ServerLookup {
  /** The `pyiq.server.command` setting as the user wrote it. */
  configured(): unknown;
  /** Path of the Python extension's active interpreter, if that extension is there. */
  activeInterpreter(): Promise<string | undefined>;
  /** Whether `python -c "import pyiq"` succeeds with that interpreter. */
  hasPyiq(python: string): Promise<boolean>;
  /** Absolute path of an executable found on PATH. */
  which(name: string): Promise<string | undefined>;
}

export interface ServerCommand {
  command: string;
  args: string[];
  /** Where the command came from, shown in the output channel. */
  source: "setting" | "interpreter" | "path";
}

export const INSTALL_COMMAND = "python3 -m pip install pyiq";

/** Splits a command line on whitespace, honouring single and double quotes. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let current = "";
  let quote: string | null = null;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) {
        quote = null;
      } else if (c === "\\" && quote === '"' && i + 1 < line.length && /["\\]/.test(line[i + 1])) {
        current += line[++i];
      } else {
        current += c;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (/\s/.test(c)) {
      if (started) {
        words.push(current);
        current = "";
        started = false;
      }
    } else {
      current += c;
      started = true;
    }
  }
  if (started) {
    words.push(current);
  }
  return words;
}

/**
 * The setting as a command, or `undefined` when unset/empty. A string is a
 * command line; an array is the argv. `serve` is appended when absent, so
 * `/path/to/pyiq` is enough.
 */
export function commandFromSetting(value: unknown): string[] | undefined {
  let words: string[] | undefined;
  if (typeof value === "string") {
    words = splitCommandLine(value.trim());
  } else if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    words = value.filter((v) => v.length > 0);
  }
  if (!words || words.length === 0) {
    return undefined;
  }
  if (!words.includes("serve")) {
    words = [...words, "serve"];
  }
  return words;
}

export async function resolveServerCommand(lookup: ServerLookup): Promise<ServerCommand | undefined> {
  const configured = commandFromSetting(lookup.configured());
  if (configured) {
    return { command: configured[0], args: configured.slice(1), source: "setting" };
  }
  let python: string | undefined;
  try {
    python = await lookup.activeInterpreter();
  } catch {
    python = undefined;
  }
  if (python && (await lookup.hasPyiq(python).catch(() => false))) {
    return { command: python, args: ["-m", "pyiq", "serve"], source: "interpreter" };
  }
  const onPath = await lookup.which("pyiq").catch(() => undefined);
  if (onPath) {
    return { command: onPath, args: ["serve"], source: "path" };
  }
  return undefined;
}

/** The message shown when no server was found: what to run, and where to say otherwise. */
export function notFoundMessage(python?: string): string {
  const install = python ? `${quoteIfNeeded(python)} -m pip install pyiq` : INSTALL_COMMAND;
  return (
    `pyiq: the pyiq language server was not found. Install it with \`${install}\`, ` +
    "or set `pyiq.server.command` to the command that starts it."
  );
}

/** The install command for the current interpreter (or python3). */
export function installCommand(python?: string): string {
  return python ? `${quoteIfNeeded(python)} -m pip install pyiq` : INSTALL_COMMAND;
}

function quoteIfNeeded(word: string): string {
  return /[\s"']/.test(word) ? `"${word.replace(/(["\\])/g, "\\$1")}"` : word;
}

/**
 * The command that runs another pyiq subcommand (e.g. `stats`) with the same
 * installation as the server.
 */
export function sibling(server: ServerCommand, subcommand: string): string[] {
  const argv = [server.command, ...server.args];
  const at = argv.lastIndexOf("serve");
  const head = at >= 0 ? argv.slice(0, at) : argv;
  return [...head, subcommand];
}

/**
 * A PATH search the same way the shell does it: each directory of PATH, and
 * on Windows each PATHEXT extension. `isExecutable` is injected for tests.
 */
export async function searchPath(
  name: string,
  env: { PATH?: string; Path?: string; PATHEXT?: string },
  platform: string,
  isExecutable: (path: string) => Promise<boolean>,
): Promise<string | undefined> {
  const windows = platform === "win32";
  const separator = windows ? ";" : ":";
  const dirs = (env.PATH ?? env.Path ?? "").split(separator).filter(Boolean);
  const extensions = windows ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").filter(Boolean) : [""];
  const slash = windows ? "\\" : "/";
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = `${dir.replace(/[\\/]+$/, "")}${slash}${name}${ext.toLowerCase()}`;
      if (await isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}
