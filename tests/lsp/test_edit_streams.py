"""Random editing sessions over JSON-RPC end where a freshly opened copy begins.

Each stream types lines character by character, backspaces, pastes, breaks
lines, types at the end of the file, inserts CRLF, lone CR, form feeds,
line separators, tabs, non-ASCII and astral characters, breaks block
headers and edits with several cursors in one notification (see
``edit_model.Editor``), in a file with LF or CRLF line ends. Once the
typing pauses, the pushed (or pulled) diagnostics must lie inside the
client's document and, when the text parses, equal those of a fresh open
of it; undoing every edit must bring back the first diagnostics exactly.
A notebook cell edited so must end as a file does.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from pyiq.analysis.language import new_parser
from pyiq.lsp.features.diagnostics import SETTLE_DELAY
from tests.edit_model import Editor
from tests.lsp.helpers import TIMEOUT, open_and_wait, session, wait_version
from tests.lsp.test_notebooks import _diagnostics as _first
from tests.lsp.test_notebooks import _open as _open_cells

RULES = sorted((Path(__file__).resolve().parent.parent / "rules").glob("*/bad.py"))
# Gestures per stream: each types a line, pastes a block, or the like.
GESTURES = 12


def _seed_text(rng: random.Random) -> str:
    text = "\n".join(path.read_text(encoding="utf-8") for path in rng.sample(RULES, 2))
    return text.replace("\n", "\r\n") if rng.random() < 0.5 else text


def _send(
    client: LanguageClient,
    uri: str,
    version: int,
    changes: list[types.TextDocumentContentChangePartial],
) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=list(changes),
        )
    )


async def _edit(client: LanguageClient, uri: str, editor: Editor, version: int) -> int:
    """Sends ``GESTURES`` random gestures; the last version sent."""
    for _ in range(GESTURES):
        for changes in editor.burst():
            version += 1
            _send(client, uri, version, changes)
    return version


async def _pause(client: LanguageClient, uri: str) -> None:
    """Waits out the pause after the last change and the publish a settle may make."""
    counts = client.publish_counts  # type: ignore[attr-defined]

    async def quiet() -> None:
        while True:
            seen = counts.get(uri)
            await asyncio.sleep(3 * SETTLE_DELAY)
            if counts.get(uri) == seen:
                return

    await asyncio.wait_for(quiet(), TIMEOUT)


def _key(diagnostics: list[types.Diagnostic]) -> list[tuple[object, ...]]:
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


def _inside(diagnostics: list[types.Diagnostic], editor: Editor) -> None:
    """Every range addresses the client's text: no line or column past an end."""
    end = editor.position(len(editor.text))
    for d in diagnostics:
        for at in (d.range.start, d.range.end):
            assert (at.line, at.character) <= (end.line, end.character), (d, end)
            line_end = editor.line_end(at.line)
            assert at.character <= line_end, (d, line_end)


def _parses(text: str) -> bool:
    return not new_parser().parse(text.encode("utf-8")).root_node.has_error


async def _pull(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    report = await asyncio.wait_for(
        client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        ),
        TIMEOUT,
    )
    return list(report.items)


@pytest.mark.parametrize("seed", [11, 12, 13, 14])
async def test_pushed_diagnostics_after_a_random_stream(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    original = _seed_text(rng)
    editor = Editor(original, rng)
    async with session() as client:
        uri = (tmp_path / "edited.py").as_uri()
        before = await open_and_wait(client, uri, original)
        version = await _edit(client, uri, editor, 1)
        await wait_version(client, uri, version)
        await _pause(client, uri)
        final = list(client.diagnostics[uri])
        _inside(final, editor)
        if _parses(editor.text):
            fresh = await open_and_wait(client, (tmp_path / "fresh.py").as_uri(), editor.text)
            assert _key(final) == _key(fresh)
        # Undo, as an editor sends it: the inverse edits, last first, in one notification.
        _send(client, uri, version + 1, editor.undo())
        assert editor.text == original
        await wait_version(client, uri, version + 1)
        await _pause(client, uri)
        assert _key(client.diagnostics[uri]) == _key(before)


@pytest.mark.parametrize("seed", [21, 22])
async def test_pulled_diagnostics_after_a_random_stream(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    original = _seed_text(rng)
    editor = Editor(original, rng)
    async with session(pull=True) as client:
        uri = (tmp_path / "edited.py").as_uri()
        item = types.TextDocumentItem(uri=uri, language_id="python", version=1, text=original)
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        before = await _pull(client, uri)
        version = await _edit(client, uri, editor, 1)
        await asyncio.sleep(3 * SETTLE_DELAY)
        final = await _pull(client, uri)
        _inside(final, editor)
        if _parses(editor.text):
            fresh_uri = (tmp_path / "fresh.py").as_uri()
            fresh = types.TextDocumentItem(
                uri=fresh_uri, language_id="python", version=1, text=editor.text
            )
            client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=fresh))
            assert _key(final) == _key(await _pull(client, fresh_uri))
        _send(client, uri, version + 1, editor.undo())
        await asyncio.sleep(3 * SETTLE_DELAY)
        assert _key(await _pull(client, uri)) == _key(before)


def _cell_change(
    notebook: Path, version: int, cell: str, changes: list[types.TextDocumentContentChangePartial]
) -> types.DidChangeNotebookDocumentParams:
    return types.DidChangeNotebookDocumentParams(
        notebook_document=types.VersionedNotebookDocumentIdentifier(
            uri=notebook.as_uri(), version=version
        ),
        change=types.NotebookDocumentChangeEvent(
            cells=types.NotebookDocumentCellChanges(
                text_content=[
                    types.NotebookDocumentCellContentChanges(
                        document=types.VersionedTextDocumentIdentifier(uri=cell, version=version),
                        changes=list(changes),
                    )
                ]
            )
        ),
    )


@pytest.mark.parametrize("seed", [31, 32])
async def test_a_notebook_cell_after_a_random_stream(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    original = _seed_text(rng)
    editor = Editor(original, rng)
    async with session(notebooks=True) as client:
        notebook = tmp_path / "edited.ipynb"
        (cell,) = _open_cells(client, notebook, [original])
        before = await _first(client, cell)
        version = 1
        for _ in range(GESTURES):
            for changes in editor.burst():
                version += 1
                client.notebook_document_did_change(_cell_change(notebook, version, cell, changes))
        await wait_version(client, cell, version)
        await _pause(client, cell)
        final = list(client.diagnostics[cell])
        _inside(final, editor)
        if _parses(editor.text):
            (fresh,) = _open_cells(client, tmp_path / "fresh.ipynb", [editor.text])
            assert _key(final) == _key(await _first(client, fresh))
        client.notebook_document_did_change(
            _cell_change(notebook, version + 1, cell, editor.undo())
        )
        await wait_version(client, cell, version + 1)
        await _pause(client, cell)
        assert _key(client.diagnostics[cell]) == _key(before)
