"""``pyiq quiz``: questions about your own code, asked in the terminal.

The quiz is built by :func:`pyiq.quiz.build_quiz` from the findings in the
given files (or, without paths, from the bank: due reviews, then new
questions). On a terminal it is interactive; ``--answers`` (or answers
piped on stdin, one per line) answers it from a script; ``--format json``
prints the quiz (and, with answers, the verdicts) for programs. Every
answer is committed to the progress store as it is given.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pyiq.bank import LEVELS, BankError
from pyiq.cli.bank_access import bank_message
from pyiq.cli.main import EXIT_OK, EXIT_USAGE
from pyiq.lsp.quiz_length import (
    DEFAULT_QUIZ_LENGTH,
    QUIZ_LENGTH_MAX,
    QUIZ_LENGTH_MIN,
    valid_quiz_length,
)

if TYPE_CHECKING:
    from rich.console import Console

    from pyiq.quiz.model import QuizItem
    from pyiq.quiz.store import Store
    from pyiq.quiz.terminal import ScriptedAnswer

EXIT_NOTHING = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "quiz",
        help="quiz yourself on the constructs in your code",
        description="Ask multiple-choice questions about the constructs found in PATH "
        "(files or folders): predict-the-output questions built from your own code, and "
        "the bank's questions, bug risks first. Without PATH, review the bank: due "
        "questions first, then new ones. Answers are saved as they are given and "
        "scheduled for review (FSRS).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to quiz on")
    parser.add_argument(
        "--count",
        type=_quiz_length,
        default=DEFAULT_QUIZ_LENGTH,
        metavar="N",
        help=f"questions to ask, {QUIZ_LENGTH_MIN} to {QUIZ_LENGTH_MAX} "
        f"({DEFAULT_QUIZ_LENGTH}; the editor's quizLength setting)",
    )
    parser.add_argument("--level", choices=LEVELS, help="only questions of this level")
    parser.add_argument("--topic", metavar="T", help="only questions of this topic")
    parser.add_argument("--tag", metavar="TAG", help="only questions with this tag (e.g. gil)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="json prints the quiz (and verdicts, with --answers) instead of asking",
    )
    parser.add_argument(
        "--answers",
        metavar="LIST",
        help="answer without asking: comma-separated choices (1-based numbers or letters), "
        "each optionally rated as CHOICE:again|hard|good|easy, '-' to skip",
    )
    parser.add_argument(
        "--rate",
        action="store_true",
        help="after a right answer, rate it yourself (again/hard/good/easy) "
        "instead of by answer time",
    )
    parser.add_argument(
        "--no-predict",
        dest="predict",
        action="store_false",
        help="bank questions only, no predict-the-output questions",
    )
    add_mastery_threshold(parser)
    add_data_dir(parser)
    parser.set_defaults(func=run)


def add_mastery_threshold(parser: argparse.ArgumentParser) -> None:
    """``--mastery-threshold``: the recall probability at which a card counts as mastered."""
    parser.add_argument(
        "--mastery-threshold",
        type=_fraction,
        default=None,
        metavar="R",
        help="recall probability (0-1] at which a question counts as mastered (0.9)",
    )


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 1")
    return value


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """``--data-dir``, shared by every command that reads or writes progress."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where progress is stored (default: $PYIQ_DATA_DIR or the user data directory)",
    )


def _quiz_length(text: str) -> int:
    """``--count``: the range of the editor's ``quizLength``, so both accept the same."""
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or not valid_quiz_length(value):
        raise argparse.ArgumentTypeError(
            f"expected a whole number from {QUIZ_LENGTH_MIN} to {QUIZ_LENGTH_MAX}, got {text!r}"
        )
    return value


def open_store(data_dir: str | None) -> object | None:
    """The progress store, with its notices on stderr; None (after a message) if unusable."""
    from pyiq.quiz.store import Store, StoreError

    try:
        store = Store.open(data_dir=data_dir)
    except StoreError as exc:
        print(f"pyiq: {exc}", file=sys.stderr)
        return None
    for notice in store.notices:
        print(notice, file=sys.stderr)
    return store


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from pyiq.quiz.builder import QuizError, build_quiz
    from pyiq.quiz.mastery import DEFAULT_THRESHOLD
    from pyiq.quiz.store import Store
    from pyiq.quiz.terminal import parse_answer, run_scripted
    from pyiq.report.text import safe

    paths = [Path(p) for p in args.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"pyiq quiz: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    store = open_store(args.data_dir)
    if not isinstance(store, Store):
        return EXIT_USAGE
    skipped: list[str] = []
    with store:
        try:
            items = build_quiz(
                paths or None,
                store=store,
                count=args.count,
                level=args.level,
                topic=args.topic,
                tag=args.tag,
                predict=args.predict,
                threshold=args.mastery_threshold or DEFAULT_THRESHOLD,
                problems=skipped,
            )
        except BankError as exc:
            print(bank_message(exc), file=sys.stderr)
            return EXIT_USAGE
        except QuizError as exc:
            print(f"pyiq quiz: {exc}", file=sys.stderr)
            return EXIT_USAGE
        for problem in skipped:
            print(f"warning: {safe(problem)}, skipped", file=sys.stderr)
        if not items:
            print(_nothing_to_ask(args), file=sys.stderr)
            return EXIT_NOTHING

        scripted = None
        if args.answers is not None:
            specs = args.answers.split(",")
            try:
                scripted = [
                    parse_answer(spec, len(item.choices))
                    for spec, item in zip(specs, items, strict=False)
                ]
            except ValueError as exc:
                print(f"pyiq quiz: {exc}", file=sys.stderr)
                return EXIT_USAGE
            if len(specs) > len(items):
                print(
                    f"pyiq quiz: {len(specs)} answers for {len(items)} questions; "
                    "the extra ones are ignored",
                    file=sys.stderr,
                )

        if args.format == "json":
            output: dict[str, object] = {"items": [item.to_dict() for item in items]}
            if scripted is not None:
                given = iter(scripted)
                summary = run_scripted(
                    Console(stderr=True), items, store,
                    lambda _i, _item: next(given, None), show=False,
                )  # fmt: skip
                output["results"] = [v.to_dict() for v in summary.verdicts]
                output["summary"] = summary.to_dict()
            json.dump(output, sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
            return EXIT_OK

        return _quiz_and_say_what_next(Console(highlight=False), items, store, scripted, args)


def _nothing_to_ask(args: argparse.Namespace) -> str:
    """Why the quiz is empty, and the command that would ask something."""
    from pyiq.report.text import safe

    chosen = [("--level", args.level), ("--topic", args.topic), ("--tag", args.tag)]
    filters = " ".join(f"{flag} {shlex.quote(value)}" for flag, value in chosen if value)
    where = ", ".join(args.paths) if args.paths else "the bank"
    message = f"pyiq quiz: no question to ask about {where}" + (
        f" with {filters}" if filters else ""
    )
    if args.paths:
        message += f"; `{' '.join(['pyiq quiz', filters]).strip()}` asks the bank's questions"
    elif filters:
        message += "; `pyiq questions` lists the bank (--level, --tag)"
    return safe(message)


def _quiz_and_say_what_next(
    console: Console,
    items: list[QuizItem],
    store: Store,
    scripted: list[ScriptedAnswer] | None,
    args: argparse.Namespace,
) -> int:
    """Asks the quiz in the terminal, then names the next review and the command for it."""
    from pyiq.quiz.terminal import parse_answer, render_next, run_interactive, run_scripted
    from pyiq.report.text import safe

    if scripted is not None:
        given = iter(scripted)
        run_scripted(console, items, store, lambda _i, _item: next(given, None))
    elif sys.stdin.isatty():
        run_interactive(console, items, store, rate=args.rate)
    else:
        lines = iter(sys.stdin)
        refused: list[str] = []

        def from_stdin(_index: int, item: QuizItem) -> ScriptedAnswer | None:
            for line in lines:
                if line.strip():
                    try:
                        return parse_answer(line, len(item.choices))
                    except ValueError as exc:  # stop here; the summary still comes
                        refused.append(str(exc))
                        return None
            return None

        run_scripted(console, items, store, from_stdin)
        if refused:
            print(f"pyiq quiz: {safe(refused[0])}", file=sys.stderr)
            return EXIT_USAGE
    code_command = shlex.join(["pyiq", "quiz", *args.paths]) if args.paths else None
    for line in render_next(store, code_command):
        console.print(line, soft_wrap=True)  # a command to copy: never broken by rich
    return EXIT_OK
