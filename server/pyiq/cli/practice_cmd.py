"""``pyiq practice``: live-coding exercises graded by their tests.

``pyiq practice`` lists the exercises with the learner's status;
``pyiq practice ID`` writes the stub to ``practice/<id>.py`` (never over
existing work) and shows the task; ``pyiq practice test FILE`` runs the
exercise's tests against the file in a limited process and prints each
verdict with the call, the expected and the actual value; ``--hint`` and
``--solution`` help when stuck. Exit codes follow ``pyiq check``: 0 all
tests pass, 1 some fail, 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pyiq.cli.main import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from pyiq.cli.quiz_cmd import add_data_dir

if TYPE_CHECKING:
    from rich.console import Console

    from pyiq.practice.model import Exercise, RunResult
    from pyiq.practice.progress import Recorded

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "practice",
        help="live-coding exercises: list, start, test",
        description="Live-coding practice. `pyiq practice` lists exercises; `pyiq practice ID` "
        "writes the stub to practice/ID.py; `pyiq practice test FILE` runs the exercise's "
        "tests on FILE.",
    )
    parser.add_argument(
        "words",
        nargs="*",
        metavar="ID | test FILE",
        help="an exercise id to start, or `test FILE` to run its tests",
    )
    parser.add_argument("--hint", action="store_true", help="show the next hint for ID or FILE")
    parser.add_argument(
        "--solution",
        action="store_true",
        help="show the reference solution (after at least one test run)",
    )
    parser.add_argument(
        "--dir",
        default=".",
        metavar="DIR",
        help="the workspace the practice/ folder goes in (default: the current directory)",
    )
    parser.add_argument("--level", choices=("junior", "mid", "senior"), help="list only this level")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="json prints the list, the new file or the test verdicts for programs (text)",
    )
    add_data_dir(parser)
    parser.set_defaults(func=run)


def _safe(text: object) -> str:
    """Text from a learner's file or an exercise, with markup and control characters defused."""
    from rich.markup import escape

    return escape(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text)))


def _console() -> Console:
    from rich.console import Console as RichConsole

    return RichConsole(highlight=False, soft_wrap=False)


def run(args: argparse.Namespace) -> int:
    from pyiq.practice.loader import load_exercises

    exercises = load_exercises()
    if not exercises:
        print("pyiq practice: no exercises found beside the question bank", file=sys.stderr)
        return EXIT_USAGE
    words = list(args.words)
    if not words:
        if args.hint or args.solution:
            print("pyiq practice: --hint and --solution need an exercise id", file=sys.stderr)
            return EXIT_USAGE
        return _list(exercises, args)
    if words[0] == "test":
        if len(words) != 2:
            print("pyiq practice: usage: pyiq practice test FILE", file=sys.stderr)
            return EXIT_USAGE
        return _test(exercises, Path(words[1]), args)
    if len(words) != 1:
        print("pyiq practice: expected one exercise id", file=sys.stderr)
        return EXIT_USAGE
    exercise = exercises.get(words[0])
    if exercise is None:
        # A path to a practice file works for --hint/--solution too.
        exercise = _exercise_of_file(exercises, Path(words[0]))
    if exercise is None:
        close = [i for i in exercises if words[0] in i]
        hint = f" (did you mean {', '.join(close[:3])}?)" if close else ""
        print(
            f"pyiq practice: unknown exercise {_plain(words[0])!r}{hint}; "
            "`pyiq practice` lists them",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.hint:
        return _hint(exercise, args)
    if args.solution:
        return _solution(exercise, args)
    return _start(exercise, args)


def _exercise_of_file(exercises: dict[str, Exercise], path: Path) -> Exercise | None:
    from pyiq.practice.workspace import identify

    try:
        with open(path, "rb") as handle:
            head = handle.read(2048)
    except OSError:
        return None
    return identify(path, head, exercises)


def _list(exercises: dict[str, Exercise], args: argparse.Namespace) -> int:
    from pyiq.practice.order import learner_order
    from pyiq.practice.progress import PracticeLog, PracticeLogError

    try:
        statuses = PracticeLog(args.data_dir).statuses()
    except PracticeLogError as exc:
        print(f"pyiq practice: {exc}", file=sys.stderr)
        statuses = {}
    chosen = learner_order(
        (e for e in exercises.values() if not args.level or e.level == args.level), statuses
    )
    if args.format == "json":
        rows = []
        for e in chosen:
            status = statuses.get(e.id)
            rows.append(
                {
                    "id": e.id,
                    "title": e.title,
                    "level": e.level,
                    "topic": e.topic,
                    "status": status.label() if status else "new",
                    "attempts": status.attempts if status else 0,
                    "due": status.due.isoformat() if status and status.due else None,
                }
            )
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    from rich import box
    from rich.table import Table

    console = _console()
    rows = []
    for e in chosen:
        status = statuses.get(e.id)
        rows.append(
            (
                e.id,
                e.level,
                _safe(e.topic),
                status.label() if status else "new",
                str(status.attempts) if status else "0",
                _safe(e.title),
            )
        )
    # The id is what the user types next: never cut it, nor the status. The title goes
    # first (shown only where at least 20 columns are left for it, wrapped), then the
    # runs; the topic is cut short last, with an ellipsis.
    widths = [
        max([len(header), *(len(row[i]) for row in rows)]) for i, header in enumerate(_HEADERS)
    ]
    fixed = sum(widths[:-1]) + 2 * len(_HEADERS) + 2
    with_title = console.width - fixed >= 20
    shown = list(range(len(_HEADERS) - 1))
    for header in ("runs", "level", "topic"):  # what a narrower terminal drops, in turn
        # The runs go before the topic is cut; after that the topic may be cut to 8.
        short = 8 if header != "runs" else widths[_HEADERS.index("topic")]
        need = sum(min(widths[i], short) if _HEADERS[i] == "topic" else widths[i] for i in shown)
        if with_title or need + 2 * len(shown) + 2 <= console.width:
            break
        shown.remove(_HEADERS.index(header))
    table = Table(title="pyiq practice", title_justify="left", box=box.SIMPLE_HEAD)
    for i in shown:
        header = _HEADERS[i]
        table.add_column(
            header,
            no_wrap=header != "topic",  # the one column rich may narrow (one-word topics)
            overflow="ellipsis",
            min_width=None if header == "topic" else widths[i],
            justify="right" if header == "runs" else "left",
        )
    if with_title:
        table.add_column("title", overflow="fold")
        shown.append(len(_HEADERS) - 1)
    for row in rows:
        table.add_row(*(row[i] for i in shown))
    console.print(table)
    console.print("Start one with `pyiq practice ID`.")
    return EXIT_OK


_HEADERS = ("id", "level", "topic", "status", "runs", "title")


def _start(exercise: Exercise, args: argparse.Namespace) -> int:
    from pyiq.practice.progress import PracticeLog, PracticeLogError
    from pyiq.practice.workspace import scaffold

    try:
        made = scaffold(exercise, args.dir)
    except OSError as exc:
        print(f"pyiq practice: cannot write the stub: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with_log = True
    try:
        PracticeLog(args.data_dir).started(exercise)
    except PracticeLogError as exc:
        print(f"pyiq practice: {exc}", file=sys.stderr)
        with_log = False
    if args.format == "json":
        json.dump({"path": str(made.path), "created": made.created}, sys.stdout)
        sys.stdout.write("\n")
        return EXIT_OK
    console = _console()
    ex = exercise
    console.print(f"[bold]{_safe(ex.title)}[/] ({ex.level}, {ex.topic})\n")
    console.print(_safe(ex.statement) + "\n")
    if made.created:
        console.print(f"Wrote {_safe(made.path)}.")
    else:
        console.print(f"{_safe(made.path)} already exists: your work there is kept.")
    console.print(
        f"Run the tests: pyiq practice test {_safe(made.path)}"
        + ("" if with_log else " (progress is not being recorded)")
    )
    return EXIT_OK


def _hint(exercise: Exercise, args: argparse.Namespace) -> int:
    from pyiq.practice.progress import PracticeLog, PracticeLogError

    try:
        found = PracticeLog(args.data_dir).next_hint(exercise)
    except PracticeLogError as exc:
        print(f"pyiq practice: {exc}", file=sys.stderr)
        return EXIT_USAGE
    hints = exercise.hints
    console = _console()
    if found is None:
        console.print(
            f"All {len(hints)} hints shown already. Last one:\n  {_safe(hints[-1])}\n"
            f"Still stuck? `pyiq practice {exercise.id} --solution` after a test run."
        )
        return EXIT_OK
    number, text = found
    console.print(f"Hint {number} of {len(hints)}: {_safe(text)}")
    return EXIT_OK


def _solution(exercise: Exercise, args: argparse.Namespace) -> int:
    from pyiq.practice.progress import PracticeLog, PracticeLogError

    log = PracticeLog(args.data_dir)
    try:
        attempted = log.attempted(exercise)
        if attempted:
            log.solution_shown(exercise)
    except PracticeLogError as exc:
        print(f"pyiq practice: {exc}", file=sys.stderr)
        return EXIT_USAGE
    ex = exercise
    if not attempted:
        print(
            f"pyiq practice: run the tests at least once first "
            f"(pyiq practice test {ex.file_name}); a hint: pyiq practice {ex.id} --hint",
            file=sys.stderr,
        )
        return EXIT_USAGE
    console = _console()
    console.print(
        f"Reference solution for {_safe(ex.title)} "
        f"(time {ex.time_complexity}, space {ex.space_complexity}). "
        "Seeing it counts as 'again' at your next passing run.\n"
    )
    from rich.syntax import Syntax

    if not console.is_terminal:
        # Piped or redirected: the code exactly as written, to copy, never cut at a width.
        sys.stdout.write(ex.solution if ex.solution.endswith("\n") else ex.solution + "\n")
        return EXIT_OK
    console.print(Syntax(ex.solution, "python", theme="ansi_dark", word_wrap=True))
    return EXIT_OK


def _test(exercises: dict[str, Exercise], path: Path, args: argparse.Namespace) -> int:
    from pyiq.practice.grader import run_tests
    from pyiq.practice.progress import PracticeLog, PracticeLogError
    from pyiq.practice.workspace import identify

    try:
        if not path.exists():
            raise OSError("no such file")
        if not path.is_file():
            raise OSError("not a file")
        if path.stat().st_size > 1024 * 1024:
            raise OSError("larger than 1 MB, not a practice file")
        source = path.read_bytes()
    except OSError as exc:
        print(f"pyiq practice: cannot read {_plain(path)}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    exercise = identify(path, source, exercises)
    if exercise is None:
        print(
            f"pyiq practice: {_plain(path)} is not a practice file: it needs a first line "
            "`# pyiq practice: ID` or the name practice/ID.py",
            file=sys.stderr,
        )
        return EXIT_USAGE
    result = run_tests(exercise, source)
    recorded = None
    notice = ""
    try:
        recorded = PracticeLog(args.data_dir).record(exercise, result, str(path.resolve()))
        notice = recorded.notice
    except PracticeLogError as exc:
        notice = f"the run was not recorded: {exc}"
    if args.format == "json":
        data = result.to_dict()
        data["reviewed"] = bool(recorded and recorded.reviewed)
        data["due"] = recorded.due.isoformat() if recorded and recorded.due else None
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        _print_result(exercise, result, path, recorded, notice)
    return EXIT_OK if result.ok else EXIT_FINDINGS


def _hanging(console: Console, head: str, body: str) -> None:
    """``head`` then ``body``, whose wrapped lines stay indented under its first word.

    Both are rich markup already made safe by the caller.
    """
    from rich.text import Text

    first = Text.from_markup(head)
    indent = first.cell_len
    lines = Text.from_markup(body).wrap(console, max(20, console.width - indent))
    for index, line in enumerate(lines):
        line.rstrip()
        console.print(Text.assemble(first if index == 0 else " " * indent, line))


def _plain(path: Path | str) -> str:
    return _CONTROL.sub("?", str(path))


def _print_result(
    exercise: Exercise, result: RunResult, path: Path, recorded: Recorded | None, notice: str
) -> None:
    from pyiq.practice.constructs import constructs_used
    from pyiq.practice.model import PASSED

    console = _console()
    out = console.print
    if result.problem:
        where = f" (line {result.problem_line})" if result.problem_line else ""
        out(f"[red]✗[/] {_safe(result.problem)}{where}")
    unrun = [test for test in result.tests if test.status == "not-run"]
    if result.problem and unrun and len(unrun) == len(result.tests):
        # One reason for all (the file did not import): one line, not one per test.
        reasons = {test.message for test in unrun}
        why = f": {_safe(unrun[0].message)}" if len(reasons) == 1 and unrun[0].message else ""
        out(f"[yellow]-[/] {len(unrun)} test{'s' if len(unrun) != 1 else ''} not run{why}")
        tests = []
    else:
        tests = list(result.tests)
    for test in tests:
        if test.status == PASSED:
            out(f"[green]✓[/] {_safe(test.name)}")
            continue
        mark = "[yellow]-[/]" if test.status == "not-run" else "[red]✗[/]"
        out(f"{mark} {_safe(test.name)}: {test.status}")
        if test.input:
            _hanging(console, "    input:    ", _safe(test.input))
        if test.expected or test.actual:
            _hanging(console, "    expected: ", _safe(test.expected))
            _hanging(console, "    actual:   ", _safe(test.actual))
        if test.message and not (test.expected or test.actual):
            line = f" (line {test.line})" if test.line else ""
            _hanging(console, "    ", f"{_safe(test.message)}{line}")
        if test.stdout:
            _hanging(console, "    printed:  ", _safe(test.stdout.strip()[:200]))
    passed, total = result.passed, result.total
    colour = "green" if result.ok else "red"
    took = result.duration_ms
    elapsed = f"{took} ms" if took < 1000 else f"{took / 1000:.1f} s"
    out(f"\n[{colour}]{passed}/{total} tests passed[/] in {elapsed}.")
    if notice:
        out(f"[yellow]{_safe(notice)}[/]")
    ex = exercise
    if not result.ok:
        out(f"Stuck? pyiq practice {ex.id} --hint")
        return
    if recorded is not None and recorded.reviewed and recorded.due is not None:
        from pyiq.quiz.terminal import humanize

        # As the quiz says it (and Anki): an interval, which a date of today would hide.
        out(
            f"Solved. Rated {recorded.rating}; this exercise comes back for review "
            f"{humanize(recorded.due)}."
        )
    elif recorded is not None and recorded.due is not None:
        from pyiq.quiz.terminal import humanize

        out(f"Solved before; its next review is {humanize(recorded.due)}.")
    out(f"Expected complexity: time {ex.time_complexity}, space {ex.space_complexity}.")
    try:
        used = constructs_used(path.read_bytes(), stub=ex.stub, related=ex.questions)
    except OSError:
        used = []
    asked = [u for u in used if u.question]
    if asked:
        out("\nAn interviewer would now ask about what you used:")
        for u in asked:
            _hanging(console, f"  line {u.line}, {_safe(u.name)}: ", _safe(u.question))
        out(f"Quiz yourself: pyiq quiz {_safe(path)} --count {min(3, len(asked))}")
