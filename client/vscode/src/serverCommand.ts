/**
 * Which command starts the language server.
 *
 * In order: the `pyiq.server.command` setting; then, by `pyiq.importStrategy`,
 * - `useBundled` (the default): the pyiq inside the extension (`bundled/libs`),
 *   run by the interpreter selected in the Python extension, else `python3`
 *   (or `python`) on PATH, the first that is Python 3.10 or later;
 * - `fromEnvironment`: the selected interpreter when pyiq is installed there
 *   (so a project's venv just works), else `pyiq` on PATH (or in
 *   `~/.local/bin`, where pip --user and pipx put it, which an editor started
 *   from a desktop launcher often lacks), else the bundled one as above.
 * Each step is behind `ServerLookup`, so the order is unit-tested without
 * VS Code; `notes` collects why candidates were passed over, for the message
 * shown when none is left.
 */

export interface ServerLookup {
  /** The `pyiq.server.command` setting as the user wrote it. */
  configured(): unknown;
  /** The `pyiq.importStrategy` setting as the user wrote it. */
  importStrategy?(): unknown;
  /** The bundled launcher (`bundled/tool/pyiq_server.py`) when the extension carries one. */
  bundled?(): Promise<string | undefined>;
  /** Path of the Python extension's active interpreter, if that extension is there. */
  activeInterpreter(): Promise<string | undefined>;
  /** `[major, minor]` of an interpreter, or undefined when it does not run. */
  pythonVersion?(python: string): Promise<[number, number] | undefined>;
  /** Whether `python -c "import pyiq"` succeeds with that interpreter. */
  hasPyiq(python: string): Promise<boolean>;
  /** Absolute path of an executable found on PATH (or where user installs put it). */
  which(name: string): Promise<string | undefined>;
}

export interface ServerCommand {
  command: string;
  args: string[];
  /** Where the command came from, shown in the output channel. */
  source: "setting" | "interpreter" | "path" | "bundled";
}

export type ImportStrategy = "useBundled" | "fromEnvironment";
export const MIN_PYTHON: readonly [number, number] = [3, 10];
export const INSTALL_COMMAND = "python3 -m pip install pyiq";

/** The setting, read safely: anything but "fromEnvironment" means the bundled server. */
export function importStrategy(value: unknown): ImportStrategy {
  return value === "fromEnvironment" ? "fromEnvironment" : "useBundled";
}

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

export async function resolveServerCommand(
  lookup: ServerLookup,
  notes: string[] = [],
): Promise<ServerCommand | undefined> {
  const configured = commandFromSetting(lookup.configured());
  if (configured) {
    return { command: configured[0], args: configured.slice(1), source: "setting" };
  }
  let selected: string | undefined;
  try {
    selected = await lookup.activeInterpreter();
  } catch {
    selected = undefined;
  }
  const bundled = await lookup.bundled?.().catch(() => undefined);
  const strategy = importStrategy(lookup.importStrategy?.());
  if (strategy === "fromEnvironment" || !bundled) {
    if (selected && (await lookup.hasPyiq(selected).catch(() => false))) {
      return { command: selected, args: ["-m", "pyiq", "serve"], source: "interpreter" };
    }
    const onPath = await lookup.which("pyiq").catch(() => undefined);
    if (onPath) {
      return { command: onPath, args: ["serve"], source: "path" };
    }
    if (!bundled) return undefined;
    notes.push("pyiq is not installed in the selected interpreter nor on PATH; using the bundled one");
  }
  const candidates: string[] = [];
  if (selected) candidates.push(selected);
  for (const name of ["python3", "python"]) {
    const found = await lookup.which(name).catch(() => undefined);
    if (found && !candidates.includes(found)) candidates.push(found);
  }
  if (candidates.length === 0) notes.push("no Python interpreter was found (python3 is not on PATH)");
  for (const python of candidates) {
    const version = lookup.pythonVersion ? await lookup.pythonVersion(python).catch(() => undefined) : MIN_PYTHON;
    if (!version) {
      notes.push(`${python} does not run`);
    } else if (version[0] < MIN_PYTHON[0] || (version[0] === MIN_PYTHON[0] && version[1] < MIN_PYTHON[1])) {
      notes.push(`${python} is Python ${version[0]}.${version[1]}; pyiq needs ${MIN_PYTHON[0]}.${MIN_PYTHON[1]} or later`);
    } else {
      return { command: python, args: [bundled, "serve"], source: "bundled" };
    }
  }
  return undefined;
}

/** The message shown when no server was found: what to run, and where to say otherwise. */
export function notFoundMessage(python?: string, notes: readonly string[] = []): string {
  const tooOld = notes.filter((note) => / is Python \d/.test(note) || /no Python interpreter/.test(note));
  if (tooOld.length > 0) {
    return (
      `pyiq: the language server needs Python ${MIN_PYTHON[0]}.${MIN_PYTHON[1]} or later: ${tooOld.join("; ")}. ` +
      "Select a newer interpreter (Python: Select Interpreter) or set `pyiq.server.command`."
    );
  }
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
