"""Notebook document sync end to end: ``pyiq serve`` over JSON-RPC, one document per cell."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types

from tests.lsp.helpers import TIMEOUT, hover_at, session

DEFAULTS_CELL = "%matplotlib inline\n\ndef add(item, bucket=[]):\n    bucket.append(item)\n"
CLOSURE_CELL = 'callbacks = []\nfor name in ["a", "b"]:\n    callbacks.append(lambda: name)\n'


def _cell_uri(notebook: Path, index: int) -> str:
    return f"vscode-notebook-cell:{notebook}#W{index}sZmlsZQ=="


async def _diagnostics(client, uri: str) -> list[types.Diagnostic]:
    async def loop() -> None:
        while uri not in client.diagnostics:
            await asyncio.sleep(0.005)

    await asyncio.wait_for(loop(), TIMEOUT)
    return list(client.diagnostics[uri])


def _codes(diagnostics: list[types.Diagnostic]) -> list[tuple[str, int, int, int]]:
    return sorted(
        (str(d.code), d.range.start.line, d.range.start.character, d.range.end.character)
        for d in diagnostics
        if d.severity == types.DiagnosticSeverity.Warning
    )


def _open(client, notebook: Path, cells: list[str]) -> list[str]:
    uris = [_cell_uri(notebook, i) for i in range(len(cells))]
    client.notebook_document_did_open(
        types.DidOpenNotebookDocumentParams(
            notebook_document=types.NotebookDocument(
                uri=notebook.as_uri(),
                notebook_type="jupyter-notebook",
                version=1,
                cells=[
                    types.NotebookCell(kind=types.NotebookCellKind.Code, document=uri)
                    for uri in uris
                ],
            ),
            cell_text_documents=[
                types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
                for uri, text in zip(uris, cells, strict=True)
            ],
        )
    )
    return uris


async def test_notebook_sync_is_announced_and_each_cell_gets_its_findings(
    tmp_path: Path,
) -> None:
    notebook = tmp_path / "traps.ipynb"
    async with session({"quizUi": "data"}, data_dir=tmp_path, notebooks=True) as client:
        sync = client.initialize_result.capabilities.notebook_document_sync
        assert sync is not None
        selector = sync.notebook_selector[0]
        assert [cell.language for cell in selector.cells] == ["python"]

        first, second = _open(client, notebook, [DEFAULTS_CELL, CLOSURE_CELL])
        assert _codes(await _diagnostics(client, first)) == [
            ("mutable-default-argument", 2, 21, 23)
        ]
        assert _codes(await _diagnostics(client, second)) == [("loop-variable-closure", 2, 29, 33)]

        hover = await hover_at(client, first, 2, 22)
        assert hover is not None
        assert "mutable" in hover.contents.value.lower()

        actions = await asyncio.wait_for(
            client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=first),
                    range=types.Range(
                        start=types.Position(line=2, character=22),
                        end=types.Position(line=2, character=22),
                    ),
                    context=types.CodeActionContext(diagnostics=[]),
                )
            ),
            TIMEOUT,
        )
        preferred = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.is_preferred]
        assert [a.title for a in preferred] == ["Use None as the default of `bucket`"]
        edits = preferred[0].edit.changes or {
            change.text_document.uri: change.edits
            for change in preferred[0].edit.document_changes or []
        }
        assert list(edits) == [first]

        quiz = await asyncio.wait_for(
            client.workspace_execute_command_async(
                types.ExecuteCommandParams(command="pyiq.quizFile", arguments=[second])
            ),
            TIMEOUT,
        )
        assert quiz["uri"] == second
        assert quiz["questions"][0]["id"] == "predict:loop-variable-closure"
        assert quiz["questions"][0]["line"] == 3


async def test_cell_edits_new_cells_and_closing(tmp_path: Path) -> None:
    notebook = tmp_path / "traps.ipynb"
    async with session({"quizUi": "data"}, data_dir=tmp_path, notebooks=True) as client:
        first, second = _open(client, notebook, [DEFAULTS_CELL, CLOSURE_CELL])
        await _diagnostics(client, second)

        # Fix the mutable default in cell 1 and add a third cell with an `is` literal.
        third = _cell_uri(notebook, 2)
        del client.diagnostics[first]
        client.notebook_document_did_change(
            types.DidChangeNotebookDocumentParams(
                notebook_document=types.VersionedNotebookDocumentIdentifier(
                    uri=notebook.as_uri(), version=2
                ),
                change=types.NotebookDocumentChangeEvent(
                    cells=types.NotebookDocumentCellChanges(
                        structure=types.NotebookDocumentCellChangeStructure(
                            array=types.NotebookCellArrayChange(
                                start=2,
                                delete_count=0,
                                cells=[
                                    types.NotebookCell(
                                        kind=types.NotebookCellKind.Code, document=third
                                    )
                                ],
                            ),
                            did_open=[
                                types.TextDocumentItem(
                                    uri=third, language_id="python", version=1, text="ok = 1 is 1\n"
                                )
                            ],
                        ),
                        text_content=[
                            types.NotebookDocumentCellContentChanges(
                                document=types.VersionedTextDocumentIdentifier(
                                    uri=first, version=2
                                ),
                                changes=[
                                    types.TextDocumentContentChangePartial(
                                        range=types.Range(
                                            start=types.Position(line=2, character=21),
                                            end=types.Position(line=2, character=23),
                                        ),
                                        text="None",
                                    )
                                ],
                            )
                        ],
                    )
                ),
            )
        )
        assert _codes(await _diagnostics(client, third)) == [("is-literal", 0, 5, 11)]
        assert _codes(await _diagnostics(client, first)) == []

        # Closing the notebook clears every cell's diagnostics.
        client.notebook_document_did_close(
            types.DidCloseNotebookDocumentParams(
                notebook_document=types.NotebookDocumentIdentifier(uri=notebook.as_uri()),
                cell_text_documents=[
                    types.TextDocumentIdentifier(uri=uri) for uri in (first, second, third)
                ],
            )
        )

        async def cleared() -> None:
            while any(client.diagnostics.get(uri) for uri in (first, second, third)):
                await asyncio.sleep(0.005)

        await asyncio.wait_for(cleared(), TIMEOUT)


def _retyped(cell: str, version: int, text: str) -> types.NotebookDocumentCellContentChanges:
    """A cell's whole new text, as a client sends a cell's edit (full sync of the cell)."""
    return types.NotebookDocumentCellContentChanges(
        document=types.VersionedTextDocumentIdentifier(uri=cell, version=version),
        changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    )


TRY = "def top():\n    try:\n        pass\n    except:\n        pass\n"
GLOBALS = "    global counter\n    counter = 1\n"
BROKEN = GLOBALS.replace("counter\n", "countwhile True:\n    er\n", 1)
# Edits after which tree-sitter's incremental recovery keeps an `except:`
# clause that a fresh parse makes part of an unterminated string.
RECOVERED = [
    f"class A(B):\n    max = 3\n{GLOBALS}{GLOBALS}{TRY}min = 2\nimport copy\n{TRY}",
    f"class A(B):\n    max = 3\n{GLOBALS}{BROKEN}{TRY}min = 2\nimport copy\n{TRY}",
    f"class A(B):\n    max = 3\n{GLOBALS}{BROKEN}{TRY}min = 2\nimport copy\n"
    + TRY.replace("    except", '    """except'),
    f"class A(B):\n    max = 3\n{GLOBALS}{BROKEN}"
    + TRY.replace("try:\n", "try:load_yaml(s)\n\n")
    + "min = 2\nimport copy\n"
    + TRY.replace("    except", '    """except'),
]


async def test_a_pause_settles_a_cell_that_error_recovery_parsed_differently(
    tmp_path: Path,
) -> None:
    # A cell is an engine document like a file: after a pause in the typing
    # its diagnostics must be those of a fresh parse, as a file's are.
    notebook = tmp_path / "recovery.ipynb"
    async with session(notebooks=True) as client:
        (cell,) = _open(client, notebook, [RECOVERED[0]])
        await _diagnostics(client, cell)
        for version, text in enumerate(RECOVERED[1:], start=2):
            client.notebook_document_did_change(
                types.DidChangeNotebookDocumentParams(
                    notebook_document=types.VersionedNotebookDocumentIdentifier(
                        uri=notebook.as_uri(), version=version
                    ),
                    change=types.NotebookDocumentChangeEvent(
                        cells=types.NotebookDocumentCellChanges(
                            text_content=[_retyped(cell, version, text)]
                        )
                    ),
                )
            )
        fresh_notebook = tmp_path / "fresh.ipynb"
        (fresh,) = _open(client, fresh_notebook, [RECOVERED[-1]])
        expected = _codes(await _diagnostics(client, fresh))
        assert [code for code, *_ in expected].count("bare-except") == 0

        async def settled() -> None:
            while _codes(client.diagnostics.get(cell, [])) != expected:
                await asyncio.sleep(0.01)

        await asyncio.wait_for(settled(), TIMEOUT)


def _typed(
    cell: str, version: int, edits: list[tuple[int, int, str]]
) -> types.NotebookDocumentCellContentChanges:
    """Incremental edits of a cell, each (line, column, text) inserted there."""
    return types.NotebookDocumentCellContentChanges(
        document=types.VersionedTextDocumentIdentifier(uri=cell, version=version),
        changes=[
            types.TextDocumentContentChangePartial(
                range=types.Range(
                    start=types.Position(line=line, character=column),
                    end=types.Position(line=line, character=column),
                ),
                text=text,
            )
            for line, column, text in edits
        ],
    )


async def test_cell_edits_land_where_the_client_put_them_after_odd_line_breaks(
    tmp_path: Path,
) -> None:
    # A form feed and a line separator end no line for the client (nor for
    # Python), and a lone CR does; the edits below them must land on the
    # client's lines, not on lines of another splitting of the cell, and a
    # column past a line's end is its end.
    text = "a = 1\u2028b = 2\nx = 3\fy = 4\rdef f(x): pass\n"
    notebook = tmp_path / "odd.ipynb"
    async with session(notebooks=True) as client:
        (cell,) = _open(client, notebook, [text])
        assert _codes(await _diagnostics(client, cell)) == []
        del client.diagnostics[cell]
        client.notebook_document_did_change(
            types.DidChangeNotebookDocumentParams(
                notebook_document=types.VersionedNotebookDocumentIdentifier(
                    uri=notebook.as_uri(), version=2
                ),
                change=types.NotebookDocumentChangeEvent(
                    cells=types.NotebookDocumentCellChanges(
                        text_content=[
                            _typed(cell, 2, [(2, 7, "=[]"), (1, 0, "\u2028"), (0, 99, "  # end")])
                        ]
                    )
                ),
            )
        )
        edited = _codes(await _diagnostics(client, cell))
        typed = "a = 1\u2028b = 2  # end\n\u2028x = 3\fy = 4\rdef f(x=[]): pass\n"
        (fresh,) = _open(client, tmp_path / "fresh.ipynb", [typed])
        assert edited == _codes(await _diagnostics(client, fresh))
        assert edited == [("mutable-default-argument", 2, 8, 10)]
