"""Where a keystroke's time goes inside ``pyiq serve``: the engine, or the server around it.

Replays ``bench_lsp.py``'s keystrokes in this process, through the server's
own message handling (JSON parsing, pygls dispatch, the didChange handler,
the publish with its JSON written to a sink), and times the engine's share
by wrapping ``Document.apply_byte_edit`` and ``Document.findings``. Whatever is
not the engine is the server's overhead. The pipe to the client and the
client itself are not in these figures; ``bench_lsp.py`` has them.

The last row replays the same keystrokes through tree-sitter alone:
``Tree.edit`` and an incremental ``Parser.parse``, nothing of pyiq around
them. That is the floor of any server built on tree-sitter for this stream,
and it shows which keystrokes the parser itself makes slow.

Usage: python benchmarks/lsp_breakdown.py [--keys 200] [--file PATH] [--where class-gap|method]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_lsp import DEFAULT_FILE, keystrokes, p95

from pyiq.analysis import Document
from pyiq.analysis.language import new_parser
from pyiq.analysis.lines import LineIndex
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


def tree_sitter_alone(path: Path, keys: int, where: str = "class-gap") -> list[float]:
    """Per keystroke: milliseconds of ``Tree.edit`` plus the incremental reparse."""
    text = path.read_text()
    source = text.encode()
    parser = new_parser()
    tree = parser.parse(source)
    lines = LineIndex(source)
    spent = []
    for _, change in keystrokes(path.as_uri(), text, keys, where):
        edit = change["contentChanges"][0]
        at = edit["range"]["start"]
        start = lines.offset(at["line"], at["character"])
        inserted = edit["text"].encode()
        new_source = source[:start] + inserted + source[start:]
        new_lines = lines.edited(start, start, new_source)
        new_end = start + len(inserted)
        began = time.perf_counter()
        tree.edit(
            start_byte=start,
            old_end_byte=start,
            new_end_byte=new_end,
            start_point=lines.point(start),
            old_end_point=lines.point(start),
            new_end_point=new_lines.point(new_end),
        )
        tree = parser.parse(new_source, tree)
        spent.append((time.perf_counter() - began) * 1000)
        source, lines = new_source, new_lines
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--file", type=Path, default=Path(DEFAULT_FILE))
    parser.add_argument("--where", choices=("class-gap", "method"), default="class-gap")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pyiq-breakdown-") as scratch:
        # A copy, as bench_lsp.py types into: the interpreter may sit under a
        # folder ruff's default exclusions skip, and nothing is published there.
        os.environ["PYIQ_DATA_DIR"] = str(Path(scratch, "data"))
        copy = Path(scratch, "src", args.file.name)
        copy.parent.mkdir()
        shutil.copyfile(args.file, copy)
        totals, engine = asyncio.run(replay(copy, args.keys, args.where))
    server = [total - spent for total, spent in zip(totals, engine, strict=True)]
    alone = tree_sitter_alone(args.file, args.keys, args.where)
    print(
        f"file: {args.file}, {args.keys} keystrokes typed at {args.where},"
        " in process (no pipe, no client)"
    )
    rows = (("total", totals), ("engine", engine), ("server", server), ("parser", alone))
    for name, values in rows:
        print(
            f"{name:7} median {statistics.median(values):7.2f} ms"
            f"   p95 {p95(values):7.2f} ms   mean {statistics.mean(values):7.2f} ms"
        )
    print("parser: tree-sitter alone (Tree.edit + incremental parse), the same keystrokes")


if __name__ == "__main__":
    main()
