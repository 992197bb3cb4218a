"""``pyiq export --anki DECK.apkg``: the bank (or a folder's questions) as an Anki deck.

With PATHs, the deck holds the questions linked to the constructs found
there, the ones a quiz on those files draws from; without, the whole bank
(narrowed by ``--level`` and ``--topic``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pyiq.bank import LEVELS
from pyiq.bank.suggest import suggestion_text
from pyiq.cli.bank_access import bank_or_report
from pyiq.cli.main import EXIT_OK, EXIT_USAGE

EXIT_NOTHING = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export questions as an Anki deck",
        description="Write an Anki deck (.apkg) of the bank's questions, or of the questions "
        "linked to the constructs found in PATHs.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (optional)")
    parser.add_argument("--anki", required=True, metavar="DECK.apkg", help="the deck file to write")
    parser.add_argument("--deck-name", default=None, metavar="NAME", help="deck name in Anki")
    parser.add_argument("--level", choices=LEVELS, help="only questions of this level")
    parser.add_argument("--topic", metavar="T", help="only questions of this topic")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pyiq.quiz.anki import write_deck

    bank = bank_or_report()
    if bank is None:
        return EXIT_USAGE
    if args.topic is not None and args.topic not in bank.topics:
        hint = suggestion_text(args.topic, list(bank.topics))
        print(f"pyiq export: unknown topic {args.topic!r}{hint}", file=sys.stderr)
        return EXIT_USAGE
    paths = [Path(p) for p in args.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"pyiq export: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if paths:
        from pyiq.quiz.builder import quiz_sites
        from pyiq.quiz.cards import linked_questions

        seen: dict[str, object] = {}
        for site in quiz_sites(paths):
            for question in linked_questions(bank, site.rule):
                seen.setdefault(question.id, question)
        questions = [q for q in bank if q.id in seen]
        name = args.deck_name or f"pyiq: {', '.join(p.name or str(p) for p in paths)}"
    else:
        questions = list(bank)
        name = args.deck_name or "pyiq: Python interview questions"
    questions = [
        q
        for q in questions
        if (args.level is None or q.level == args.level)
        and (args.topic is None or q.topic == args.topic)
    ]
    if not questions:
        print("pyiq export: no question to export", file=sys.stderr)
        return EXIT_NOTHING
    target = Path(args.anki)
    try:
        count = write_deck(questions, target, name)
    except OSError as exc:
        print(f"pyiq export: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {count} question{'s' if count != 1 else ''} to {target}", file=sys.stderr)
    return EXIT_OK
