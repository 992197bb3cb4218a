"""A slow document's batched edits settle after the pause, as a fast document's do.

A document whose edits are slow to analyse queues its keystrokes and gives
them to the engine together (``schedule_flush``); a tree that error recovery
left different from a fresh parse must then be settled like any other
(``schedule_settle``), or its diagnostics stay wrong until the next edit.
"""

from __future__ import annotations

import asyncio

from pyiq.analysis import Document
from pyiq.lsp.features.diagnostics import SETTLE_DELAY, schedule_flush
from pyiq.lsp.server import create_server
from pyiq.lsp.store import OpenDocument
from tests.lsp.helpers import TIMEOUT
from tests.lsp.test_notebooks import RECOVERED


async def test_a_slow_documents_flushed_edits_settle_after_the_pause() -> None:
    server = create_server()
    uri = "file:///tmp/slow.py"
    document = OpenDocument(
        uri=uri, version=1, engine=Document.from_text(RECOVERED[0], server.registry), path=None
    )
    server.documents[uri] = document
    document.slow = True
    for text in RECOVERED[1:]:
        # Each one a burst of its own, flushed at once.
        old, new = document.engine.source, text.encode()
        document.queue_edit(0, len(old), new)
        schedule_flush(server, uri, burst=False)
        await asyncio.sleep(0.01)
    fresh = Document.from_text(RECOVERED[-1], server.registry)
    assert document.engine.source == fresh.source

    async def settled() -> None:
        while not document.engine.exact:
            await asyncio.sleep(SETTLE_DELAY / 4)

    await asyncio.wait_for(settled(), TIMEOUT)
    assert document.engine.raw_findings == fresh.raw_findings
