"""``pyiq questions``: list or search the bank, as text for people or JSON for scripts.

Text output is one question per line (``id  level  question``) so it works
with grep and cut; JSON output is the full records. The exit status is 1
when nothing matches, like grep, so scripts can branch on it.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from pyiq.bank import LEVELS, Bank, Question
from pyiq.bank.rules import known_rules
from pyiq.bank.suggest import suggestion_text
from pyiq.cli.bank_access import bank_or_report
from pyiq.cli.main import EXIT_OK, EXIT_USAGE

EXIT_NO_MATCH = 1  # like grep: nothing matched


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "questions",
        help="list or search the question bank",
        description="List the bank's questions, optionally filtered by free text, tag, "
        "level or rule id. Exit status 1 when nothing matches.",
    )
    parser.add_argument("text", nargs="?", metavar="TEXT", help="words to search for")
    parser.add_argument("--tag", metavar="T", help="only questions with this tag")
    parser.add_argument("--level", choices=LEVELS, help="only questions of this level")
    parser.add_argument("--rule", metavar="R", help="only questions linked to this rule id")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    bank = bank_or_report()
    if bank is None:
        return EXIT_USAGE
    error = _unknown_filter(bank, args.tag, args.rule)
    if error:
        print(f"pyiq questions: {error}", file=sys.stderr)
        return EXIT_USAGE
    found = bank.search(args.text, tag=args.tag, level=args.level, rule=args.rule)
    if args.format == "json":
        json.dump([_as_json(q) for q in found], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(found))
    if not found:
        print("pyiq questions: no question matches", file=sys.stderr)
        return EXIT_NO_MATCH
    return EXIT_OK


def _unknown_filter(bank: Bank, tag: str | None, rule: str | None) -> str | None:
    """An error for a tag or rule id that cannot match anything, with a suggestion.

    A typo would otherwise look like "no results" and send the user looking
    for content that exists.
    """
    if tag is not None and not bank.by_tag(tag):
        return f"unknown tag {tag!r}{suggestion_text(tag, bank.tags)}"
    if rule is not None:
        rules = known_rules()
        valid = set(rules) if rules is not None else set(bank.rules)
        if rule not in valid:
            return f"unknown rule id {rule!r}{suggestion_text(rule, valid)}"
    return None


def format_table(questions: list[Question]) -> str:
    """``id  level  question`` lines, columns aligned."""
    if not questions:
        return ""
    width = max(len(q.id) for q in questions)
    level_width = max(len(level) for level in LEVELS)
    return "".join(f"{q.id:<{width}}  {q.level:<{level_width}}  {q.question}\n" for q in questions)


def _as_json(question: Question) -> dict[str, object]:
    return dataclasses.asdict(question)
