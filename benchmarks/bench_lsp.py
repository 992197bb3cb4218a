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

Usage: python benchmarks/bench_lsp.py [--keys 200] [--hovers 200] [--file PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import time
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


async def run(command: list[str], path: Path, keys: int, hovers: int) -> dict[str, list[float]]:
    proc = await asyncio.create_subprocess_exec(
        *command,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        limit=2**26,
    )
    client = Client(proc)
    text = path.read_text()
    uri = path.as_uri()
    await client.request(
        "initialize",
        {"processId": None, "rootUri": path.parent.as_uri(), "capabilities": {}},
    )
    client.notify("initialized", {})
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}},
    )
    await client.next_diagnostics()
    lines = text.split("\n")
    line = len(lines) // 2
    while lines[line].strip():
        line += 1
    typing: list[float] = []
    version = 1
    column = 0
    row = line
    for index in range(keys):
        char = TYPED[index % len(TYPED)]
        version += 1
        start = time.perf_counter()
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [
                    {
                        "range": {
                            "start": {"line": row, "character": column},
                            "end": {"line": row, "character": column},
                        },
                        "text": char,
                    }
                ],
            },
        )
        while True:
            arrived, params = await client.next_diagnostics()
            if params.get("version") in (None, version):
                break
        typing.append((arrived - start) * 1000)
        if char == "\n":
            row, column = row + 1, 0
        else:
            column += 1
    hovering: list[float] = []
    for index in range(hovers):
        start = time.perf_counter()
        arrived, _ = await client.request(
            "textDocument/hover",
            {
                "textDocument": {"uri": uri},
                "position": {"line": (index * 37) % len(lines), "character": 8},
            },
        )
        hovering.append((arrived - start) * 1000)
    await client.request("shutdown", {})
    client.notify("exit", {})
    await proc.stdin.drain()
    try:
        await asyncio.wait_for(proc.wait(), 5)
    except TimeoutError:
        proc.kill()
    client.reader.cancel()
    return {"keystroke": typing, "hover": hovering}


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--hovers", type=int, default=200)
    parser.add_argument("--file", type=Path, default=Path(DEFAULT_FILE))
    args = parser.parse_args()
    servers = {"pyiq": [sys.executable, "-m", "pyiq", "serve"]}
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if Path(ruff).exists():
        servers["ruff"] = [ruff, "server"]
    results = {
        name: await run(cmd, args.file, args.keys, args.hovers) for name, cmd in servers.items()
    }
    print(f"file: {args.file} ({args.file.stat().st_size // 1024} KiB), {args.keys} keystrokes")
    for metric in ("keystroke", "hover"):
        for name, result in results.items():
            values = result[metric]
            print(
                f"{metric:9} {name:5} median {statistics.median(values):7.2f} ms"
                f"   p95 {_p95(values):7.2f} ms"
            )
        if "ruff" in results:
            ratio = statistics.median(results["pyiq"][metric]) / statistics.median(
                results["ruff"][metric]
            )
            print(f"{metric:9} pyiq/ruff median ratio {ratio:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
