"""The quiz in a terminal: rich rendering, arrow keys or numbers, a summary.

Keys are read in cbreak mode (no echo, no line buffering, but signals
still on), so Ctrl-C raises KeyboardInterrupt wherever the quiz is and the
caller ends it with a summary; every answer given so far is already
committed by then. The same rendering serves scripted runs (``--answers``
or answers piped on stdin), which is how the output is tested without a
terminal; the key-driven path is tested in a real pseudo-terminal.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from rich.console import Console, Group, RenderableType
from rich.markdown import Markdown
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from pyiq.quiz.cards import PREDICT_PREFIX
from pyiq.quiz.model import QuizItem, Verdict
from pyiq.quiz.scheduling import parse_rating, utc
from pyiq.quiz.session import answer
from pyiq.quiz.store import Store, StoreError
from pyiq.terminal_text import clean

LETTERS = "abcdefghij"
REASONS = {
    "bug-risk": "bug risk in your code",
    "new": "new",
    "learning": "still learning",
    "due": "due for review",
    "review": "review",
}


@dataclass(slots=True)
class Summary:
    """What happened in one quiz, for the closing summary."""

    total: int
    verdicts: list[Verdict] = field(default_factory=list)
    interrupted: bool = False

    @property
    def right(self) -> int:
        return sum(v.correct for v in self.verdicts)

    def to_dict(self) -> dict[str, object]:
        answered = len(self.verdicts)
        return {
            "asked": self.total,
            "answered": answered,
            "correct": self.right,
            "accuracy": round(self.right / answered, 4) if answered else None,
            "interrupted": self.interrupted,
        }


_REASONS_COUNTED = {  # singular, plural
    "bug-risk": ("on a bug risk in your code", "on bug risks in your code"),
    "new": ("new", "new"),
    "learning": ("still learning", "still learning"),
    "due": ("due for review", "due for review"),
    "review": ("already mastered", "already mastered"),
}


# -- rendering ---------------------------------------------------------------------


def render_opening(items: Sequence[QuizItem]) -> Text:
    """Before the first question, as Anki's overview: how many, and why they were chosen."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.reason] = counts.get(item.reason, 0) + 1
    total = len(items)
    parts = [
        f"{n} {_REASONS_COUNTED.get(reason, (reason, reason))[n != 1]}"
        for reason, n in counts.items()
    ]
    why = f" ({', '.join(parts)})" if parts else ""
    return Text(f"{total} question{'s' if total != 1 else ''}{why}.", style="bold")


def render_question(item: QuizItem, number: int, total: int) -> RenderableType:
    """Header, prompt and syntax-highlighted code of an item."""
    facts = [item.topic, item.level, REASONS.get(item.reason, item.reason)]
    if item.location:
        facts.append(clean(item.location, keep_breaks=False))
    title = Text.assemble(
        (f"Question {number}/{total}", "bold cyan"), ("  " + " · ".join(facts), "dim")
    )
    parts: list[RenderableType] = [title]
    if item.question and item.kind == "predict":
        parts.append(Text(f"About: {item.question}", style="dim italic"))
    parts.append(Markdown(item.prompt))
    if item.code:
        parts.append(
            Panel(
                Syntax(clean(item.code.rstrip("\n")), "python", theme="monokai", word_wrap=True),
                border_style="blue",
                expand=False,
            )
        )
    return Group(*parts)


_CODE_SPAN = re.compile(r"`([^`]+)`")


def inline_code(text: str) -> Text:
    """A choice's Markdown code spans as styled text: the backticks are markup, not content.

    Choices are one line each, so they are not rendered as Markdown blocks; ``clean``
    escapes control characters first.
    """
    result = Text()
    position = 0
    for match in _CODE_SPAN.finditer(text):
        result.append(text[position : match.start()])
        result.append(match.group(1), style="markdown.code")
        position = match.end()
    result.append(text[position:])
    return result


def render_choices(
    item: QuizItem, selected: int | None = None, keys: str | None = None
) -> RenderableType:
    """The choices, the selected one marked; ``keys`` is a dim line under them while picking."""
    lines: list[RenderableType] = []
    for index, choice in enumerate(item.choices):
        pointer = "▶" if index == selected else " "
        line = Text.assemble(
            f"{pointer} ", (f"{index + 1}", "bold"), ". ", inline_code(clean(choice.text))
        )
        if index == selected:
            line.stylize("reverse")
        lines.append(line)
    if keys:
        lines.append(Text(keys, style="dim"))
    return Group(*lines)


def key_help(count: int, wrong: str | None = None) -> str:
    """The keys that answer, shown under the choices; ``wrong``: the key just refused."""
    keys = f"1-{count} or ↑/↓ and Enter to answer · q: stop"
    if wrong is None:
        return keys
    shown = wrong if len(wrong) == 1 and wrong.isprintable() else wrong.encode().hex()
    return f"{shown!r} is not a choice. {keys[0].upper()}{keys[1:]}"


def render_verdict(verdict: Verdict, now: datetime | None = None) -> RenderableType:
    item = verdict.item
    parts: list[RenderableType] = []
    if verdict.correct:
        parts.append(Text("✔ Right", style="bold green"))
        parts.append(Markdown(item.correct.explanation))
    else:
        parts.append(
            Text.assemble(
                ("✘ Not quite", "bold red"),
                f" — the answer is {item.correct_index + 1}. ",
                inline_code(clean(item.correct.text)),
            )
        )
        if verdict.explanation:
            parts.append(Markdown(f"*Why {verdict.choice + 1} is tempting:* {verdict.explanation}"))
        parts.append(Markdown(f"*Why {item.correct_index + 1}:* {item.correct.explanation}"))
    parts.append(Text(f"Next review {humanize(verdict.next_due, now)} (rated {verdict.rating})."))
    if item.more:
        # A line of its own: at 80 columns the command would otherwise break in two.
        parts.append(Text.assemble("Full answer: ", (clean(item.more), "markdown.code")))
    return Group(*parts)


def render_summary(summary: Summary, now: datetime | None = None) -> RenderableType:
    answered = len(summary.verdicts)
    if not answered:
        return Text("No question answered.", style="bold")
    percent = round(100 * summary.right / answered)
    head = Text.assemble(
        ("Quiz over" if not summary.interrupted else "Quiz stopped", "bold"),
        f": {summary.right}/{answered} right ({percent}%)",
        f", {summary.total - answered} not asked" if answered < summary.total else "",
        ". Every answer is saved.",
    )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("")
    table.add_column("question")
    table.add_column("next review")
    for verdict in summary.verdicts:
        mark = Text("✔", style="green") if verdict.correct else Text("✘", style="red")
        table.add_row(mark, verdict.item.id, humanize(verdict.next_due, now))
    return Group(head, table)


REVIEW_COMMAND = "pyiq quiz"


def render_next(
    store: Store, code_command: str | None = None, now: datetime | None = None
) -> list[Text]:
    """What to do next, as Anki's deck screen says it: how many reviews are due, and when.

    Each line names the command that asks those cards first: ``pyiq quiz`` for the bank's
    questions (a review quiz asks due ones first), ``code_command`` (the quiz on code just
    taken) for the predict-the-output cards only a quiz on code builds; without it those
    are left out. Exercises are left out too: ``pyiq practice`` reviews them.
    """
    try:
        everything = store.cards()
    except StoreError:
        return []
    moment = utc(now)
    bank = [c for key, c in everything.items() if not key.startswith(("practice:", PREDICT_PREFIX))]
    code = [c for key, c in everything.items() if key.startswith(PREDICT_PREFIX)]
    groups = [(bank, REVIEW_COMMAND, "")]
    if code_command:
        groups.append((code, clean(code_command, keep_breaks=False), " on your code"))
    lines = []
    for cards, command, where in groups:
        due = sum(utc(card.due) <= moment for card in cards)
        if due:
            plural = "s are" if due != 1 else " is"
            lines.append(Text(f"{due} review{plural} due now{where}: {command}"))
    if lines:
        return lines
    waiting = [(utc(card.due), command) for cards, command, _ in groups for card in cards]
    if not waiting:
        return []
    soonest, command = min(waiting)
    return [Text(f"Next review {humanize(soonest, moment)}: {command}")]


def humanize(when: datetime, now: datetime | None = None) -> str:
    """``in 10 minutes`` / ``in 3 days``: how far away a review is."""
    seconds = (utc(when) - utc(now)).total_seconds()
    if seconds < 30:
        return "now"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size or unit == "minute":
            count = round(seconds / size)
            return f"in {count} {unit}{'s' if count != 1 else ''}"
    return "now"


# -- keys ----------------------------------------------------------------------------


@contextlib.contextmanager
def cbreak(fd: int) -> Iterator[None]:
    """Keys one at a time, no echo; Ctrl-C still raises KeyboardInterrupt."""
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


_SEQUENCES = {
    b"\x1b[A": "up",
    b"\x1b[B": "down",
    b"\x1bOA": "up",
    b"\x1bOB": "down",
    b"\x1b[C": "right",
    b"\x1b[D": "left",
}


def read_key(fd: int) -> str:
    """One key press as a name: ``up``, ``down``, ``enter``, ``esc``, or the character."""
    first = os.read(fd, 1)
    if first == b"\x03":
        raise KeyboardInterrupt
    if first == b"\x04" or not first:
        return "eof"
    if first in (b"\r", b"\n"):
        return "enter"
    if first == b"\x1b":
        sequence = first
        while len(sequence) < 3 and select.select([fd], [], [], 0.05)[0]:
            sequence += os.read(fd, 1)
        return _SEQUENCES.get(sequence, "esc")
    if first[0] >= 0x80:  # a UTF-8 character: read its continuation bytes
        while select.select([fd], [], [], 0.01)[0]:
            first += os.read(fd, 1)
            try:
                return first.decode("utf-8")
            except UnicodeDecodeError:
                continue
        return "?"
    return first.decode("ascii", "replace")


def choice_from_key(key: str, count: int) -> int | None:
    """The 0-based choice a number or letter key names, if any."""
    if key.isdigit() and 1 <= int(key) <= count:
        return int(key) - 1
    lowered = key.lower()
    if len(lowered) == 1 and lowered in LETTERS[:count]:
        return LETTERS.index(lowered)
    return None


class StopQuiz(Exception):
    """The user asked to stop (``q`` or end of input)."""


def pick(console: Console, item: QuizItem, fd: int) -> int:
    """Let the user choose with arrows and Enter, or a number/letter key."""
    from rich.live import Live

    selected = 0
    count = len(item.choices)
    with Live(
        render_choices(item, selected, key_help(count)),
        console=console,
        auto_refresh=False,
        transient=False,
    ) as live:
        while True:
            try:
                key = read_key(fd)
            except KeyboardInterrupt:
                live.update(render_choices(item, selected), refresh=True)  # drop the keys line
                raise
            direct = choice_from_key(key, count)
            if direct is not None:
                live.update(render_choices(item, direct), refresh=True)
                return direct
            wrong = None
            if key in ("up", "k"):
                selected = (selected - 1) % count
            elif key in ("down", "j", "\t"):
                selected = (selected + 1) % count
            elif key == "enter":
                live.update(render_choices(item, selected), refresh=True)
                return selected
            elif key in ("q", "eof", "esc"):
                live.update(render_choices(item, selected), refresh=True)
                raise StopQuiz
            else:
                wrong = key
            live.update(render_choices(item, selected, key_help(count, wrong)), refresh=True)


RATINGS = ("again", "hard", "good", "easy")


def rating_choices(store: Store, item: QuizItem, now: datetime | None = None) -> str:
    """The rating keys with the interval each would give, as Anki's buttons show them."""
    from fsrs import Rating

    from pyiq.quiz.scheduling import new_card, review

    moment = utc(now)
    try:
        card = store.card(item.id)
    except StoreError:
        card = None
    card = card or new_card(item.id, moment)
    shown = []
    for number, name in enumerate(RATINGS, 1):
        due = review(card, Rating(number), moment, correct=True).due
        shown.append(f"{number} {name} {short_interval(due, moment)}")
    return " · ".join(shown)


def short_interval(when: datetime, now: datetime | None = None) -> str:
    """``<1m``, ``10m``, ``3h``, ``8d``, ``4mo``, ``1.2y``: Anki's labels on its rating buttons."""
    seconds = (utc(when) - utc(now)).total_seconds()
    if seconds < 60:
        return "<1m"
    for unit, size in (("y", 365 * 86400), ("mo", 30 * 86400), ("d", 86400), ("h", 3600)):
        if seconds >= size:
            value = seconds / size
            return f"{value:.1f}{unit}" if unit == "y" else f"{round(value)}{unit}"
    return f"{round(seconds / 60)}m"


def ask_rating(console: Console, fd: int, choices: str) -> str | None:
    console.print(Text(f"How sure? {choices} · Enter: by time", style="dim"))
    while True:
        key = read_key(fd)
        if key == "enter":
            return None
        if key in ("1", "2", "3", "4"):
            return RATINGS[int(key) - 1]
        if key in ("q", "eof"):
            raise StopQuiz


def wait_next(console: Console, fd: int, last: bool) -> None:
    if last:
        return
    console.print(Text("Enter: next question · q: stop", style="dim"))
    while True:
        key = read_key(fd)
        if key in ("q", "eof", "esc"):
            raise StopQuiz
        if key in ("enter", " ", "n", "right"):
            return


def run_interactive(
    console: Console,
    items: Sequence[QuizItem],
    store: Store,
    *,
    rate: bool = False,
    fd: int | None = None,
) -> Summary:
    """Ask every item in the terminal; returns when done, on ``q`` or on Ctrl-C."""
    fd = sys.stdin.fileno() if fd is None else fd
    summary = Summary(len(items))
    console.print(render_opening(items))
    try:
        with cbreak(fd):
            for number, item in enumerate(items, 1):
                console.print()
                console.print(render_question(item, number, len(items)))
                started = time.monotonic()
                choice = pick(console, item, fd)
                elapsed = time.monotonic() - started
                rating = (
                    ask_rating(console, fd, rating_choices(store, item))
                    if rate and choice == item.correct_index
                    else None
                )
                try:
                    verdict = answer(store, item, choice, elapsed, rating, source="cli")
                except StoreError as exc:
                    _not_saved(console, item, exc)
                    raise StopQuiz from None
                summary.verdicts.append(verdict)
                console.print(render_verdict(verdict))
                wait_next(console, fd, number == len(items))
    except (KeyboardInterrupt, StopQuiz):
        summary.interrupted = True
    console.print()
    console.print(render_summary(summary))
    return summary


def _not_saved(console: Console, item: QuizItem, error: Exception) -> None:
    """The store refused the answer: say why, and still give the answer."""
    console.print(Text(f"pyiq: {error}", style="bold red"))
    console.print(Text(f"The answer was {item.correct_index + 1}. {clean(item.correct.text)}"))


# -- scripted answers ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScriptedAnswer:
    choice: int | None  # None: skip the item
    rating: str | None


def parse_answer(text: str, count: int) -> ScriptedAnswer:
    """``2``, ``b``, ``2:easy`` or ``-`` (skip); ValueError with the reason otherwise."""
    spec, _, rating = text.strip().partition(":")
    spec = spec.strip()
    if spec in ("-", "skip", "s"):
        return ScriptedAnswer(None, None)
    choice = choice_from_key(spec, count) if len(spec) <= 2 else None
    if choice is None:
        raise ValueError(f"answer {text.strip()!r}: pick 1-{count} or a-{LETTERS[count - 1]}")
    if rating:
        parse_rating(rating)  # raises ValueError naming the bad rating
    return ScriptedAnswer(choice, rating.strip() or None)


def run_scripted(
    console: Console,
    items: Sequence[QuizItem],
    store: Store,
    answers: Callable[[int, QuizItem], ScriptedAnswer | None],
    *,
    show: bool = True,
) -> Summary:
    """Ask every item with answers from ``answers(index, item)`` (None ends the quiz)."""
    summary = Summary(len(items))
    if show:
        console.print(render_opening(items))
    try:
        for number, item in enumerate(items, 1):
            if show:
                console.print()
                console.print(render_question(item, number, len(items)))
                console.print(render_choices(item))
            given = answers(number - 1, item)
            if given is None:
                summary.interrupted = True
                break
            if given.choice is None:
                continue
            try:
                verdict = answer(store, item, given.choice, None, given.rating, source="cli")
            except StoreError as exc:
                _not_saved(console, item, exc)
                summary.interrupted = True
                break
            summary.verdicts.append(verdict)
            if show:
                console.print(Text(f"> {given.choice + 1}", style="bold"))
                console.print(render_verdict(verdict))
    except KeyboardInterrupt:
        summary.interrupted = True
    if show:
        console.print()
        console.print(render_summary(summary))
    return summary
