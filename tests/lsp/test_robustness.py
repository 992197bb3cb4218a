"""Incremental sync equals a fresh open, and bursts of requests never wedge the server."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

from lsprotocol import types

from pyiq.lsp.features.diagnostics import SETTLE_DELAY
from tests.lsp.helpers import (
    TIMEOUT,
    change,
    hover_at,
    open_and_wait,
    partial,
    session,
    wait_version,
)

BASE = '''import os


def add(item, bucket=[]):
    """Collect 🐍 items."""
    bucket.append(item)
    return bucket


class Box:
    def __eq__(self, other):
        return self is 1

    def gen(self):
        for i in range(3):
            yield lambda: i


square = lambda n: n * n
if os.environ == None:
    pass
'''

SNIPPETS = [
    "x",
    " ",
    "\n",
    "def ",
    "(",
    ")",
    ":",
    "=[]",
    "is 1",
    "lambda: i",
    "🐍",
    "é",
    "    ",
    '"',
]


def _offsets(text: str) -> list[int]:
    """UTF-16 length of each line, for building positions."""
    return [len(line.encode("utf-16-le")) // 2 for line in text.split("\n")]


def _random_change(rng: random.Random, text: str) -> tuple[types.Range, str, str]:
    """A random edit as an LSP range (UTF-16) plus the new full text."""
    lines = text.split("\n")
    line = rng.randrange(len(lines))
    chars = lines[line]
    col = rng.randrange(len(chars) + 1)
    end_col = min(len(chars), col + rng.choice([0, 0, 1, 3]))
    new = rng.choice(SNIPPETS) if rng.random() < 0.8 else ""

    def utf16(s: str) -> int:
        return len(s.encode("utf-16-le")) // 2

    start = types.Position(line=line, character=utf16(chars[:col]))
    end = types.Position(line=line, character=utf16(chars[:end_col]))
    lines[line] = chars[:col] + new + chars[end_col:]
    return types.Range(start=start, end=end), new, "\n".join(lines)


def _key(diagnostics: list[types.Diagnostic]) -> list[tuple]:
    return sorted(
        (
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
            d.message,
        )
        for d in diagnostics
    )


async def test_incremental_changes_match_fresh_open(tmp_path: Path) -> None:
    rng = random.Random(1234)
    async with session() as client:
        for round_ in range(4):
            uri = (tmp_path / f"diff{round_}.py").as_uri()
            text = BASE
            await open_and_wait(client, uri, text)
            version = 1
            for _ in range(40):
                rng_range, new, text = _random_change(rng, text)
                version += 1
                change(client, uri, version, rng_range, new)
            incremental = await wait_version(client, uri, version)
            fresh_uri = (tmp_path / f"fresh{round_}.py").as_uri()
            fresh = await open_and_wait(client, fresh_uri, text)
            assert _key(incremental) == _key(fresh), text


async def test_stress_bursts_then_hover_answers(tmp_path: Path) -> None:
    rng = random.Random(99)
    uri = (tmp_path / "stress.py").as_uri()
    async with session() as client:
        text = BASE
        await open_and_wait(client, uri, text)
        version = 1
        doc = types.TextDocumentIdentifier(uri=uri)
        for _burst in range(10):
            pending = []
            for _ in range(30):
                rng_range, new, text = _random_change(rng, text)
                version += 1
                change(client, uri, version, rng_range, new)
                position = types.Position(line=rng.randrange(40), character=rng.randrange(80))
                pending.append(
                    client.text_document_hover_async(
                        types.HoverParams(text_document=doc, position=position)
                    )
                )
                pending.append(
                    client.text_document_code_action_async(
                        types.CodeActionParams(
                            text_document=doc,
                            range=types.Range(start=position, end=position),
                            context=types.CodeActionContext(diagnostics=[]),
                        )
                    )
                )
            await asyncio.wait_for(asyncio.gather(*pending), TIMEOUT)
        await wait_version(client, uri, version)
        # Positions far past the end are clamped, unknown documents answer empty.
        far = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=doc, position=types.Position(line=10_000, character=10_000)
                )
            ),
            TIMEOUT,
        )
        unknown = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri="file:///nowhere.py"),
                    position=types.Position(line=0, character=0),
                )
            ),
            TIMEOUT,
        )
        assert unknown is None
        del far
        # Reset to a known text and check a hover still answers properly.
        version += 1
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=BASE)],
            )
        )
        await wait_version(client, uri, version)
        hover = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(text_document=doc, position=types.Position(line=5, character=6))
            ),
            TIMEOUT,
        )
    assert hover is not None and "*Line 4:* Default `bucket=[]`" in hover.contents.value


async def test_a_pause_publishes_what_a_fresh_open_finds(tmp_path: Path) -> None:
    # A line broken inside a class, an unterminated string, then a call typed
    # after a `try:`: tree-sitter's incremental recovery keeps an `except:`
    # clause that a fresh parse puts inside the string, so the keystrokes'
    # diagnostics keep a bare `except:` warning until the pause settles the tree.
    top = "def top():\n    try:\n        pass\n    except:\n        pass\n"
    body = "    global counter\n    counter = 1\n"
    text = f"class A(B):\n    max = 3\n{body}{body}{top}min = 2\nimport copy\n{top}"
    typed = [((4, 16), "while True:\n    "), ((17, 4), '"""'), ((8, 8), "load_yaml(s)\n")]
    async with session() as client:
        uri = (tmp_path / "typed.py").as_uri()
        await open_and_wait(client, uri, text)
        for version, ((line, column), new) in enumerate(typed, start=2):
            at = types.Position(line=line, character=column)
            change(client, uri, version, types.Range(start=at, end=at), new)
            text = _insert(text, line, column, new)
        counts = client.publish_counts
        typing = await wait_version(client, uri, len(typed) + 1)
        published = counts[uri]
        assert [d.code for d in typing].count("bare-except") == 1

        async def settled() -> None:
            while counts[uri] == published:
                await asyncio.sleep(0.01)

        await asyncio.wait_for(settled(), TIMEOUT)
        after_pause = list(client.diagnostics[uri])
        fresh = await open_and_wait(client, (tmp_path / "fresh.py").as_uri(), text)
        assert [d.code for d in after_pause].count("bare-except") == 0
        assert _key(after_pause) == _key(fresh)


def _insert(text: str, line: int, column: int, new: str) -> str:
    lines = text.split("\n")
    lines[line] = lines[line][:column] + new + lines[line][column:]
    return "\n".join(lines)


LEDGER = (
    "import copy\n\n\nclass Ledger:\n"
    + "".join(f"    def m{i}(self, x):\n        return x + {i}\n\n" for i in range(20))
    + "    def edited(self, rows):\n        value = 1\n\n        return value\n\n"
    + "    def total(self, rows=[]):\n        return sum(rows)\n\n\n"
    + "def after(items={}):\n    if items is None:\n        return []\n    return items\n"
)


async def test_a_half_typed_line_keeps_the_rest_of_the_file_through_a_pause(
    tmp_path: Path,
) -> None:
    # `x = [value for v`, typed between two methods, breaks the file: a fresh
    # parse's recovery makes the methods below part of the broken line and
    # loses their findings. While the line is being typed, and when the user
    # pauses in the middle of it, the diagnostics are those of the file
    # without the line. Closing the bracket brings the fresh parse's.
    line = LEDGER.split("\n").index("        return value") + 1
    half = "x = [value for v"
    rest = "alue in rows if value is not None]"
    async with session() as client:
        uri = (tmp_path / "ledger.py").as_uri()
        before = await open_and_wait(client, uri, LEDGER)
        assert [d.code for d in before].count("mutable-default-argument") == 2
        for version, char in enumerate(half, start=2):
            at = types.Position(line=line, character=version - 2)
            change(client, uri, version, types.Range(start=at, end=at), char)
        typing = await wait_version(client, uri, len(half) + 1)
        assert _key(typing) == _key(before)
        published = client.publish_counts[uri]
        await asyncio.sleep(3 * SETTLE_DELAY)  # a pause: nothing is re-published
        assert client.publish_counts[uri] == published
        for version, char in enumerate(rest, start=len(half) + 2):
            at = types.Position(line=line, character=version - 2)
            change(client, uri, version, types.Range(start=at, end=at), char)
        closed = await wait_version(client, uri, len(half) + len(rest) + 1)
        text = _insert(LEDGER, line, 0, half + rest)
        fresh = await open_and_wait(client, (tmp_path / "fresh.py").as_uri(), text)
        assert _key(closed) == _key(fresh)
        assert [d for d in typing if d.range.start.line == line] == []
        assert {d.code for d in closed if d.range.start.line == line} >= {"list-comprehension"}


def _batch(client, uri: str, version: int, edits: list[tuple[int, int, int, int, str]]) -> None:
    """One didChange with several changes, each (line, column, end line, end column, text)."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[partial(*edit) for edit in edits],
        )
    )


async def test_requests_on_and_around_a_half_typed_line_answer_as_it_is_written(
    tmp_path: Path,
) -> None:
    # A CRLF file with astral characters (two UTF-16 units each) on the line
    # being typed and around it, a multi-cursor batch that types on that line
    # and edits another: hovers and code actions on, before and after the
    # line left out of the tree answer, and once the line is closed the
    # diagnostics are a fresh parse's.
    text = LEDGER.replace("value = 1\n", "value = '😀é'  # [😀\n").replace("\n", "\r\n")
    line = text.split("\r\n").index("        return value") - 1  # the blank line
    defaults = text.split("\r\n").index("    def total(self, rows=[]):")
    half = "x = ['😀', run(é, "
    async with session() as client:
        uri = (tmp_path / "ledger.py").as_uri()
        before = await open_and_wait(client, uri, text)
        assert [d.code for d in before].count("mutable-default-argument") == 2
        version, column = 1, 8
        _batch(client, uri, version := version + 1, [(line, 0, line, 0, " " * 8)])
        for char in half:
            _batch(client, uri, version := version + 1, [(line, column, line, column, char)])
            column += len(char.encode("utf-16-le")) // 2
        # Two cursors: one types on the half line, one removes `rows=[]`'s default.
        brace = len("    def total(self, rows=")
        _batch(
            client,
            uri,
            version := version + 1,
            [(line, column, line, column, "😀"), (defaults, brace - 1, defaults, brace + 2, "")],
        )
        column += 2
        typing = await wait_version(client, uri, version)
        assert [d.code for d in typing].count("mutable-default-argument") == 1
        assert [d for d in typing if d.range.start.line == line] == []
        for at_line in (line - 1, line, line + 1):
            for character in range(column + 2):
                await hover_at(client, uri, at_line, character)
            actions = await asyncio.wait_for(
                client.text_document_code_action_async(
                    types.CodeActionParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        range=types.Range(
                            start=types.Position(line=at_line, character=0),
                            end=types.Position(line=at_line + 1, character=0),
                        ),
                        context=types.CodeActionContext(diagnostics=typing),
                    )
                ),
                TIMEOUT,
            )
            # Nothing on the line left out is reported, so nothing there is fixed.
            fixed = [
                d.range.start.line
                for a in actions or ()
                for d in getattr(a, "diagnostics", None) or ()
            ]
            assert line not in fixed
        after = text.split("\r\n").index("def after(items={}):")
        hover = await hover_at(client, uri, after, len("def after(items="))
        assert hover is not None and "mutable" in hover.contents.value.lower()
        _batch(client, uri, version := version + 1, [(line, column, line, column, ")]")])
        closed = await wait_version(client, uri, version)
        final = text.split("\r\n")
        final[line] = "        " + half + "😀)]"
        final[defaults] = "    def total(self, rows):"
        fresh = await open_and_wait(client, (tmp_path / "fresh.py").as_uri(), "\r\n".join(final))
        assert _key(closed) == _key(fresh)
