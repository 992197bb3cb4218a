"""What a quiz is made of: items to ask and verdicts on answers.

Items are plain frozen data with a JSON form, because three front ends
show them (the terminal, the language server's message requests, scripts
reading ``pyiq quiz --format json``) and none should need to know where an
item came from to show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

KINDS = ("bank", "predict")


@dataclass(frozen=True, slots=True)
class ItemChoice:
    """One choice, with what to say when it is picked."""

    text: str
    correct: bool
    # For the correct choice, why it is right; for a wrong one, the
    # misconception that makes it tempting.
    explanation: str

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "correct": self.correct, "explanation": self.explanation}


@dataclass(frozen=True, slots=True)
class QuizItem:
    """One multiple-choice question of a quiz.

    ``id`` is the card id the answer is recorded under: the bank question
    id for ``kind == "bank"``, ``predict:<rule>`` for a predict-the-output
    question built from the user's code. ``question_id`` is the bank
    question holding the full answer (``pyiq explain <question_id>``).
    ``reason`` says why the item was picked: ``bug-risk``, ``new``,
    ``learning``, ``due`` or ``review``.
    """

    id: str
    kind: str
    prompt: str
    code: str | None
    choices: tuple[ItemChoice, ...]
    correct_index: int
    question_id: str | None
    question: str | None
    rule: str | None
    topic: str
    level: str
    path: str | None
    line: int | None
    reason: str
    # In a notebook, the cell ``line`` counts in (1-based among all cells).
    cell: int | None = None

    @property
    def correct(self) -> ItemChoice:
        return self.choices[self.correct_index]

    @property
    def reading_chars(self) -> int:
        """How much there is to read; the automatic rating allows time for it."""
        return (
            len(self.prompt)
            + len(self.code or "")
            + sum(len(choice.text) for choice in self.choices)
        )

    @property
    def plain_prompt(self) -> str:
        """Prompt and code as one plain text, for UIs without Markdown (message requests)."""
        text = self.prompt.replace("`", "")
        if self.code:
            text += "\n\n" + self.code.rstrip()
        return text

    @property
    def location(self) -> str | None:
        if self.path is None or self.line is None:
            return None
        if self.cell is not None:
            return f"{self.path}:cell {self.cell}:{self.line}"
        return f"{self.path}:{self.line}"

    @property
    def more(self) -> str | None:
        """Where the full answer is: a command to run."""
        return f"pyiq explain {self.question_id}" if self.question_id else None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "prompt": self.prompt,
            "code": self.code,
            "choices": [choice.to_dict() for choice in self.choices],
            "correct_index": self.correct_index,
            "question_id": self.question_id,
            "question": self.question,
            "rule": self.rule,
            "topic": self.topic,
            "level": self.level,
            "path": self.path,
            "cell": self.cell,
            "line": self.line,
            "reason": self.reason,
            "more": self.more,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one answer, after it was recorded."""

    item: QuizItem
    choice: int
    correct: bool
    rating: str  # again / hard / good / easy
    next_due: datetime

    @property
    def picked(self) -> ItemChoice:
        return self.item.choices[self.choice]

    @property
    def explanation(self) -> str:
        """Why the picked choice is right, or the misconception behind it."""
        return self.picked.explanation

    @property
    def message(self) -> str:
        """The verdict as one plain message: right/wrong, why, and where to read more."""
        item = self.item
        if self.correct:
            text = f"Right! {item.correct.explanation}"
        else:
            text = f"Not quite: the answer is {item.correct.text}."
            if self.explanation:
                # The misconception is about the option picked: name it, or the reader
                # cannot tell which choice the sentence means.
                text += f" You chose {self.picked.text}: {self.explanation}"
            text += f" {item.correct.explanation}"
        if item.more:
            text += f" Full answer: {item.more}"
        return text.replace("`", "")

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.item.id,
            "choice": self.choice,
            "correct": self.correct,
            "correct_index": self.item.correct_index,
            "explanation": self.explanation,
            "correct_explanation": self.item.correct.explanation,
            "rating": self.rating,
            "next_due": self.next_due.isoformat(timespec="seconds"),
            "more": self.item.more,
        }
