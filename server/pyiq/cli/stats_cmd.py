"""``pyiq stats``: progress per topic and level, as a table or JSON.

Answered, accuracy, mastered, due today and the current streak, read from
the progress store the quiz and the editor write to.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

from pyiq.cli.main import EXIT_OK, EXIT_USAGE
from pyiq.cli.quiz_cmd import add_data_dir, add_mastery_threshold, open_store


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="show quiz progress per topic and level",
        description="Answered questions, accuracy, mastered cards, reviews due today and "
        "streaks, per topic and level.",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    add_mastery_threshold(parser)
    add_data_dir(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pyiq.quiz.mastery import DEFAULT_THRESHOLD
    from pyiq.quiz.stats import compute
    from pyiq.quiz.store import Store

    store = open_store(args.data_dir)
    if not isinstance(store, Store):
        return EXIT_USAGE
    with store:
        stats = compute(store, threshold=args.mastery_threshold or DEFAULT_THRESHOLD)
    from pyiq.practice.progress import summary

    practice = summary(args.data_dir)
    if args.format == "json":
        data = stats.to_dict()
        data["practice"] = practice
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

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
        table.add_row(group.topic, group.level, *_numbers(group))
    table.add_section()
    table.add_row("all", "", *_numbers(stats.total), style="bold")
    console.print(table)
    days = stats.day_streak
    console.print(f"Day streak: {days} day{'s' if days != 1 else ''}.")
    _print_practice(console, practice)
    return EXIT_OK


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
