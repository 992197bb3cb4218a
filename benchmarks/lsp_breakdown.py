"""Where a keystroke's time goes inside ``pyiq serve``: the engine, or the server around it.

Replays ``bench_lsp.py``'s keystrokes in this process, through the server's
own message handling (JSON parsing, pygls dispatch, the didChange handler,
the publish with its JSON written to a sink), and times the engine's share
by wrapping ``Document.apply_byte_edit`` and ``Document.findings``. Whatever is
not the engine is the server's overhead. The pipe to the client and the
client itself are not in these figures; ``bench_lsp.py`` has them.

Usage: python benchmarks/lsp_breakdown.py [--keys 200] [--file PATH] [--where class-gap|method]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_lsp import DEFAULT_FILE, keystrokes

from pyiq.analysis import Document
from pyiq.lsp.server import create_server


class Sink:
    def __init__(self) -> None:
        self.count = 0

    def write(self, data: bytes) -> None:
        self.count += 1

    def close(self) -> None:
        pass


def _timed(method: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - began

    return wrapper


async def replay(
    path: Path, keys: int, where: str = "class-gap"
) -> tuple[list[float], list[float]]:
    """Per keystroke: total milliseconds to the publish, and the engine's share."""
    server = create_server()
    protocol = server.protocol
    sink = Sink()
    protocol.set_writer(sink)

    def feed(message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        protocol.handle_message(json.loads(body, object_hook=protocol.structure_message))

    async def written(before: int) -> None:
        while sink.count == before:
            await asyncio.sleep(0)

    params = {"processId": None, "rootUri": path.parent.as_uri(), "capabilities": {}}
    feed({"id": 1, "method": "initialize", "params": params})
    feed({"method": "initialized", "params": {}})
    text = path.read_text()
    uri = path.as_uri()
    item = {"uri": uri, "languageId": "python", "version": 1, "text": text}
    before = sink.count
    feed({"method": "textDocument/didOpen", "params": {"textDocument": item}})
    await written(before)
    spent = [0.0]
    Document.apply_byte_edit = _timed(Document.apply_byte_edit, spent)  # type: ignore[method-assign]
    Document.findings = _timed(Document.findings, spent)  # type: ignore[method-assign]
    totals, engine = [], []
    for _, change in keystrokes(uri, text, keys, where):
        spent[0] = 0.0
        before = sink.count
        began = time.perf_counter()
        feed({"method": "textDocument/didChange", "params": change})
        await written(before)
        totals.append((time.perf_counter() - began) * 1000)
        engine.append(spent[0] * 1000)
    return totals, engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--file", type=Path, default=Path(DEFAULT_FILE))
    parser.add_argument("--where", choices=("class-gap", "method"), default="class-gap")
    args = parser.parse_args()
    totals, engine = asyncio.run(replay(args.file, args.keys, args.where))
    server = [total - spent for total, spent in zip(totals, engine, strict=True)]
    print(
        f"file: {args.file}, {args.keys} keystrokes typed at {args.where},"
        " in process (no pipe, no client)"
    )
    for name, values in (("total", totals), ("engine", engine), ("server", server)):
        print(
            f"{name:7} median {statistics.median(values):7.2f} ms"
            f"   mean {statistics.mean(values):7.2f} ms"
        )


if __name__ == "__main__":
    main()
