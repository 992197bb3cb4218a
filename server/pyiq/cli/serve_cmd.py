"""``pyiq serve``: the language server over stdio (default), TCP or WebSocket.

The LSP stack is imported only when this command runs, so other commands
never pay for pygls.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from pyiq.cli.main import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer


def _address(value: str) -> tuple[str, int]:
    """``HOST:PORT``, ``[IPv6]:PORT`` or ``:PORT`` (localhost); the port within 0-65535."""
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise argparse.ArgumentTypeError(
            f"expected HOST:PORT with a port from 0 to 65535, got {value!r}"
        )
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    elif "[" in host or "]" in host:
        raise argparse.ArgumentTypeError(f"expected [IPv6]:PORT, got {value!r}")
    return host or "127.0.0.1", int(port)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the language server (stdio by default)",
        description="Run the pyiq language server for editors.",
    )
    transport = parser.add_mutually_exclusive_group()
    transport.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (default)")
    transport.add_argument("--tcp", type=_address, metavar="HOST:PORT", help="listen on TCP")
    transport.add_argument("--ws", type=_address, metavar="HOST:PORT", help="listen on WebSocket")
    parser.add_argument("--log-file", help="write the server log to this file")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target = {"filename": args.log_file} if args.log_file else {"stream": sys.stderr}
    logging.basicConfig(
        **target,
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        # pygls logs every message at INFO: too slow and noisy while typing.
        logging.getLogger("pygls").setLevel(logging.WARNING)
    if not all(importlib.util.find_spec(name) for name in ("pygls", "lsprotocol")):
        print("pyiq serve: the language server needs pygls and lsprotocol", file=sys.stderr)
        return EXIT_USAGE
    if args.ws and importlib.util.find_spec("websockets") is None:
        print(
            "pyiq serve --ws: WebSocket support is not installed; run: pip install 'pyiq[ws]'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    with collector_paused():
        from pyiq.lsp import generated_code

        code_cache = generated_code.install()
        from pyiq.lsp import transport

        server = _create_server()

    def idle() -> None:
        free_start_garbage()
        if code_cache is not None:
            code_cache.save()

    if args.tcp:
        try:
            return transport.serve_tcp(server, *args.tcp, idle=idle)
        except OSError as exc:
            print(
                f"pyiq serve --tcp: cannot listen on {args.tcp[0]}:{args.tcp[1]}: {exc}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    if args.ws:
        idle()  # pygls' WebSocket loop has no idle hook
        server.start_ws(*args.ws)
        return EXIT_OK
    # exit after shutdown ends with 0, without shutdown with 1 (LSP specification).
    return transport.serve_stdio(server, idle=idle)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Starts the server without the cyclic garbage collector, then freezes what it built.

    Importing pygls and lsprotocol creates a hundred thousand objects (attrs
    classes, cattrs hooks) and compiling the rules more; the collector would
    traverse them again and again while they are made, though little of it
    is garbage. Everything made is moved to the permanent generation
    (``gc.freeze``), so the full collections that typing triggers later do
    not traverse it either. The little garbage among it (attrs' discarded
    classes, some 17,000 objects and 10 MB) is freed by
    :func:`free_start_garbage` once the server is idle: a collection over
    all of it takes 20-40 ms at start-up, which the user would otherwise
    wait for before the first diagnostics (about 50 ms when idle, once,
    with the first document's objects to traverse too). The collector is
    enabled again on the way out, also when the start fails.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def free_start_garbage() -> None:
    """Frees the garbage that :func:`collector_paused` froze, and freezes the rest again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _create_server() -> LanguageServer:
    from pyiq.lsp.server import create_server

    return create_server()
