"""Pulled diagnostics equal pushed ones, keystroke by keystroke, over JSON-RPC.

Both paths serialize from the same per-document caches (``pyiq.lsp.wire``),
which a publish or a pull updates: a pull must not see state a previous
answer left behind, and a repeated pull without an edit must answer the same.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.helpers import TIMEOUT, change, open_and_wait, session, wait_version

SOURCE = '''import os


def add(item, bucket=[]):
    """Collect items."""
    bucket.append(item)
    return bucket


class Cart:
    def total(self, prices):
        return sum(p for p in prices if p is not None)


if add(1) is 1:
    print(os.sep)
'''

# Typed at the start of line 9 (the blank line before the class): a line
# that opens a bracket and closes it later, so some states are syntax errors.
TYPED = "x = [v for v in range(3) if v is 1]\n"


def _key(diagnostic: types.Diagnostic) -> tuple:
    rng = diagnostic.range
    return (
        diagnostic.code,
        rng.start.line,
        rng.start.character,
        rng.end.line,
        rng.end.character,
        diagnostic.severity,
        diagnostic.message,
    )


def _edits() -> list[tuple[int, types.Range, str]]:
    """(version, range, text) of each keystroke typing TYPED."""
    out = []
    line, column = 8, 0
    for index, char in enumerate(TYPED):
        at = types.Position(line=line, character=column)
        out.append((index + 2, types.Range(start=at, end=at), char))
        if char == "\n":
            line, column = line + 1, 0
        else:
            column += 1
    return out


async def _pushed(uri: str) -> list[list[tuple]]:
    seen = []
    async with session() as client:
        seen.append(sorted(_key(d) for d in await open_and_wait(client, uri, SOURCE)))
        for version, rng, text in _edits():
            change(client, uri, version, rng, text)
            seen.append(sorted(_key(d) for d in await wait_version(client, uri, version)))
    return seen


async def _pull(client: LanguageClient, uri: str) -> list[tuple]:
    report = await asyncio.wait_for(
        client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        ),
        TIMEOUT,
    )
    return sorted(_key(d) for d in report.items)


async def _pulled(uri: str) -> tuple[list[list[tuple]], list[tuple]]:
    seen = []
    async with session(pull=True) as client:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="python", version=1, text=SOURCE
                )
            )
        )
        seen.append(await _pull(client, uri))
        for version, rng, text in _edits():
            change(client, uri, version, rng, text)
            seen.append(await _pull(client, uri))
        again = await _pull(client, uri)
    return seen, again


async def test_pulled_equal_pushed_after_every_keystroke(tmp_path: Path) -> None:
    uri = (tmp_path / "cart.py").as_uri()
    pushed = await _pushed(uri)
    pulled, again = await _pulled(uri)
    assert len(pulled) == len(pushed) == len(TYPED) + 1
    for index, (push, pull) in enumerate(zip(pushed, pulled, strict=True)):
        assert pull == push, f"keystroke {index}: {TYPED[:index]!r}"
    # A pull without an edit in between answers the same.
    assert again == pulled[-1]
    # The typed line's own findings arrive in both modes once it is complete.
    assert ("is-literal", 8, 28, 8, 34) in {key[:5] for key in pulled[-1]}
