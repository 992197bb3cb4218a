"""Answering an item: the verdict and the recorded review, in one call.

Both front ends (terminal and language server) call :func:`answer`, so a
verdict is never shown for an answer that was not stored: the review is
committed first, then the verdict is built from what was committed.
"""

from __future__ import annotations

from datetime import datetime

from fsrs import Rating

from pyiq.quiz.model import QuizItem, Verdict
from pyiq.quiz.store import Store


def answer(
    store: Store,
    item: QuizItem,
    choice: int,
    elapsed: float | None = None,
    rating: Rating | str | None = None,
    *,
    source: str | None = None,
    now: datetime | None = None,
) -> Verdict:
    """Record ``choice`` (0-based) for ``item`` and return the verdict.

    ``elapsed`` is the seconds the user took (it sets the automatic
    rating); ``rating`` is the user's own (again/hard/good/easy), used only
    for a right answer. ``source`` names the client ("cli", "lsp").
    """
    if not 0 <= choice < len(item.choices):
        raise ValueError(f"choice {choice} out of range for {len(item.choices)} choices")
    correct = choice == item.correct_index
    recorded = store.record_answer(
        item.id,
        correct,
        rating,
        elapsed,
        choice=choice,
        kind=item.kind,
        topic=item.topic,
        level=item.level,
        rule=item.rule,
        source=source,
        reading_chars=item.reading_chars,
        now=now,
    )
    return Verdict(item, choice, correct, recorded.rating_name, recorded.card.due)
