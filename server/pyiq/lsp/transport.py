"""Framing JSON-RPC messages so that no byte a client sends can end the server.

pygls reads stdin and hands each message to its protocol (``start_io``);
pyiq keeps pygls' reader (``StdinAsyncReader``-like: stdin read in pygls'
thread pool) and writer but frames messages with :func:`run_messages`,
which survives what pygls' own loop does not forgive:

* a header line longer than ``LINE_LIMIT`` is discarded, not buffered
  without end (asyncio streams raise on it, ending the loop);
* each frame is read in one hop to the worker thread, not one per header
  line and body;
* ``Content-Length`` is matched without regard to case, as HTTP header
  names are; a missing, non-numeric or oversized length is logged and the
  reader resynchronizes on the next ``Content-Length`` header, even one
  glued to the end of a body;
* a body that is not JSON, or not a valid message, is logged; when it is a
  request (it has an ``id`` and a ``method``) the client gets a JSON-RPC
  error for it, so it never waits for an answer;
* errors are logged, never shown as a popup (see ``PyiqServer.report_server_error``).

``exit`` ends the process with 0 after ``shutdown`` and 1 without, as the
specification says: :func:`serve_stdio` returns that code.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Awaitable, Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from threading import Event
from typing import TYPE_CHECKING, BinaryIO, Protocol

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no fcntl
    fcntl = None  # type: ignore[assignment]

from pygls.exceptions import JsonRpcException, JsonRpcInternalError, JsonRpcInvalidRequest
from pygls.io_ import StdoutWriter

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer
    from pygls.protocol import JsonRPCProtocol

log = logging.getLogger(__name__)

# Header lines are short; anything longer is garbage and is dropped in pieces.
LINE_LIMIT = 1 << 16
# The largest body accepted: a didOpen of a file well past any size limit.
BODY_LIMIT = 1 << 30
CHUNK = 1 << 20
# Linux's default ceiling for an unprivileged process (/proc/sys/fs/pipe-max-size).
PIPE_SIZE = 1 << 20
_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*(\S*)[ \t]*\r?\n?$", re.IGNORECASE)
_LENGTH_ANYWHERE = re.compile(rb"content-length[ \t]*:", re.IGNORECASE)
# Seconds without a message after which the server counts as idle.
IDLE_AFTER = 0.25


class Reader(Protocol):
    def readline(self) -> Awaitable[bytes]: ...

    def readexactly(self, n: int) -> Awaitable[bytes]: ...


class ThreadedStdin:
    """stdin read in pygls' thread pool, as its ``StdinAsyncReader``, one hop per message.

    pygls hops to a worker thread and back for each header line and each
    body; here the whole frame is read in one hop (:func:`read_body_blocking`).
    """

    def __init__(self, stdin: BinaryIO, executor: ThreadPoolExecutor | None = None) -> None:
        self.stdin = stdin
        self.executor = executor

    def read_body(self) -> Awaitable[bytes | None]:
        loop = asyncio.get_running_loop()
        return loop.run_in_executor(self.executor, read_body_blocking, self.stdin)


# What the framer asks its driver for: a header line, or n bytes of body.
LINE = -1
# What a driver sends for a line the stream dropped as overlong.
DROPPED = None

Framer = Generator[int, "bytes | None", "bytes | None"]


def _length_of(line: bytes) -> int | str | None:
    """The Content-Length a header line gives; None if it is another header, 'bad' if invalid."""
    start = _LENGTH_ANYWHERE.search(line)
    if start is None:
        return None
    match = _LENGTH.match(line, start.start())
    value = match.group(1) if match else b""
    if not value.isdigit() or len(value) > 12:
        return "bad"
    return int(value)


def _header_line() -> Generator[int, bytes | None, bytes | None]:
    """The next header line (b'' at end of input); None for an overlong line, dropped."""
    line = yield LINE
    if line is DROPPED:  # an asyncio stream past its limit dropped it already
        return None
    if len(line) >= LINE_LIMIT and not line.endswith(b"\n"):
        rest: bytes | None = line
        while True:
            rest = yield LINE
            if not rest or rest.endswith(b"\n"):
                break
        log.warning("dropped a header line longer than %d bytes", LINE_LIMIT)
        # The next message's header may be glued to the end (after a body
        # longer than its Content-Length said): keep it, to resynchronize.
        glued = _LENGTH_ANYWHERE.search(rest or b"")
        return rest[glued.start() :] if glued and rest else None
    return line


def framer() -> Framer:
    """Reads one message body (None at end of input), asking its driver for lines and bytes.

    A generator, so the same framing drives a blocking stdin in one thread
    hop per message (:func:`read_body_blocking`) and an asyncio stream
    (:func:`read_body`). Malformed frames are logged and skipped.
    """
    length: int | None = None
    while True:
        line = yield from _header_line()
        if line is None:
            continue
        if not line:
            return None
        if not line.strip():
            if length is None:
                continue  # a blank line without a length: nothing to read
            if length > BODY_LIMIT:
                log.warning("skipped a message of %d bytes (limit %d)", length, BODY_LIMIT)
                left = length
                while left > 0:
                    piece = yield min(left, CHUNK)
                    if not piece:
                        return None
                    left -= len(piece)
                length = None
                continue
            body = (yield length) if length else b""
            if body is None or len(body) < length:
                return None
            return body
        found = _length_of(line)
        if found == "bad":
            log.warning("ignored a message with an invalid header: %r", line[:80])
            length = None
        elif found is not None:
            # A new length, maybe after a body that had none: resynchronized.
            length = int(found)


def read_body_blocking(stdin: BinaryIO) -> bytes | None:
    """The next message from a blocking stream (run in a worker thread)."""
    frames = framer()
    try:
        request = next(frames)
        while True:
            data = stdin.readline(LINE_LIMIT) if request == LINE else stdin.read(request)
            request = frames.send(data)
    except StopIteration as done:
        return done.value


async def _bounded_line(reader: Reader) -> bytes | None:
    """The next line, or its next ``LINE_LIMIT`` bytes when longer, as ``readline(LINE_LIMIT)``.

    ``StreamReader.readline`` throws away a whole line past the stream's
    limit, and with it the next message's header when a body longer than
    its ``Content-Length`` glued one to its end; reading the line in pieces,
    as the blocking reader does, lets the framer find that header in the
    last piece. A reader without ``readuntil`` falls back to ``readline``.
    """
    readuntil = getattr(reader, "readuntil", None)
    if readuntil is None:
        try:
            return await reader.readline()
        except ValueError:  # past the stream's limit: the line is dropped
            return DROPPED
    try:
        return bytes(await readuntil(b"\n"))
    except asyncio.IncompleteReadError as exc:
        return bytes(exc.partial)
    except asyncio.LimitOverrunError as exc:
        # The separator is further than the limit (or not buffered yet): the
        # bytes before it stay in the buffer; take one piece of them.
        return bytes(await reader.readexactly(max(1, min(exc.consumed, LINE_LIMIT))))


async def read_body(reader: Reader) -> bytes | None:
    """The next message from an asyncio stream (TCP)."""
    frames = framer()
    try:
        request = next(frames)
        while True:
            data: bytes | None
            if request == LINE:
                data = await _bounded_line(reader)
            else:
                try:
                    data = await reader.readexactly(request)
                except asyncio.IncompleteReadError as exc:
                    data = exc.partial
            request = frames.send(data)
    except StopIteration as done:
        return done.value


def _reply_error(protocol: JsonRPCProtocol, body: bytes, error: JsonRpcException) -> None:
    """Answers a malformed request with ``error``; notifications and garbage are only logged."""
    try:
        raw = json.loads(body)
    except (ValueError, RecursionError):
        return
    if not isinstance(raw, dict) or "method" not in raw:
        return
    msg_id = raw.get("id")
    if isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool):
        protocol._send_response(msg_id, None, error.to_response_error())


def handle_body(protocol: JsonRPCProtocol, body: bytes) -> None:
    """Decodes and dispatches one message; every failure is logged, requests answered."""
    try:
        message = json.loads(body, object_hook=protocol.structure_message)
    except JsonRpcException as exc:
        log.warning("invalid message (%s): %.200r", exc, body)
        _reply_error(protocol, body, exc)
        return
    except (ValueError, RecursionError) as exc:
        log.warning("message is not JSON (%s): %.200r", exc, body)
        return
    if not hasattr(message, "jsonrpc"):
        log.warning("not a JSON-RPC message: %.200r", body)
        _reply_error(protocol, body, JsonRpcInvalidRequest())
        return
    try:
        protocol.handle_message(message)
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:
        log.exception("failed to handle %.200r", body)
        _reply_error(protocol, body, JsonRpcInternalError(str(exc)))


async def run_messages(
    stop: Event,
    reader: Reader | ThreadedStdin,
    protocol: JsonRPCProtocol,
    idle: Callable[[], None] | None = None,
) -> None:
    """Reads and handles messages until ``stop`` is set or input ends.

    ``idle`` runs once, the first time no message has arrived for
    ``IDLE_AFTER`` seconds: work that nobody should wait for (see
    ``serve_cmd.free_start_garbage``).
    """
    while not stop.is_set():
        if isinstance(reader, ThreadedStdin):
            read: Awaitable[bytes | None] = reader.read_body()
        else:
            read = read_body(reader)
        if idle is not None:
            read = asyncio.ensure_future(read)
            done, _ = await asyncio.wait({read}, timeout=IDLE_AFTER)
            if not done:
                _run_idle(idle)
                idle = None
        body = await read
        if body is None:
            return
        handle_body(protocol, body)


def _run_idle(idle: Callable[[], None]) -> None:
    try:
        idle()
    except Exception:
        log.exception("idle work failed")


def _run(server: LanguageServer, main: Callable[[], Awaitable[None]]) -> int:
    """Runs ``main`` on a fresh loop; the exit code ``exit`` asked for (0 at end of input)."""
    code = 0
    try:
        asyncio.run(main())
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BrokenPipeError:
        log.error("connection to the client is lost; shutting down")
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return code


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


def serve_stdio(
    server: LanguageServer,
    stdin: BinaryIO | None = None,
    idle: Callable[[], None] | None = None,
) -> int:
    """Serves over stdin/stdout as pygls' ``start_io``, with :func:`run_messages` framing."""
    stop = server._stop_event = Event()
    reader = ThreadedStdin(stdin or sys.stdin.buffer, server.thread_pool)
    widen_pipe(sys.stdout.buffer)
    server.protocol.set_writer(StdoutWriter(sys.stdout.buffer))
    return _run(server, lambda: run_messages(stop, reader, server.protocol, idle))


def serve_tcp(
    server: LanguageServer, host: str, port: int, idle: Callable[[], None] | None = None
) -> int:
    """Serves one client at a time over TCP, framed as over stdio."""
    stop = server._stop_event = Event()
    pending = [idle] if idle is not None else []

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        server.protocol.set_writer(writer)  # type: ignore[arg-type]
        await run_messages(stop, reader, server.protocol, pending.pop() if pending else None)

    async def main() -> None:
        listener = await asyncio.start_server(connection, host, port, limit=LINE_LIMIT)
        names = ", ".join(str(sock.getsockname()) for sock in listener.sockets)
        log.info("serving on %s", names)
        async with listener:
            await listener.serve_forever()

    return _run(server, main)
