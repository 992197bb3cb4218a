"""A predict-the-output question before and after its answer is proven.

A generator writes a :class:`Draft`: the snippet, the prompt, and the
answers a confused candidate would give, each with the misconception
behind it. Nobody decides in advance which option is right: the snippet
is run (see :mod:`pyiq.quiz.runner`) and the option equal to what it
printed becomes the correct choice. If the output matches no option it is
added as the correct choice, so an item never claims an answer that
Python does not give.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from pyiq.quiz.model import ItemChoice
from pyiq.quiz.runner import RunResult, normalise_output

MAX_CHOICES = 4


@dataclass(frozen=True, slots=True)
class Option:
    """A possible output: the text it would print and what to say about it."""

    text: str
    wrong: str  # the misconception, shown when this option is picked but is wrong
    right: str = ""  # the explanation, shown when this option turns out correct


@dataclass(frozen=True, slots=True)
class Draft:
    """A predict-the-output question whose answer is not yet known."""

    rule: str
    prompt: str
    code: str
    options: tuple[Option, ...]
    # Appended to the right choice's explanation: what to take away.
    lesson: str = ""


@dataclass(frozen=True, slots=True)
class Proven:
    """A draft with its output established by running it."""

    draft: Draft
    choices: tuple[ItemChoice, ...]
    correct_index: int
    output: str


def prove(draft: Draft, result: RunResult) -> Proven | None:
    """The draft's choices with the correct one marked, or None if the run failed."""
    if not result.ok:
        return None
    output = result.output
    if not output:
        return None
    options: list[Option] = []
    seen: set[str] = set()
    for option in draft.options:
        key = normalise_output(option.text)
        if key not in seen:
            seen.add(key)
            options.append(option)
    correct = next((o for o in options if normalise_output(o.text) == output), None)
    if correct is None:
        correct = Option(output, "", f"Running the snippet prints `{output}`.")
        options = [correct, *options]
    wrong = [o for o in options if o is not correct][: MAX_CHOICES - 1]
    ordered = [correct, *wrong]
    random.Random(_seed(draft.code)).shuffle(ordered)
    choices = tuple(
        ItemChoice(
            text=option.text,
            correct=option is correct,
            explanation=_explain(option, option is correct, output, draft.lesson),
        )
        for option in ordered
    )
    return Proven(draft, choices, ordered.index(correct), output)


def _explain(option: Option, correct: bool, output: str, lesson: str) -> str:
    """The misconception for a wrong choice; the reason and the lesson for the right one.

    The lesson goes with the right choice only: a wrong pick is shown both
    explanations, and the lesson should be read once.
    """
    if not correct:
        return option.wrong or f"Running the snippet prints `{output}`, not this."
    head = option.right or f"Running the snippet prints `{output}`."
    return f"{head} {lesson}" if lesson else head


def _seed(code: str) -> int:
    """Choice order depends on the snippet only: the same quiz reads the same twice."""
    return int.from_bytes(hashlib.sha256(code.encode("utf-8")).digest()[:8], "big")
