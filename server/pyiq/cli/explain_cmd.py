"""``pyiq explain ID``: a question (or every question behind a rule) in the terminal.

ID is a question id or an analysis rule id, the code ``pyiq check`` prints,
so a finding leads straight to its explanation. Markdown is rendered with
rich on a terminal and printed as-is otherwise, so ``pyiq explain X | less``
and redirects get clean text.
"""

from __future__ import annotations

import argparse
import sys

from pyiq.bank.markdown import SEPARATOR, question_markdown, rule_markdown
from pyiq.bank.rules import known_rules
from pyiq.bank.suggest import suggestion_text
from pyiq.cli.bank_access import bank_or_report
from pyiq.cli.main import EXIT_OK, EXIT_USAGE


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "explain",
        help="show a question and its answer, or the questions behind a rule",
        description="Show a bank question (by question id) or a rule and its linked "
        "questions (by rule id), with the answer, a runnable example and its output.",
    )
    parser.add_argument("id", metavar="ID", help="question id or rule id")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    bank = bank_or_report()
    if bank is None:
        return EXIT_USAGE
    wanted: str = args.id.strip()
    rules = known_rules() or {}
    rule = rules.get(wanted)
    linked = bank.for_rule(wanted)
    if rule is not None or linked:
        text = rule_markdown(wanted, rule, linked, bank)
        own = bank.get(wanted)
        if own is not None and own not in linked:  # a question sharing the rule's id
            text = text.rstrip("\n") + SEPARATOR + question_markdown(own, bank)
    elif wanted in bank:
        text = question_markdown(bank.questions[wanted], bank)
    else:
        hint = suggestion_text(wanted, [*bank.questions, *rules])
        print(
            f"pyiq explain: unknown question or rule id {wanted!r}{hint}; "
            "`pyiq questions TEXT` searches the bank",
            file=sys.stderr,
        )
        return EXIT_USAGE
    show(text)
    return EXIT_OK


def show(markdown: str) -> None:
    """Render on a terminal; plain Markdown text when piped or redirected."""
    if not sys.stdout.isatty():
        sys.stdout.write(markdown)
        return
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(markdown, code_theme="monokai"))
