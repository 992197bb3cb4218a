"""stdio transport: the client's pipe read on the event loop, ``initialize`` answered early.

pygls reads stdin in its thread pool: every header line and every body is
a round trip to a worker thread and back through the loop's wake-up pipe,
three per message, on every keystroke. When stdin is a pipe of its own, an
asyncio stream reads it on the loop instead. A terminal or a socket shared
with stdout is left to pygls: making it non-blocking for reading would make
it non-blocking for writing too.

On that same path the first message, when it is ``initialize``, is
answered before pygls (and the rule registry) are even imported, from the
stored answer of :mod:`pyiq.lsp.initialize`; pygls then handles the request
as usual and its own response is dropped. Every later message waits for
the server as before, so the first ``didOpen`` still gets full diagnostics.

Nothing here imports pygls or lsprotocol before the early answer is sent.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Callable
from threading import Event
from typing import TYPE_CHECKING, Any, BinaryIO

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no fcntl
    fcntl = None  # type: ignore[assignment]

from pyiq.lsp.initialize import early_result

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

log = logging.getLogger(__name__)

# As pygls frames messages (JsonRPCProtocol.CONTENT_TYPE and CHARSET).
CONTENT_TYPE = "application/vscode-jsonrpc"
CHARSET = "utf-8"
CONTENT_LENGTH = re.compile(rb"^Content-Length: (\d+)\r\n$")
# Header lines are short; a body is read with readexactly, which has no limit.
LINE_LIMIT = 1 << 16
# Linux's default ceiling for an unprivileged process (/proc/sys/fs/pipe-max-size).
PIPE_SIZE = 1 << 20


def frame(body: bytes) -> bytes:
    """A message with pygls' headers."""
    header = (
        f"Content-Length: {len(body)}\r\nContent-Type: {CONTENT_TYPE}; charset={CHARSET}\r\n\r\n"
    )
    return header.encode("ascii") + body


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


async def read_message(reader: PipeReader) -> bytes | None:
    """The next message body, read as pygls' loop reads it; None at end of input."""
    length = 0
    while True:
        header = await reader.readline()
        if not header:
            return None
        if not length:
            match = CONTENT_LENGTH.fullmatch(header)
            if match:
                length = int(match.group(1))
        if length and not header.strip():
            return await reader.readexactly(length) or None


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


def answer_early(body: bytes | None, stdout: BinaryIO) -> tuple[Any, dict[str, Any]] | None:
    """Answers an ``initialize`` request from the stored answer: its id and the result sent."""
    if body is None:
        return None
    try:
        message = json.loads(body)
    except ValueError:
        return None
    if not isinstance(message, dict) or message.get("method") != "initialize":
        return None
    if "id" not in message:
        return None
    result = early_result(message.get("params"))
    if result is None:
        return None
    response = {"jsonrpc": "2.0", "id": message["id"], "result": result}
    stdout.write(frame(json.dumps(response).encode(CHARSET)))
    stdout.flush()
    return message["id"], result


class AnsweredWriter:
    """The transport while pygls handles an ``initialize`` that was answered early.

    Drops pygls' own response to it (a client must get one answer), warning
    if it differs from the one sent: then ``initialize.json`` is out of date.
    """

    def __init__(self, writer: Any, msg_id: Any, sent: dict[str, Any]) -> None:
        self.writer = writer
        self.msg_id = msg_id
        self.sent: dict[str, Any] | None = sent

    def write(self, data: bytes) -> Any:
        if self.sent is not None:
            try:
                message = json.loads(data.partition(b"\r\n\r\n")[2])
            except ValueError:
                message = None
            if (
                isinstance(message, dict)
                and message.get("id") == self.msg_id
                and "method" not in message
            ):
                if message.get("result") != self.sent:
                    log.warning(
                        "initialize was answered with %s but the server computes %s; "
                        "regenerate it with python -m pyiq.lsp.initialize",
                        self.sent,
                        message.get("result", message.get("error")),
                    )
                self.sent = None
                return None
        return self.writer.write(data)

    def close(self) -> Any:
        return self.writer.close()


def _handle(server: LanguageServer, body: bytes) -> None:
    """Handles one message as pygls' read loop does."""
    from pygls.exceptions import JsonRpcException

    try:
        message = json.loads(body, object_hook=server.protocol.structure_message)
        server.protocol.handle_message(message)
    except Exception as exc:
        log.exception("Unable to handle message")
        server.report_server_error(exc, JsonRpcException)


async def _serve(
    make_server: Callable[[], LanguageServer],
    stdin: BinaryIO,
    stdout: BinaryIO,
    started: list[LanguageServer],
) -> None:
    loop = asyncio.get_running_loop()
    stream = asyncio.StreamReader(limit=LINE_LIMIT)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream), stdin)
    reader = PipeReader(stream)
    first = await read_message(reader)
    early = answer_early(first, stdout)

    from pygls.io_ import StdoutWriter, run_async

    server = make_server()
    started.append(server)
    server._stop_event = Event()
    writer: Any = StdoutWriter(stdout)
    if early is not None:
        writer = AnsweredWriter(writer, *early)
    server.protocol.set_writer(writer)
    if first is None:
        return
    _handle(server, first)
    await run_async(
        stop_event=server._stop_event,
        reader=reader,
        protocol=server.protocol,
        logger=log,
        error_handler=server.report_server_error,
    )


def widen_pipe(stdout: BinaryIO, size: int = PIPE_SIZE) -> None:
    """Lets one publish fit in the pipe to the client, where Linux allows it.

    The diagnostics of a large file run to 70 KB or more, past the default
    64 KiB pipe buffer: the write would then block until the client has read
    the first part, a round trip between the two processes on every
    keystroke. A pipe that is not ours, or a system without the call, keeps
    its size.
    """
    setter = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setter is None:
        return
    try:
        if stat.S_ISFIFO(os.fstat(stdout.fileno()).st_mode):
            fcntl.fcntl(stdout.fileno(), setter, size)
    except (OSError, ValueError) as exc:
        log.debug("pipe to the client keeps its size: %s", exc)


def serve(make_server: Callable[[], LanguageServer]) -> None:
    """Serves over stdin/stdout, as ``LanguageServer.start_io`` does, faster on a pipe."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    if not own_pipe(stdin, stdout):
        make_server().start_io()
        return
    widen_pipe(stdout)
    started: list[LanguageServer] = []
    try:
        asyncio.run(_serve(make_server, stdin, stdout, started))
    except BrokenPipeError:
        log.error("Connection to the client is lost! Shutting down the server.")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        for server in started:
            server.shutdown()
