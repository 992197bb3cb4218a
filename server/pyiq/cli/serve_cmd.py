"""``pyiq serve``: the language server over stdio (default), TCP or WebSocket.

The LSP stack is imported only when this command runs, so other commands
never pay for pygls.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import sys
from typing import TYPE_CHECKING

from pyiq.cli.main import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer


def _address(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {value!r}")
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
    if not (args.tcp or args.ws):
        # Imports the LSP stack only once initialize is answered.
        from pyiq.lsp.stdio import serve

        serve(_create_server)
        return EXIT_OK
    server = _create_server()
    if args.tcp:
        server.start_tcp(*args.tcp)
    else:
        server.start_ws(*args.ws)
    return EXIT_OK


def _create_server() -> LanguageServer:
    from pyiq.lsp.server import create_server

    return create_server()
