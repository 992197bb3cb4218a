"""The mutable-default quick fix end to end: one WorkspaceEdit, in the negotiated encoding.

The target version comes from the project's ``pyproject.toml``, so the same
file is fixed as ``T | None`` in a 3.10+ project and as ``Optional[T]``
(with its import) in an older one.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.helpers import TIMEOUT, open_and_wait, session

# Non-ASCII before the default on its line: 名 is one UTF-16 unit and three UTF-8 bytes,
# 🐍 two UTF-16 units and four UTF-8 bytes.
SOURCE = 'def f(名="🐍", x: list[int] = []):\n    return 名, x\n'
ENCODINGS = ["utf-8", "utf-16", "utf-32"]


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def _index(text: str, position: types.Position, encoding: str) -> int:
    """The string index of an LSP position, counting columns in ``encoding`` units."""
    lines = text.split("\n")
    index = sum(len(line) + 1 for line in lines[: position.line])
    line, units, column = lines[position.line], 0, 0
    while units < position.character:
        units += _units(line[column], encoding)
        column += 1
    assert units == position.character, "a position inside a character"
    return index + column


def _apply(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    spans = [
        (_index(text, e.range.start, encoding), _index(text, e.range.end, encoding), e.new_text)
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


async def _preferred_fix(client, uri: str, position: types.Position) -> types.CodeAction:
    actions = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(start=position, end=position),
                context=types.CodeActionContext(diagnostics=[]),
            )
        ),
        TIMEOUT,
    )
    preferred = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.is_preferred]
    assert [a.title for a in preferred] == ["Use None as the default of `x`"]
    return preferred[0]


@pytest.mark.parametrize(
    ("requires", "expected"),
    [
        (
            ">=3.10",
            'def f(名="🐍", x: list[int] | None = None):\n'
            "    if x is None:\n        x = []\n    return 名, x\n",
        ),
        (
            ">=3.8",
            "from typing import Optional\n\n\n"
            'def f(名="🐍", x: Optional[list[int]] = None):\n'
            "    if x is None:\n        x = []\n    return 名, x\n",
        ),
    ],
)
async def test_fix_is_one_workspace_edit_in_every_encoding(
    tmp_path: Path, requires: str, expected: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(f'[project]\nrequires-python = "{requires}"\n')
    uri = (tmp_path / "cart.py").as_uri()
    for encoding in ENCODINGS:
        async with session(encodings=[encoding]) as client:
            diagnostics = await open_and_wait(client, uri, SOURCE)
            default = SOURCE.index("[]")
            start = types.Position(line=0, character=_units(SOURCE[:default], encoding))
            mutable = [d for d in diagnostics if d.code == "mutable-default-argument"]
            assert [d.range.start for d in mutable] == [start], encoding
            action = await _preferred_fix(client, uri, start)
        assert action.edit is not None
        assert action.edit.document_changes is None
        assert list(action.edit.changes) == [uri]
        assert _apply(SOURCE, action.edit.changes[uri], encoding) == expected, encoding


async def test_fix_follows_pyproject_changes(tmp_path: Path) -> None:
    """The target is read when the fix is asked for, so an edited pyproject applies at once."""
    project = tmp_path / "pyproject.toml"
    project.write_text('[tool.ruff]\ntarget-version = "py39"\n')
    uri = (tmp_path / "cart.py").as_uri()
    source = "def f(x: set = set()):\n    return x\n"
    async with session() as client:
        await open_and_wait(client, uri, source)
        old = await _preferred_fix(client, uri, types.Position(line=0, character=15))
        project.write_text('[tool.ruff]\ntarget-version = "py311"\n')
        new = await _preferred_fix(client, uri, types.Position(line=0, character=15))
    fixed_old = _apply(source, old.edit.changes[uri], "utf-16")
    fixed_new = _apply(source, new.edit.changes[uri], "utf-16")
    assert fixed_old.startswith("from typing import Optional\n\n\ndef f(x: Optional[set] = None):")
    assert fixed_new.startswith("def f(x: set | None = None):\n    if x is None:\n")


async def test_fix_follows_requires_python_changes(tmp_path: Path) -> None:
    """Without a ruff configuration the target is ``requires-python``; an edit applies at once."""
    project = tmp_path / "pyproject.toml"
    project.write_text('[project]\nname = "cart"\nrequires-python = ">=3.10"\n')
    uri = (tmp_path / "cart.py").as_uri()
    source = "def f(x: set = set()):\n    return x\n"
    position = types.Position(line=0, character=15)
    async with session() as client:
        await open_and_wait(client, uri, source)
        new = await _preferred_fix(client, uri, position)
        again = await _preferred_fix(client, uri, position)
        # A different size: seen at once even within the clock's granularity.
        project.write_text('[project]\nname = "cart"\nrequires-python = ">=3.9, <4"\n')
        old = await _preferred_fix(client, uri, position)
    assert _apply(source, new.edit.changes[uri], "utf-16") == (
        "def f(x: set | None = None):\n    if x is None:\n        x = set()\n    return x\n"
    )
    assert again.edit == new.edit
    assert _apply(source, old.edit.changes[uri], "utf-16") == (
        "from typing import Optional\n\n\n"
        "def f(x: Optional[set] = None):\n    if x is None:\n        x = set()\n    return x\n"
    )
