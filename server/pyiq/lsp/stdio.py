"""stdio transport that reads the client's pipe on the event loop.

pygls reads stdin in its thread pool: every header line and every body is
a round trip to a worker thread and back through the loop's wake-up pipe,
three per message, on every keystroke. When stdin is a pipe of its own, an
asyncio stream reads it on the loop instead. A terminal or a socket shared
with stdout is left to pygls: making it non-blocking for reading would make
it non-blocking for writing too.
"""

from __future__ import annotations

import asyncio
import logging
import os
import stat
import sys
from threading import Event
from typing import BinaryIO

from pygls.io_ import StdoutWriter, run_async
from pygls.lsp.server import LanguageServer

log = logging.getLogger(__name__)

# Header lines are short; a body is read with readexactly, which has no limit.
LINE_LIMIT = 1 << 16


class PipeReader:
    """pygls' reader interface over an asyncio stream; end of input reads as b''."""

    def __init__(self, stream: asyncio.StreamReader) -> None:
        self.stream = stream

    async def readline(self) -> bytes:
        return await self.stream.readline()

    async def readexactly(self, n: int) -> bytes:
        try:
            return await self.stream.readexactly(n)
        except asyncio.IncompleteReadError as exc:
            return exc.partial


def own_pipe(stdin: BinaryIO, stdout: BinaryIO) -> bool:
    """Whether ``stdin`` is a pipe that ``stdout`` does not share."""
    try:
        into, out = os.fstat(stdin.fileno()), os.fstat(stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(into.st_mode) and (into.st_dev, into.st_ino) != (
        out.st_dev,
        out.st_ino,
    )


async def _serve(server: LanguageServer, stdin: BinaryIO) -> None:
    loop = asyncio.get_running_loop()
    stream = asyncio.StreamReader(limit=LINE_LIMIT)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream), stdin)
    await run_async(
        stop_event=server._stop_event,
        reader=PipeReader(stream),
        protocol=server.protocol,
        logger=log,
        error_handler=server.report_server_error,
    )


def start_io(server: LanguageServer) -> None:
    """Serves over stdin/stdout, as ``LanguageServer.start_io`` does."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    if not own_pipe(stdin, stdout):
        server.start_io()
        return
    server._stop_event = Event()
    server.protocol.set_writer(StdoutWriter(stdout))
    try:
        asyncio.run(_serve(server, stdin))
    except BrokenPipeError:
        log.error("Connection to the client is lost! Shutting down the server.")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()
