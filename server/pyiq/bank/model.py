"""Immutable records for the question bank, mirroring ``questions/schema.json``.

The records are frozen (and slotted) dataclasses because one bank instance is
shared process-wide by the CLI, the language server and the quiz: nobody may
mutate what everybody else reads. Sequences are tuples for the same reason.
Field order matters: the compiled cache stores each record as a tuple in
field order, and the cache key includes the field names, so reordering or
renaming a field invalidates old caches instead of misreading them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

LEVELS: tuple[str, ...] = ("junior", "mid", "senior")


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer of a multiple-choice quiz.

    Exactly one choice of a quiz is ``correct`` and carries ``why``; every
    other choice carries ``why_wrong``, the misconception that makes it
    tempting, so the quiz can teach from a wrong pick.
    """

    text: str
    correct: bool
    why: str | None
    why_wrong: str | None

    @property
    def explanation(self) -> str:
        """The one-line reason to show after this choice was picked."""
        return (self.why if self.correct else self.why_wrong) or ""


@dataclass(frozen=True, slots=True)
class Quiz:
    """A multiple-choice item that checks the question was understood."""

    prompt: str
    code: str | None
    choices: tuple[Choice, ...]

    @property
    def correct_index(self) -> int:
        """Index of the single correct choice (the loader guarantees there is one)."""
        return next(i for i, choice in enumerate(self.choices) if choice.correct)

    @property
    def correct(self) -> Choice:
        """The single correct choice."""
        return self.choices[self.correct_index]


@dataclass(frozen=True, slots=True)
class Link:
    """One ``rules`` entry of a question: which findings of a rule raise it.

    ``when`` and ``unless`` pair a capture name with a regular expression
    (``re.search`` on the text the finding bound); the link holds when every
    ``when`` matches and no ``unless`` does. A plain rule id is a link without
    conditions. ``first`` makes the question lead among the rule's links
    that tie (see ``pyiq.links``).
    """

    rule: str
    when: tuple[tuple[str, str], ...] = ()
    unless: tuple[tuple[str, str], ...] = ()
    first: bool = False

    @property
    def conditional(self) -> bool:
        return bool(self.when or self.unless)


@dataclass(frozen=True, slots=True)
class Question:
    """One interview question with its answer, runnable example and quiz.

    ``topic`` is the name of the topic file the question comes from; ``rules``
    are the analysis rule ids whose findings raise the question; ``imports``
    are top-level (or dotted) module names that make it relevant; ``covers``
    names the source-document questions it answers (``FILE#N``); ``links``
    are the ``rules`` entries in full, with their conditions (``rules`` keeps
    just the ids, once each).
    """

    id: str
    topic: str
    question: str
    short: str
    answer: str
    example: str
    output: str
    level: str
    tags: tuple[str, ...]
    rules: tuple[str, ...]
    related: tuple[str, ...]
    imports: tuple[str, ...]
    quiz: Quiz
    covers: tuple[str, ...]
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic file: its name (the file stem), title and questions in file order."""

    name: str
    title: str
    path: str
    question_ids: tuple[str, ...]


def layout_fingerprint() -> tuple[tuple[str, ...], ...]:
    """Field names of every record type, part of the cache key (see module docstring)."""
    records = (Choice, Quiz, Link, Question, Topic)
    return tuple(tuple(f.name for f in fields(cls)) for cls in records)
