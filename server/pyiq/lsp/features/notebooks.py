"""Notebook document sync: each Python cell of an open notebook is a document of its own.

Clients that edit notebooks (VS Code, JupyterLab's LSP extension) open them
with ``notebookDocument/didOpen`` and send cell edits with
``notebookDocument/didChange``; a server that only speaks
``textDocument/*`` sees nothing. pyiq announces ``notebookDocumentSync``
for Python cells, as ``ruff server`` does, and keeps every code cell as an
open document under the cell's own URI: diagnostics are published per cell
URI with positions inside the cell, and hover, code actions, code lens and
the quiz commands, which look documents up by URI, work in a cell as in a
file. A cell's settings (``[tool.pyiq]``, ruff's peers) are those of the
notebook's path.

The notebook messages come straight to these handlers, not through pygls'
workspace (see :mod:`pyiq.lsp.protocol`): its copy of a cell splits lines
at ``\\f`` and ``\\u2028`` too, so an edit below such a character landed
elsewhere in it than in the client's text. Each changed cell's engine
document takes the edits itself, as a file's does
(``diagnostics.apply_changes``), and re-analyses only what changed. Cells
are analysed one by one: a finding never depends on another cell.
"""

from __future__ import annotations

import logging

from lsprotocol import types

from pyiq.analysis import Document
from pyiq.lsp.features.diagnostics import (
    apply_changes,
    publish,
    pull_supported,
    schedule_publish,
    schedule_settle,
)
from pyiq.lsp.guard import guarded
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import OpenDocument, module_of, uri_to_path

log = logging.getLogger(__name__)

# Every notebook type ("*" in the spec's string form), its Python cells. The
# notebook is named even though ruff leaves it out: lsprotocol's own clients
# cannot read a selector without it.
SYNC = types.NotebookDocumentSyncOptions(
    notebook_selector=[
        types.NotebookDocumentFilterWithNotebook(
            notebook="*", cells=[types.NotebookCellLanguage(language="python")]
        )
    ],
    save=False,
)


def _open_cell(ls: PyiqServer, item: types.TextDocumentItem, notebook_uri: str) -> None:
    if item.language_id not in ("python", ""):
        return
    path = uri_to_path(notebook_uri)
    ls.documents[item.uri] = OpenDocument(
        uri=item.uri,
        version=item.version,
        engine=Document.from_text(item.text, ls.registry, module_of(path)),
        path=path,
        awake=ls.awake,
    )
    publish(ls, item.uri)


def _close_cell(ls: PyiqServer, uri: str) -> None:
    closed = ls.documents.pop(uri, None)
    if closed is None:
        return
    ls.awake.forget(closed)
    if not pull_supported(ls):
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )


def _sync_cell(ls: PyiqServer, content: types.NotebookDocumentCellContentChanges) -> None:
    """The cell's engine document takes the edits, as a file's does."""
    uri = content.document.uri
    document = ls.documents.get(uri)
    if document is None:
        return
    apply_changes(ls, document, content.changes)
    document.version = content.document.version
    schedule_publish(ls, uri)
    # As for a file: a tree error recovery left differs from a fresh parse
    # until the pause in the typing settles it (see ``Document.settle``).
    schedule_settle(ls, uri)


def setup(server: PyiqServer) -> None:
    # pygls announces the capability from this attribute (its constructor's
    # ``notebook_document_sync``), once the handlers below are registered.
    server._notebook_document_sync = SYNC

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
    @guarded()
    def did_open(ls: PyiqServer, params: types.DidOpenNotebookDocumentParams) -> None:
        for item in params.cell_text_documents:
            _open_cell(ls, item, params.notebook_document.uri)

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
    @guarded()
    def did_change(ls: PyiqServer, params: types.DidChangeNotebookDocumentParams) -> None:
        cells = params.change.cells
        if cells is None:
            return
        notebook_uri = params.notebook_document.uri
        if cells.structure is not None:
            for item in cells.structure.did_open or ():
                _open_cell(ls, item, notebook_uri)
            for closed in cells.structure.did_close or ():
                _close_cell(ls, closed.uri)
        for content in cells.text_content or ():
            _sync_cell(ls, content)

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
    @guarded()
    def did_close(ls: PyiqServer, params: types.DidCloseNotebookDocumentParams) -> None:
        for cell in params.cell_text_documents:
            _close_cell(ls, cell.uri)
