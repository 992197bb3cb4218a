"""Command-line entry point.

Each subcommand lives in its own module under ``pyiq.cli`` and exposes
``register(subparsers)``; the module sets ``func`` on its parser to a callable
taking the parsed namespace and returning the exit status. Keeping commands in
separate modules means one command's heavy imports (the LSP stack, rich, the
quiz store) never slow down another.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from pyiq import __version__

# Modules that provide subcommands; a missing module is skipped so that a
# partial install still offers the commands it has.
COMMAND_MODULES: tuple[str, ...] = (
    "pyiq.cli.check_cmd",
    "pyiq.cli.rules_cmd",
    "pyiq.cli.explain_cmd",
    "pyiq.cli.questions_cmd",
    "pyiq.cli.serve_cmd",
    "pyiq.cli.quiz_cmd",
    "pyiq.cli.stats_cmd",
    "pyiq.cli.progress_cmd",
    "pyiq.cli.export_cmd",
    "pyiq.cli.practice_cmd",
)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pyiq",
        description="Python interview questions, where the code is.",
    )
    parser.add_argument("--version", action="version", version=f"pyiq {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `pyiq check | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return EXIT_OK
