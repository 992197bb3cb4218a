"""Edits no editor should send, and documents no one should write: the server stays in sync.

Each test drives ``pyiq serve`` over raw JSON-RPC (lone surrogates and
negative positions cannot be built with lsprotocol's types), then checks
that the server answers a hover and that its diagnostics are those of a
freshly opened copy of the text the client holds.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from pyiq.analysis import Document
from pyiq.analysis.registry import load_registry
from pyiq.lsp.features.diagnostics import SETTLE_DELAY
from pyiq.lsp.large import LargeText
from pyiq.lsp.store import OpenDocument
from tests.hostile.wire_client import BUG, WireClient


def _range(line: int, column: int, end_line: int, end_column: int, text: str) -> dict[str, Any]:
    return {
        "range": {
            "start": {"line": line, "character": column},
            "end": {"line": end_line, "character": end_column},
        },
        "text": text,
    }


def _change(client: WireClient, uri: str, version: int, changes: list[dict[str, Any]]) -> None:
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes},
    )


def _published(client: WireClient, uri: str, version: int) -> list[dict[str, Any]]:
    """The diagnostics published for ``version`` of ``uri`` (earlier versions skipped)."""
    while True:
        message = client.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            )
        )
        if message["params"]["version"] == version:
            return message["params"]["diagnostics"]


def _settled(client: WireClient, uri: str, version: int) -> list[dict[str, Any]]:
    """The diagnostics of ``version`` once the pause after it has settled the document."""
    diagnostics = _published(client, uri, version)
    time.sleep(3 * SETTLE_DELAY)
    while True:
        try:
            diagnostics = _published_now(client, uri, version)
        except TimeoutError:
            return diagnostics


def _published_now(client: WireClient, uri: str, version: int) -> list[dict[str, Any]]:
    message = client.wait(
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"]["version"] == version
        ),
        timeout=0.2,
    )
    return message["params"]["diagnostics"]


def _key(diagnostics: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted(
        (
            d["code"],
            d["range"]["start"]["line"],
            d["range"]["start"]["character"],
            d["range"]["end"]["line"],
            d["range"]["end"]["character"],
            d["message"],
        )
        for d in diagnostics
    )


def _fresh(client: WireClient, path: Path, text: str) -> list[tuple[Any, ...]]:
    return _key(client.diagnostics(client.open(path, text)))


def _hover(client: WireClient, uri: str, line: int, character: int) -> Any:
    answer = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
    )
    assert "error" not in answer, answer
    return answer["result"]


def test_a_lone_surrogate_keeps_the_clients_columns(client: WireClient, tmp_path: Path) -> None:
    # JSON carries lone surrogates ("\ud800"); the client counts one UTF-16
    # unit for each. They used to become three characters on the server: its
    # columns after them drifted, and so did every edit the client sent there.
    text = "s = '\ud800'; f = lambda: 0\n" + BUG
    uri = client.open(tmp_path / "lone.py", text)
    lambdas = [d for d in client.diagnostics(uri) if d["code"] == "lambda-assignment"]
    assert [d["range"]["start"]["character"] for d in lambdas] == [9]
    _change(client, uri, 2, [_range(0, 9, 0, 9, "g = 1; ")])
    after = _published(client, uri, 2)
    lambdas = [d for d in after if d["code"] == "lambda-assignment"]
    assert [d["range"]["start"]["character"] for d in lambdas] == [16]
    typed = "s = '\ud800'; g = 1; f = lambda: 0\n" + BUG
    assert _key(after) == _fresh(client, tmp_path / "fresh.py", typed)
    hover = _hover(client, uri, 0, 16)
    assert hover is not None and "lambda" in hover["contents"]["value"].lower()


def test_positions_past_the_ends_reversed_ranges_and_split_pairs(
    client: WireClient, tmp_path: Path
) -> None:
    # Positions past a line's end clamp to it, lines past the last to the
    # document's end, a reversed range is the same range; a column inside a
    # surrogate pair counts as the character's start.
    text = BUG + "s = '😀'\n"
    uri = client.open(tmp_path / "ranges.py", text)
    client.diagnostics(uri)
    _change(
        client,
        uri,
        2,
        [
            _range(3, 500, 3, 900, " # end"),  # past the line's end
            _range(1000, 0, 2000, 5, "t = lambda: 0\n"),  # past the document's end
            _range(0, 23, 0, 21, "{}"),  # reversed: `[]` becomes `{}`
            _range(3, 6, 3, 6, "x"),  # inside the emoji's surrogate pair
        ],
    )
    after = _published(client, uri, 2)
    typed = BUG.replace("bucket=[]", "bucket={}") + "s = 'x😀' # end\n" + "t = lambda: 0\n"
    assert _key(after) == _fresh(client, tmp_path / "fresh.py", typed)
    assert _hover(client, uri, 0, 22) is not None


def test_versions_going_back_and_changes_to_unopened_documents(
    client: WireClient, tmp_path: Path
) -> None:
    uri = client.open(tmp_path / "versions.py", BUG, version=10)
    client.diagnostics(uri)
    never = (tmp_path / "never.py").as_uri()
    _change(client, never, 3, [_range(0, 0, 0, 0, "x = [")])
    _change(client, never, 4, [{"text": "def f(a=[]): pass\n"}])
    _change(client, uri, 5, [_range(3, 0, 3, 0, "f = lambda: 0\n")])
    _change(client, uri, -1, [_range(4, 0, 4, 0, "g = lambda: 0\n")])
    client.notify("textDocument/didClose", {"textDocument": {"uri": never}})
    after = _published(client, uri, -1)
    typed = BUG + "f = lambda: 0\ng = lambda: 0\n"
    assert _key(after) == _fresh(client, tmp_path / "fresh.py", typed)
    assert _hover(client, uri, 0, 22) is not None
    # The unopened document's changes and close left nothing behind.
    assert _hover(client, never, 0, 0) is None
    assert client.alive()


def test_nul_bytes_typed_into_a_document(client: WireClient, tmp_path: Path) -> None:
    # Python refuses a NUL anywhere in a source; tree-sitter's recovery from
    # one inside a string takes in the statement after it, and no more.
    text = "x = '\x00'\ny = 1\n" + BUG
    uri = client.open(tmp_path / "nul.py", text)
    assert "mutable-default-argument" in [d["code"] for d in client.diagnostics(uri)]
    _change(client, uri, 2, [_range(2, 4, 2, 4, "\x00")])  # inside `def add`
    _change(client, uri, 3, [_range(2, 4, 2, 5, "")])
    _change(client, uri, 4, [_range(0, 0, 0, 0, "\x00y = (\x00)\n")])
    after = _settled(client, uri, 4)
    typed = "\x00y = (\x00)\n" + text
    assert _key(after) == _fresh(client, tmp_path / "fresh.py", typed)
    assert "mutable-default-argument" in [d["code"] for d in after]
    assert _hover(client, uri, 3, 22) is not None


def test_typing_into_a_line_of_a_hundred_thousand_characters(
    client: WireClient, tmp_path: Path
) -> None:
    line = "x = [" + "1, " * 33_333 + "]"
    uri = client.open(tmp_path / "long.py", BUG + line + "\n")
    client.diagnostics(uri)
    middle = 50_000  # between `1, ` items: `1, (((…` leaves brackets open
    for version, column in enumerate(range(middle, middle + 20), start=2):
        _change(client, uri, version, [_range(3, column, 3, column, "(")])
    after = _settled(client, uri, 21)
    typed = BUG + line[:middle] + "(" * 20 + line[middle:] + "\n"
    assert _key(after) == _fresh(client, tmp_path / "fresh.py", typed)
    assert _hover(client, uri, 0, 22) is not None


def test_a_line_broken_in_the_middle_of_fifty_thousand_lines(
    client: WireClient, tmp_path: Path
) -> None:
    # Every hundredth function has a mutable default: the breakage in the
    # middle must not lose the findings below it while the line is typed.
    body = "".join(
        f"def f{i}(a{'=[]' if i % 100 == 0 else ''}):\n    return a\n" for i in range(25_000)
    )
    uri = client.open(tmp_path / "big.py", body)
    assert len(client.diagnostics(uri, timeout=60)) == 250
    middle = 25_000  # a new line above `def f12500`, typed on
    _change(client, uri, 2, [_range(middle, 0, middle, 0, "\n")])
    half = "x = [value for v"
    for version, column in enumerate(range(len(half)), start=3):
        _change(client, uri, version, [_range(middle, column, middle, column, half[column])])
    typing = _published(client, uri, len(half) + 2)
    assert len([d for d in typing if d["code"] == "mutable-default-argument"]) == 250
    assert _hover(client, uri, 0, 8) is not None
    rest = " in a]"
    _change(client, uri, 100, [_range(middle, len(half), middle, len(half), rest)])
    closed = _settled(client, uri, 100)
    lines = body.split("\n")
    lines.insert(middle, half + rest)
    assert _key(closed) == _fresh(client, tmp_path / "fresh.py", "\n".join(lines))


def test_queued_edits_and_large_documents_count_a_lone_surrogate_once() -> None:
    # A slow document's queued text and a document past the size limit keep
    # their own line index: it must count a lone surrogate as the engine does.
    registry = load_registry()
    line = "s = '\ud800'; f = lambda: 0\n"
    data = line.encode("utf-8", "surrogatepass")
    after = len("s = '\ufffd'; ".encode())  # where `f` starts, in bytes
    document = OpenDocument("file:///q.py", 1, Document(b"\n", registry), None)
    document.queue_edit(0, 0, data)
    assert document.lines.offset(0, 9) == after
    document.flush()
    assert document.engine.lines.offset(0, 9) == after
    large = LargeText(data * 100, registry, limit=len(data) * 2)
    assert large.lines.offset(99, 9) == 99 * len(large.source) // 100 + after
    large.apply_byte_edit(0, 0, data)
    large.replace(large.source + data)
    assert large.lines.offset(101, 9) == 101 * len(large.source) // 102 + after
