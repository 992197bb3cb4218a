"""``pyiq stats``: progress per topic and level, as a table or JSON.

Answered, accuracy, mastered, due today and the current streak, read from
the progress store the quiz and the editor write to; and the concepts
mastered, whose hints the editor hides (so a user who wonders why the
hints thinned out reads it here, and how to bring them back).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from pyiq.quiz.stats import Stats

from pyiq.cli.main import EXIT_OK, EXIT_USAGE
from pyiq.cli.quiz_cmd import add_data_dir, add_mastery_threshold, open_store


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="show quiz progress per topic and level",
        description="Answered questions, accuracy, mastered cards, reviews due today and "
        "streaks, per topic and level; then what to study next: the reviews due (or when "
        "the next one is) and your weakest topic, each with the command that quizzes it.",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    add_mastery_threshold(parser)
    add_data_dir(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pyiq.analysis.registry import load_registry
    from pyiq.quiz.mastery import DEFAULT_THRESHOLD, mastered_concepts
    from pyiq.quiz.stats import compute
    from pyiq.quiz.store import Store
    from pyiq.quiz.terminal import render_next

    store = open_store(args.data_dir)
    if not isinstance(store, Store):
        return EXIT_USAGE
    threshold = args.mastery_threshold or DEFAULT_THRESHOLD
    with store:
        stats = compute(store, threshold=threshold)
        quieted = mastered_concepts(store, load_registry(), threshold)
        following = render_next(store)
    from pyiq.practice.progress import summary

    practice = summary(args.data_dir)
    if args.format == "json":
        data = {**stats.to_dict(), "mastered_concepts": [rule.id for rule in quieted]}
        data["practice"] = practice
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    from pyiq.terminal_text import markup

    console = Console(highlight=False)
    if not stats.groups:
        console.print("No answers yet: run `pyiq quiz PATH` to start.")
        _print_practice(console, practice)
        return EXIT_OK
    table = Table(title="pyiq progress", title_justify="left")
    table.add_column("topic")
    table.add_column("level")
    for name in ("answered", "accuracy", "mastered", "due today", "streak"):
        table.add_column(name, justify="right")
    for group in stats.groups:
        # Topics and levels may come from an imported progress file.
        table.add_row(markup(group.topic), markup(group.level), *_numbers(group))
    table.add_section()
    table.add_row("all", "", *_numbers(stats.total), style="bold")
    console.print(table)
    days = stats.day_streak
    console.print(f"Day streak: {days} day{'s' if days != 1 else ''}.")
    if quieted:
        names = ", ".join(rule.name for rule in quieted)
        count = len(quieted)
        console.print(
            f"Mastered {count} concept{'s' if count != 1 else ''}, their editor hints hidden: "
            f"{names}. The setting or command pyiq.showMastered shows them again.",
            markup=False,
        )
    _print_next(console, following, stats)
    _print_practice(console, practice)
    return EXIT_OK


def _print_next(console: Console, following: list[Text], stats: Stats) -> None:
    """What to study next: the reviews due (or when the next one is) and the weakest topic."""
    from pyiq.bank import BankError, load_bank

    for line in following:
        console.print(line, soft_wrap=True)
    try:
        topics = load_bank().topics
    except BankError:
        return
    weak = [
        group
        for group in stats.groups
        if group.accuracy is not None and group.accuracy < 1 and group.topic in topics
    ]
    if not weak:
        return
    worst = min(weak, key=lambda g: (g.accuracy, -g.answered, g.topic))
    percent = round(100 * (worst.accuracy or 0))
    console.print(
        f"Study next: {worst.topic} ({percent}% right of {worst.answered}): "
        f"pyiq quiz --topic {worst.topic}",
        markup=False,
        soft_wrap=True,
    )


def _print_practice(console: Console, practice: dict[str, int]) -> None:
    if not practice["runs"]:
        console.print(
            f"Live coding: {practice['exercises']} exercises; start with `pyiq practice`."
        )
        return
    console.print(
        f"Live coding: {practice['solved']} of {practice['exercises']} exercises solved, "
        f"{practice['attempted']} in progress, {practice['due']} due for review "
        f"({practice['runs']} test run{'s' if practice['runs'] != 1 else ''})."
    )


def _numbers(group: object) -> list[str]:
    from pyiq.quiz.stats import GroupStats

    assert isinstance(group, GroupStats)
    accuracy = "—" if group.accuracy is None else f"{round(100 * group.accuracy)}%"
    return [
        str(group.answered),
        accuracy,
        f"{group.mastered}/{group.cards}",
        str(group.due_today),
        str(group.streak),
    ]
