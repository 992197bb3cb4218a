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

# Options whose value may start with "-" (``--answers -,-,-`` skips three
# questions); argparse would take such a value for an option.
DASH_VALUES = ("--answers",)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _CommandListFormatter(argparse.HelpFormatter):
    """Leaves room for the longest command name in ``pyiq --help``.

    argparse measures the command list before indenting it, so ``questions``
    would get its help on a line of its own.
    """

    def __init__(self, prog: str) -> None:
        super().__init__(prog)
        self._action_max_length = len("    questions")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; ``only`` registers that one command's module (see ``main``)."""
    parser = argparse.ArgumentParser(
        prog="pyiq",
        description="Python interview questions, where the code is.",
        formatter_class=_CommandListFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pyiq {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (only,) if only else COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def _attach_dash_values(argv: Sequence[str]) -> list[str]:
    """``--answers -,1`` as ``--answers=-,1``, so argparse reads the value as one."""
    out: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in DASH_VALUES and index + 1 < len(argv) and argv[index + 1].startswith("-"):
            out.append(f"{arg}={argv[index + 1]}")
            index += 2
            continue
        out.append(arg)
        index += 1
    return out


def _only_module(argv: Sequence[str]) -> str | None:
    """The module of the command the line names, when it is the first argument.

    Each module registers one command named as it is (``check`` in
    ``check_cmd``). Importing the nine other commands' modules (the bank, the
    quiz, the LSP stack) would delay the one that runs for nothing: an editor
    waits for ``pyiq serve``'s first diagnostics, a pre-commit hook for
    ``pyiq check``. A line that names no command (``pyiq --help``, a typo)
    builds the whole parser, so every command is listed.
    """
    if argv:
        name = f"pyiq.cli.{argv[0]}_cmd"
        if name in COMMAND_MODULES:
            return name
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_only_module(argv))
    args = parser.parse_args(_attach_dash_values(argv))
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
