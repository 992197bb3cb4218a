"""Editor-like latency of ``pyiq serve`` next to ``ruff server``.

Opens CPython's ``_pydecimal.py`` over stdio, types characters one at a
time as incremental didChange notifications and times each keystroke until
the server publishes diagnostics for it; then times hovers. The same stream
goes to ``ruff server`` in the same run, so the ratio is machine-independent.

Latencies end when the reply's bytes have arrived, before the client parses
them: pyiq publishes hundreds of diagnostics for this file (about 75 KB of
JSON per keystroke) and ruff next to none, so timing after ``json.loads``
would charge pyiq for the benchmark client's JSON parser. Both servers are
timed the same way.

``initialize`` is timed from the spawn of the process to the answer's
arrival, in the typing run and in ``--starts`` more fresh processes; so is
``first-diags``, from the spawn to the first diagnostics of the opened file,
reported beside the time ``import pygls.lsp.server`` alone takes in a fresh
interpreter (the floor of any pygls server). Both modes run by default, one
after the other: pushed (each keystroke timed to its publishDiagnostics)
and pulled (the same stream as a pull-mode client: each keystroke is a
didChange followed by a ``textDocument/diagnostic`` request, timed to its
answer); ``--push`` or ``--pull`` runs one. The closing lines check issue
16's acceptance against the figures printed. ``--server
NAME=COMMAND`` adds a server to compare (another build of pyiq, say).
``--memory N`` measures instead the resident memory (VmRSS, and the peak
VmHWM, from /proc) of each server once the N largest files of the standard
library are open and their diagnostics published.

Usage: python benchmarks/bench_lsp.py [--keys 200] [--hovers 200] [--file PATH]
                                      [--where class-gap|method] [--starts 5] [--memory N]
                                      [--push | --pull] [--server NAME=COMMAND ...]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

DEFAULT_FILE = "/root/.pyenv/versions/3.11.7/lib/python3.11/_pydecimal.py"
TYPED = "x = [value for value in range(10) if value is not None]  # typing\n"


class Client:
    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.next_id = 0
        self.waiters: dict[int, asyncio.Future] = {}
        self.diagnostics: asyncio.Queue = asyncio.Queue()
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        out = self.proc.stdout
        while True:
            header = await out.readuntil(b"\r\n\r\n")
            length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            body = await out.readexactly(length)
            arrived = time.perf_counter()
            message = json.loads(body)
            if "id" in message and "method" in message:  # a request from the server
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif "id" in message:
                future = self.waiters.pop(message["id"], None)
                if future and not future.done():
                    future.set_result((arrived, message.get("result")))
            elif message.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics.put_nowait((arrived, message["params"]))

    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    async def request(self, method: str, params: dict) -> tuple[float, object]:
        """The response's arrival time and its result."""
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.waiters[self.next_id] = future
        self._send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return await asyncio.wait_for(future, 30)

    def notify(self, method: str, params: dict) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    async def next_diagnostics(self) -> tuple[float, dict]:
        """The arrival time and params of the next publishDiagnostics."""
        return await asyncio.wait_for(self.diagnostics.get(), 30)


# A fresh progress store for pyiq (set by main): concepts a user has
# mastered are not shown, so the user's own store would change the figures.
DATA_DIR: str | None = None


def server_env() -> dict[str, str]:
    """The environment servers start in, with bytecode caching on.

    An installed pyiq has its modules compiled at install time; with
    ``PYTHONDONTWRITEBYTECODE`` set, as in some sandboxes, every start of an
    editable checkout would compile them again, which no user pays.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if DATA_DIR is not None:
        env["PYIQ_DATA_DIR"] = DATA_DIR
    return env


def capabilities(pull: bool) -> dict:
    text: dict = {"publishDiagnostics": {"versionSupport": True}}
    if pull:
        text["diagnostic"] = {"dynamicRegistration": False}
    return {"textDocument": text}


async def start(
    command: list[str], root: Path, pull: bool = False, spawned: float | None = None
) -> tuple[Client, float]:
    """A server past ``initialize``, and how long after its spawn the answer arrived (ms)."""
    spawned = spawned or time.perf_counter()
    proc = await asyncio.create_subprocess_exec(
        *command,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        limit=2**26,
        env=server_env(),
    )
    client = Client(proc)
    arrived, _ = await client.request(
        "initialize",
        {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities(pull)},
    )
    return client, (arrived - spawned) * 1000


async def first_diagnostics(client: Client, uri: str, pull: bool) -> tuple[float, int]:
    """Arrival time of the opened document's first diagnostics, and how many there are."""
    if pull:
        arrived, result = await client.request(
            "textDocument/diagnostic", {"textDocument": {"uri": uri}}
        )
        return arrived, len(result.get("items", ())) if isinstance(result, dict) else 0
    while True:
        arrived, params = await client.next_diagnostics()
        if params["uri"] == uri:
            return arrived, len(params["diagnostics"])


async def open_document(client: Client, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.notify("initialized", {})
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}},
    )
    return uri


async def stop(client: Client) -> None:
    await client.request("shutdown", {})
    client.notify("exit", {})
    await client.proc.stdin.drain()
    try:
        await asyncio.wait_for(client.proc.wait(), 5)
    except TimeoutError:
        client.proc.kill()
    client.reader.cancel()


async def warm_up(command: list[str], path: Path, pull: bool) -> None:
    """One untimed start that runs until the server is idle, as any editor session does.

    The caches a server writes for its next start (pyiq: the validated rules,
    the bank, the LSP types' generated code) then exist, as they do for a
    user on every start but the very first after an install.
    """
    client, _ = await start(command, path.parent, pull)
    await first_diagnostics(client, await open_document(client, path, path.read_text()), pull)
    await asyncio.sleep(1.0)
    await stop(client)


async def starts(
    command: list[str], path: Path, count: int, pull: bool
) -> tuple[list[float], list[float]]:
    """Times to the ``initialize`` answer and to first diagnostics of ``count`` fresh processes."""
    initializes, firsts = [], []
    text = path.read_text()
    for _ in range(count):
        spawned = time.perf_counter()
        client, initialize = await start(command, path.parent, pull, spawned)
        uri = await open_document(client, path, text)
        first, _ = await first_diagnostics(client, uri, pull)
        initializes.append(initialize)
        firsts.append((first - spawned) * 1000)
        client.proc.kill()
        await client.proc.wait()
        client.reader.cancel()
    return initializes, firsts


def pygls_import_ms(count: int) -> list[float]:
    """How long ``import pygls.lsp.server`` takes in a fresh interpreter (ms)."""
    code = (
        "import time; began = time.perf_counter(); import pygls.lsp.server; "
        "print((time.perf_counter() - began) * 1000)"
    )
    return [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, env=server_env()
            ).stdout
        )
        for _ in range(count)
    ]


def largest_stdlib_files(count: int) -> list[Path]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    files = [p for p in stdlib.rglob("*.py") if "site-packages" not in p.parts and p.is_file()]
    return sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:count]


def _rss_mib(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


async def memory(command: list[str], files: list[Path]) -> dict[str, float]:
    """Resident memory once every file is open and its diagnostics are published."""
    client, _ = await start(command, files[0].parent)
    client.notify("initialized", {})
    waiting = set()
    for path in files:
        uri = path.as_uri()
        waiting.add(uri)
        text = path.read_text(encoding="utf-8", errors="replace")
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}},
        )
    while waiting:
        _, params = await client.next_diagnostics()
        waiting.discard(params["uri"])
    used = _rss_mib(client.proc.pid)
    await stop(client)
    return used


def _simple_statement(lines: list[str], row: int) -> bool:
    line, after = lines[row], lines[row + 1]
    indent = len(line) - len(line.lstrip())
    return (
        indent >= 8
        and line.strip()[:1].isalpha()
        and not line.rstrip().endswith((":", "(", "[", "{", ",", "\\"))
        and line.count("(") == line.count(")")
        and len(after) - len(after.lstrip()) <= indent
    )


def keystrokes(
    uri: str, text: str, keys: int, where: str = "class-gap"
) -> Iterator[tuple[int, dict]]:
    """The didChange stream of ``keys`` keystrokes; yields each change's version and params.

    ``class-gap`` (the default, the issue's stream as first measured): typing
    at column 0 on the first blank line past the middle of ``text``; in
    ``_pydecimal.py`` that line lies between two methods of the 3,000-line
    ``Decimal`` class, so every line typed there ends the class and leaves
    the rest of it unexpectedly indented. ``method``: typing new lines inside
    the method body found first past the middle, as an editor sends them:
    Enter with its auto-indent as one change, then one character at a time.
    ``lsp_breakdown.py`` replays the same streams.
    """
    lines = text.split("\n")
    row = len(lines) // 2
    if where == "method":
        # The first simple statement inside a def's body past the middle: no
        # block opens after it and the next line is not indented deeper.
        while not _simple_statement(lines, row):
            row += 1
        indent = lines[row][: len(lines[row]) - len(lines[row].lstrip())]
        column = len(lines[row])
        typed = ["\n" + indent, *TYPED.rstrip("\n")]
    else:
        while lines[row].strip():
            row += 1
        column = 0
        typed = list(TYPED)
    for index in range(keys):
        char = typed[index % len(typed)]
        at = {"line": row, "character": column}
        yield (
            index + 2,
            {
                "textDocument": {"uri": uri, "version": index + 2},
                "contentChanges": [{"range": {"start": at, "end": at}, "text": char}],
            },
        )
        if "\n" in char:
            row, column = row + char.count("\n"), len(char.split("\n")[-1])
        else:
            column += len(char)


async def run(
    command: list[str],
    path: Path,
    keys: int,
    hovers: int,
    where: str = "class-gap",
    pull: bool = False,
) -> dict[str, list[float]]:
    spawned = time.perf_counter()
    client, initialize = await start(command, path.parent, pull, spawned)
    text = path.read_text()
    uri = await open_document(client, path, text)
    first, count = await first_diagnostics(client, uri, pull)
    typing: list[float] = []
    for version, change in keystrokes(uri, text, keys, where):
        began = time.perf_counter()
        client.notify("textDocument/didChange", change)
        if pull:
            arrived, _ = await client.request(
                "textDocument/diagnostic", {"textDocument": {"uri": uri}}
            )
        else:
            while True:
                arrived, params = await client.next_diagnostics()
                if params.get("version") in (None, version):
                    break
        typing.append((arrived - began) * 1000)
    lines = text.split("\n")
    hovering: list[float] = []
    for index in range(hovers):
        began = time.perf_counter()
        arrived, _ = await client.request(
            "textDocument/hover",
            {
                "textDocument": {"uri": uri},
                "position": {"line": (index * 37) % len(lines), "character": 8},
            },
        )
        hovering.append((arrived - began) * 1000)
    await stop(client)
    return {
        "keystroke": typing,
        "hover": hovering,
        "initialize": [initialize],
        "first-diags": [(first - spawned) * 1000],
        "diagnostics": [float(count)],
    }


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _report(results: dict[str, dict[str, list[float]]], metric: str, label: str) -> None:
    for name, result in results.items():
        values = result[metric]
        print(
            f"{label:16} {name:5} median {statistics.median(values):7.2f} ms"
            f"   p95 {p95(values):7.2f} ms"
        )
    if "ruff" in results:
        for name in results:
            if name == "ruff":
                continue
            median = statistics.median(results[name][metric]) / statistics.median(
                results["ruff"][metric]
            )
            tail = p95(results[name][metric]) / p95(results["ruff"][metric])
            print(f"{label:16} {name}/ruff median ratio {median:.2f}   p95 ratio {tail:.2f}")


def _verdict(name: str, value: float, limit: float, unit: str = "") -> None:
    print(
        f"  {'PASS' if value <= limit else 'FAIL'}  {name}: {value:.2f}{unit} (limit {limit}{unit})"
    )


def acceptance(by_mode: dict[str, dict[str, dict[str, list[float]]]], imports: list[float]) -> None:
    """Issue 16's speed acceptance, from the figures printed above."""
    print("acceptance (issue 16):")
    for mode, results in by_mode.items():
        if "ruff" not in results:
            continue
        pyiq, ruff = results["pyiq"]["keystroke"], results["ruff"]["keystroke"]
        _verdict(
            f"keystroke median {mode} pyiq/ruff",
            statistics.median(pyiq) / statistics.median(ruff),
            1.0,
        )
        if mode == "pulled":
            _verdict(f"keystroke p95 {mode} pyiq/ruff", p95(pyiq) / p95(ruff), 2.0)
    firsts = [v for results in by_mode.values() for v in results["pyiq"]["first-diags"]]
    _verdict(
        "spawn to first diagnostics minus import pygls.lsp.server (medians)",
        statistics.median(firsts) - statistics.median(imports),
        100.0,
        " ms",
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--hovers", type=int, default=200)
    parser.add_argument("--file", type=Path, default=Path(DEFAULT_FILE))
    parser.add_argument(
        "--where",
        choices=("class-gap", "method"),
        default="class-gap",
        help="where to type (see keystrokes())",
    )
    parser.add_argument(
        "--starts", type=int, default=5, help="extra fresh starts timed to first diagnostics"
    )
    parser.add_argument(
        "--memory",
        type=int,
        metavar="N",
        help="instead: resident memory with the N largest stdlib files open",
    )
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--pull",
        action="store_const",
        const="pulled",
        dest="mode",
        help="time pulled diagnostics (textDocument/diagnostic) only",
    )
    modes.add_argument(
        "--push",
        action="store_const",
        const="pushed",
        dest="mode",
        help="time pushed diagnostics (publishDiagnostics) only",
    )
    parser.add_argument(
        "--server",
        action="append",
        default=[],
        metavar="NAME=COMMAND",
        help="another server to time (COMMAND split as a shell would)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pyiq-bench-") as scratch:
        # Typed into a copy: the interpreter may sit under a folder that ruff's
        # default exclusions skip (``.pyenv``, ``site-packages``), and both
        # servers then publish nothing for the original.
        global DATA_DIR
        DATA_DIR = str(Path(scratch, "data"))
        copy = Path(scratch, "src", args.file.name)
        copy.parent.mkdir()
        shutil.copyfile(args.file, copy)
        await measure(args, copy)


def copies(files: list[Path], into: Path) -> list[Path]:
    """Copies of ``files`` in ``into`` (see ``main``), names kept apart by their index."""
    out = []
    for index, path in enumerate(files):
        copy = into / str(index) / path.name
        copy.parent.mkdir(parents=True)
        shutil.copyfile(path, copy)
        out.append(copy)
    return out


def stale_bytecode(package: Path) -> int:
    """How many of the package's modules have no bytecode matching their source.

    Python compiles those at every import when it may not write bytecode
    (``PYTHONDONTWRITEBYTECODE``), which adds tens of milliseconds to each
    start of a server whose files were edited since their bytecode was made.
    """
    stale = 0
    for source in package.rglob("*.py"):
        try:
            header = Path(importlib.util.cache_from_source(str(source))).read_bytes()[:16]
        except OSError:
            stale += 1
            continue
        info = source.stat()
        checked_by_hash = int.from_bytes(header[4:8], "little") != 0
        recorded = (int.from_bytes(header[8:12], "little"), int.from_bytes(header[12:16], "little"))
        current = (int(info.st_mtime) & 0xFFFFFFFF, info.st_size & 0xFFFFFFFF)
        if header[:4] != importlib.util.MAGIC_NUMBER or (
            not checked_by_hash and recorded != current
        ):
            stale += 1
    return stale


async def measure(args: argparse.Namespace, file: Path) -> None:
    """Every figure of the run, for ``file`` (a copy of ``--file``)."""
    args.file = file
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        import pyiq

        stale = stale_bytecode(Path(pyiq.__file__).parent)
        if stale:
            print(
                f"note: {stale} pyiq modules have no up-to-date bytecode and "
                "PYTHONDONTWRITEBYTECODE is set, so every start compiles them; "
                "run `python -m compileall -q server` first"
            )
    servers = {"pyiq": [sys.executable, "-m", "pyiq", "serve"]}
    for extra in args.server:
        name, _, command = extra.partition("=")
        servers[name] = shlex.split(command)
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if Path(ruff).exists():
        servers["ruff"] = [ruff, "server"]
    if args.memory:
        files = copies(largest_stdlib_files(args.memory), file.parent.parent / "memory")
        size = sum(p.stat().st_size for p in files) / 2**20
        print(f"{len(files)} largest stdlib files open ({size:.1f} MiB of source)")
        for name, cmd in servers.items():
            used = await memory(cmd, files)
            print(
                f"memory     {name:5} RSS {used['VmRSS']:7.1f} MiB   peak {used['VmHWM']:7.1f} MiB"
            )
        return
    # Both modes by default, each server in turn within a mode, so that the
    # ratios compare servers typing under the same load.
    chosen = [args.mode] if args.mode else ["pushed", "pulled"]
    by_mode: dict[str, dict[str, dict[str, list[float]]]] = {}
    imports: list[float] = []
    for mode in chosen:
        pull = mode == "pulled"
        results = by_mode[mode] = {
            name: await run(cmd, args.file, args.keys, args.hovers, args.where, pull)
            for name, cmd in servers.items()
        }
        for cmd in servers.values() if args.starts else ():
            await warm_up(cmd, args.file, pull)
        for _ in range(args.starts):
            # One start of each server and one bare import, in turn.
            for name, cmd in servers.items():
                initializes, firsts = await starts(cmd, args.file, 1, pull)
                results[name]["initialize"] += initializes
                results[name]["first-diags"] += firsts
            imports += pygls_import_ms(1)
    print(
        f"file: {args.file} ({args.file.stat().st_size // 1024} KiB), {args.keys} keystrokes "
        f"typed at {args.where}, {args.hovers} hovers, {1 + args.starts} starts per mode"
    )
    for mode, results in by_mode.items():
        counts = ", ".join(f"{name} {int(r['diagnostics'][0])}" for name, r in results.items())
        print(f"diagnostics on opening ({mode}): {counts}")
    for mode, results in by_mode.items():
        _report(results, "keystroke", f"keystroke {mode}")
    first_mode = next(iter(by_mode.values()))
    _report(first_mode, "hover", "hover")
    for mode, results in by_mode.items():
        _report(results, "initialize", f"initialize {mode}")
        _report(results, "first-diags", f"first-diags {mode}")
    print(
        f"import pygls.lsp.server alone: median {statistics.median(imports):7.2f} ms"
        f" ({len(imports)} fresh interpreters, between the starts)"
    )
    acceptance(by_mode, imports)


if __name__ == "__main__":
    asyncio.run(main())
