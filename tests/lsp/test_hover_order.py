"""Which construct the hover leads with where several are reported at one place.

``async def`` and annotations say something true of any function (rules
marked ``#set! hover "generic"``): on ``async def __call__`` or an ``async
def`` that yields, the hover leads with the callable object or the generator,
though the coroutine's area (the ``def`` line) is the smallest. A bug risk
under the point leads over a concept there. In process, through the hover's
own lookup; the first question is the one the hover shows in full.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pyiq.analysis import Document
from pyiq.links import questions_for_finding
from pyiq.lsp.features.hover import findings_at
from pyiq.lsp.server import create_server
from pyiq.lsp.store import OpenDocument

ASYNC_CALL = """\
class RateLimit:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        await self.app(scope, receive, send)
"""

ASYNC_GENERATOR = """\
async def paginate(client, url: str):
    while url:
        data = (await client.get(url)).json()
        for item in data["results"]:
            yield item
        url = data.get("next")
"""

ASYNC_ENTER = """\
class Database:
    async def __aenter__(self):
        self.pool = await create_pool(self.dsn)
        return self

    async def __aexit__(self, *exc):
        await self.pool.close()
"""

ASYNC_ITERATOR = """\
class Ticker:
    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(1)
        return time.time()
"""

PLAIN_COROUTINE = """\
async def fetch(client, url: str) -> bytes:
    return (await client.get(url)).content
"""

ANNOTATED_GENERATOR = """\
def chunks(items: list[int], size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]
"""

DANGLING = """\
import asyncio


async def handle(request):
    asyncio.create_task(audit(request))
    return await render(request)
"""


@pytest.fixture(scope="module")
def server():
    """A server object, never started: finding what a hover answers on reads no progress."""
    return create_server()


@pytest.mark.parametrize(
    ("text", "at", "rule", "question"),
    [
        (ASYNC_CALL, "__call__", "callable-object", "callable-objects"),
        (ASYNC_CALL, "async def __call__", "callable-object", "callable-objects"),
        (ASYNC_GENERATOR, "paginate", "generator-function", "generators"),
        (ASYNC_ENTER, "__aenter__", "async-await", "async-context-managers"),
        (ASYNC_ENTER, "__aexit__", "async-await", "async-context-managers"),
        (ASYNC_ITERATOR, "__anext__", "iterator-protocol", "custom-iterators"),
        (PLAIN_COROUTINE, "fetch", "async-await", "asyncio-event-loop"),
        (ANNOTATED_GENERATOR, "chunks", "generator-function", "generators"),
        (DANGLING, "create_task", "dangling-task", "fire-and-forget-tasks"),
    ],
    ids=lambda value: value if isinstance(value, str) and "\n" not in value else None,
)
def test_the_specific_construct_leads(server, text: str, at: str, rule: str, question: str):
    document = OpenDocument(
        uri="file:///tmp/sample.py",
        version=1,
        engine=Document(text.encode(), server.registry),
        path=Path("/tmp/sample.py"),
    )
    first = findings_at(server, document, text.encode().index(at.encode()))[0]
    assert (first.rule, questions_for_finding(first)[0].id) == (rule, question)
