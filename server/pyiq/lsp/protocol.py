"""pygls' protocol without its own copy of every open document.

pygls keeps the text of each open document in its workspace and applies
every didChange to it (re-splitting the whole text into lines). pyiq reads
documents only from the engine's ``Document``, which keeps the exact bytes
it parsed, so the second copy cost a keystroke time and an open file its
size in memory for nothing. Open, change and close go straight to the
user handlers, for documents and for notebooks (whose cells are engine
documents too, see :mod:`pyiq.lsp.features.notebooks`).

A pulled ``textDocument/diagnostic`` is answered with the same cached JSON
as a publish (see :mod:`pyiq.lsp.wire`) when a raw answerer is installed
(``raw_requests``): serializing hundreds of diagnostics through cattrs costs
more per keystroke than the analysis.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Generator
from typing import Any

from lsprotocol import types
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

log = logging.getLogger(__name__)


class PyiqProtocol(LanguageServerProtocol):
    # method -> answerer(params) returning the result's JSON text, or None to
    # let pygls answer (the registered handler runs then).
    raw_requests: dict[str, Callable[[Any], str | None]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.raw_requests = {}

    def _handle_request(self, msg_id: Any, method_name: str, params: Any) -> None:
        answer = self.raw_requests.get(method_name)
        if answer is not None and not self._shutdown:
            try:
                result = answer(params)
            except Exception:
                log.exception("%s failed; pygls answers instead", method_name)
                result = None
            if result is not None:
                from pyiq.lsp.wire import send

                send(self, f'{{"jsonrpc":"2.0","id":{json.dumps(msg_id)},"result":{result}}}')
                return
        super()._handle_request(msg_id, method_name, params)

    def _user(self, method: str, params: Any) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(method)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(
        self, params: types.DidOpenTextDocumentParams
    ) -> Generator[Any, Any, None]:
        yield from self._user(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: types.DidChangeTextDocumentParams
    ) -> Generator[Any, Any, None]:
        yield from self._user(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(
        self, params: types.DidCloseTextDocumentParams
    ) -> Generator[Any, Any, None]:
        yield from self._user(types.TEXT_DOCUMENT_DID_CLOSE, params)

    # Notebooks too: pygls' copy of a cell splits lines at ``\\f`` and ``\\u2028``
    # as well, and clamps a position past its line's end by rewriting the
    # client's ``Position`` in place, so the handlers saw ranges pygls had
    # moved. pyiq keeps each cell as an engine document of its own.
    @lsp_method(types.NOTEBOOK_DOCUMENT_DID_OPEN)
    def lsp_notebook_document__did_open(
        self, params: types.DidOpenNotebookDocumentParams
    ) -> Generator[Any, Any, None]:
        yield from self._user(types.NOTEBOOK_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
    def lsp_notebook_document__did_change(
        self, params: types.DidChangeNotebookDocumentParams
    ) -> Generator[Any, Any, None]:
        yield from self._user(types.NOTEBOOK_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def lsp_notebook_document__did_close(
        self, params: types.DidCloseNotebookDocumentParams
    ) -> Generator[Any, Any, None]:
        yield from self._user(types.NOTEBOOK_DOCUMENT_DID_CLOSE, params)

    @lsp_method(types.SHUTDOWN)
    def lsp_shutdown(self, *args: Any) -> Generator[Any, Any, None]:
        """pygls' shutdown, cancelling pending requests from a copy of their table.

        pygls iterates its table of pending requests while cancelling them,
        and a cancelled future's callback removes itself from that table: a
        ``shutdown`` that arrives while a request is in flight (an editor
        closing during a slow ``pyiq.stats``) failed with "dictionary changed
        size during iteration", and the server then never exited.
        """
        if (handler := self.fm.features.get(types.SHUTDOWN)) is not None:
            yield handler, args, None
        current = self.msg_id
        for msg_id, future in list(self._request_futures.items()):
            if msg_id != current and not future.done():
                future.cancel()
        self._shutdown = True
        return None
