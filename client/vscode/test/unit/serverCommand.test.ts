import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  commandFromSetting,
  importStrategy,
  installCommand,
  notFoundMessage,
  resolveServerCommand,
  searchPath,
  sibling,
  splitCommandLine,
  type ServerLookup,
} from "../../src/serverCommand";

function lookup(overrides: Partial<ServerLookup>): ServerLookup & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    configured: () => (calls.push("configured"), overrides.configured ? overrides.configured() : undefined),
    activeInterpreter: async () => (calls.push("interpreter"), overrides.activeInterpreter ? overrides.activeInterpreter() : undefined),
    hasPyiq: async (python) => (calls.push(`hasPyiq ${python}`), overrides.hasPyiq ? overrides.hasPyiq(python) : false),
    which: async (name) => (calls.push(`which ${name}`), overrides.which ? overrides.which(name) : undefined),
  };
}

describe("resolveServerCommand", () => {
  it("prefers the setting and looks no further", async () => {
    const l = lookup({ configured: () => "/opt/pyiq/bin/pyiq", which: async () => "/usr/bin/pyiq" });
    assert.deepEqual(await resolveServerCommand(l), { command: "/opt/pyiq/bin/pyiq", args: ["serve"], source: "setting" });
    assert.deepEqual(l.calls, ["configured"]);
  });

  it("uses the Python extension's interpreter when pyiq is installed there", async () => {
    const l = lookup({
      activeInterpreter: async () => "/proj/.venv/bin/python",
      hasPyiq: async () => true,
      which: async () => "/usr/bin/pyiq",
    });
    assert.deepEqual(await resolveServerCommand(l), {
      command: "/proj/.venv/bin/python",
      args: ["-m", "pyiq", "serve"],
      source: "interpreter",
    });
    assert.ok(!l.calls.includes("which pyiq"));
  });

  it("falls back to PATH when the interpreter lacks pyiq", async () => {
    const l = lookup({
      activeInterpreter: async () => "/usr/bin/python3",
      hasPyiq: async () => false,
      which: async () => "/home/me/.local/bin/pyiq",
    });
    assert.deepEqual(await resolveServerCommand(l), { command: "/home/me/.local/bin/pyiq", args: ["serve"], source: "path" });
    assert.deepEqual(l.calls, ["configured", "interpreter", "hasPyiq /usr/bin/python3", "which pyiq"]);
  });

  it("survives a failing Python extension and reports nothing found", async () => {
    const l = lookup({
      activeInterpreter: () => Promise.reject(new Error("python extension broke")),
    });
    assert.equal(await resolveServerCommand(l), undefined);
  });

  it("ignores an empty setting", async () => {
    for (const value of ["", "   ", [], null, 42, ["", ""]]) {
      const l = lookup({ configured: () => value, which: async () => "/usr/bin/pyiq" });
      assert.equal((await resolveServerCommand(l))?.source, "path", JSON.stringify(value));
    }
  });
});

describe("resolveServerCommand with a bundled server", () => {
  const bundled = async () => "/ext/bundled/tool/pyiq_server.py";

  it("runs the bundle with the selected interpreter by default, even where pyiq is installed", async () => {
    const l = lookup({ activeInterpreter: async () => "/proj/.venv/bin/python", hasPyiq: async () => true });
    const server = await resolveServerCommand({ ...l, bundled, pythonVersion: async () => [3, 12] });
    assert.deepEqual(server, {
      command: "/proj/.venv/bin/python",
      args: ["/ext/bundled/tool/pyiq_server.py", "serve"],
      source: "bundled",
    });
  });

  it("skips an interpreter older than 3.10 for python3 on PATH, and says why", async () => {
    const l = lookup({
      activeInterpreter: async () => "/usr/bin/python3.8",
      which: async (name) => (name === "python3" ? "/usr/bin/python3" : undefined),
    });
    const notes: string[] = [];
    const versions: Record<string, [number, number]> = { "/usr/bin/python3.8": [3, 8], "/usr/bin/python3": [3, 11] };
    const server = await resolveServerCommand({ ...l, bundled, pythonVersion: async (p) => versions[p] }, notes);
    assert.equal(server?.command, "/usr/bin/python3");
    assert.deepEqual(notes, ["/usr/bin/python3.8 is Python 3.8; pyiq needs 3.10 or later"]);
  });

  it("reports a missing or too old Python in the message", async () => {
    const notes: string[] = [];
    const l = lookup({ which: async (name) => (name === "python3" ? "/usr/bin/python3" : undefined) });
    assert.equal(await resolveServerCommand({ ...l, bundled, pythonVersion: async () => [3, 9] }, notes), undefined);
    assert.match(notFoundMessage(undefined, notes), /needs Python 3\.10 or later: \/usr\/bin\/python3 is Python 3\.9/);
    const none: string[] = [];
    assert.equal(await resolveServerCommand({ ...lookup({}), bundled }, none), undefined);
    assert.match(notFoundMessage(undefined, none), /no Python interpreter was found/);
  });

  it("fromEnvironment prefers the environment's pyiq and falls back to the bundle", async () => {
    const installed = lookup({ activeInterpreter: async () => "/proj/.venv/bin/python", hasPyiq: async () => true });
    const strategy = () => "fromEnvironment";
    assert.equal((await resolveServerCommand({ ...installed, bundled, importStrategy: strategy }))?.source, "interpreter");
    const bare = lookup({ activeInterpreter: async () => "/usr/bin/python3" });
    const notes: string[] = [];
    const server = await resolveServerCommand(
      { ...bare, bundled, importStrategy: strategy, pythonVersion: async () => [3, 11] },
      notes,
    );
    assert.deepEqual(server?.args, ["/ext/bundled/tool/pyiq_server.py", "serve"]);
    assert.match(notes[0], /using the bundled one/);
  });

  it("reads an unknown strategy as useBundled", () => {
    assert.equal(importStrategy("fromEnvironment"), "fromEnvironment");
    for (const value of [undefined, "", "bundled", 3]) assert.equal(importStrategy(value), "useBundled");
  });
});

describe("commandFromSetting", () => {
  it("reads strings as command lines and arrays as argv, adding serve when missing", () => {
    assert.deepEqual(commandFromSetting("pyiq"), ["pyiq", "serve"]);
    assert.deepEqual(commandFromSetting("python -m pyiq serve --tcp 127.0.0.1:2087"), [
      "python",
      "-m",
      "pyiq",
      "serve",
      "--tcp",
      "127.0.0.1:2087",
    ]);
    assert.deepEqual(commandFromSetting(["/My Tools/pyiq"]), ["/My Tools/pyiq", "serve"]);
    assert.deepEqual(commandFromSetting('"C:\\Program Files\\pyiq\\pyiq.exe"'), ["C:\\Program Files\\pyiq\\pyiq.exe", "serve"]);
  });

  it("splits like a shell for quotes", () => {
    assert.deepEqual(splitCommandLine(`a 'b c' "d \\"e\\"" '' f`), ["a", "b c", 'd "e"', "", "f"]);
  });
});

describe("messages and siblings", () => {
  it("names the one install command, for the chosen interpreter when known", () => {
    assert.equal(installCommand(), "python3 -m pip install pyiq");
    assert.equal(installCommand("/proj/.venv/bin/python"), "/proj/.venv/bin/python -m pip install pyiq");
    assert.equal(installCommand("C:\\Py 3\\python.exe"), '"C:\\\\Py 3\\\\python.exe" -m pip install pyiq');
    assert.match(notFoundMessage(), /python3 -m pip install pyiq/);
    assert.match(notFoundMessage(), /pyiq\.server\.command/);
  });

  it("runs other subcommands with the server's installation", () => {
    assert.deepEqual(sibling({ command: "/v/bin/python", args: ["-m", "pyiq", "serve"], source: "interpreter" }, "stats"), [
      "/v/bin/python",
      "-m",
      "pyiq",
      "stats",
    ]);
    assert.deepEqual(sibling({ command: "pyiq", args: ["serve", "--tcp", "x"], source: "setting" }, "stats"), ["pyiq", "stats"]);
  });
});

describe("searchPath", () => {
  it("searches PATH in order", async () => {
    const found = await searchPath("pyiq", { PATH: "/a:/b/:/c" }, "linux", async (p) => p === "/b/pyiq" || p === "/c/pyiq");
    assert.equal(found, "/b/pyiq");
  });

  it("tries PATHEXT on Windows", async () => {
    const found = await searchPath("pyiq", { Path: "C:\\x;C:\\y", PATHEXT: ".COM;.EXE" }, "win32", async (p) => p === "C:\\y\\pyiq.exe");
    assert.equal(found, "C:\\y\\pyiq.exe");
  });

  it("finds nothing on an empty PATH", async () => {
    assert.equal(await searchPath("pyiq", {}, "linux", async () => true), undefined);
  });
});
