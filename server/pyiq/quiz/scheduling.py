"""FSRS scheduling: how an answer becomes a rating and a next review date.

Every question is a card of the ``fsrs`` package (the scheduler modern Anki
uses). Fuzzing is off on purpose: a card's state is then a pure function
of its review log, so importing progress from another machine can rebuild
cards by replaying the merged log and get exactly what each machine had.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache

from fsrs import Card, Rating, Scheduler, State

RATINGS: dict[str, Rating] = {
    "again": Rating.Again,
    "hard": Rating.Hard,
    "good": Rating.Good,
    "easy": Rating.Easy,
}
RATING_NAMES: dict[int, str] = {int(rating): name for name, rating in RATINGS.items()}

# Reading speed used to judge how quickly an answer came: about 250 words
# a minute, plus a few seconds to think.
_READ_CHARS_PER_SECOND = 20.0
_THINK_SECONDS = 5.0


@cache
def scheduler() -> Scheduler:
    """The process-wide scheduler (default FSRS-6 parameters, no fuzzing)."""
    return Scheduler(enable_fuzzing=False)


def utc(moment: datetime | None = None) -> datetime:
    """``moment`` (default: now) as an aware UTC datetime."""
    if moment is None:
        return datetime.now(timezone.utc)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def stamp(moment: datetime) -> str:
    """Fixed-width ISO text: stored dates compare correctly as strings."""
    return utc(moment).isoformat(timespec="microseconds")


def parse_stamp(text: str) -> datetime:
    return utc(datetime.fromisoformat(text))


def parse_rating(text: str) -> Rating:
    """``again``/``hard``/``good``/``easy`` (or 1-4) as a rating; ValueError otherwise."""
    key = text.strip().lower()
    if key in RATINGS:
        return RATINGS[key]
    if key in {"1", "2", "3", "4"}:
        return Rating(int(key))
    raise ValueError(f"unknown rating {text!r}: use again, hard, good or easy")


def auto_rating(
    correct: bool, elapsed: float | None, reading_chars: int = 0, first_time: bool = False
) -> Rating:
    """The rating an answer earns when the user does not give one.

    A wrong answer is "again". A right one is judged by speed against the
    time needed to read the question: well within it is "easy", a normal
    pace "good", a long hesitation "hard" (the user got there, but not
    surely). A card's first right answer is at most "good": with four
    choices a quick guess is right one time in four, and "easy" would
    skip the learning steps. Without a timing the answer is "good".
    """
    if not correct:
        return Rating.Again
    if elapsed is None:
        return Rating.Good
    budget = _THINK_SECONDS + reading_chars / _READ_CHARS_PER_SECOND
    if elapsed <= 0.6 * budget and not first_time:
        return Rating.Easy
    if elapsed <= 2.5 * budget:
        return Rating.Good
    return Rating.Hard


@dataclass(frozen=True, slots=True)
class CardState:
    """One card as the store keeps it: FSRS fields plus review counts."""

    card_id: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int = 0
    lapses: int = 0

    def to_fsrs(self) -> Card:
        return Card(
            card_id=fsrs_id(self.card_id),
            state=State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    @property
    def in_review(self) -> bool:
        """Graduated from the learning steps (FSRS state Review)."""
        return self.state == int(State.Review)

    def retrievability(self, now: datetime | None = None) -> float:
        """FSRS probability of recalling the card at ``now`` (0 for a new card)."""
        if self.last_review is None:
            return 0.0
        return float(scheduler().get_card_retrievability(self.to_fsrs(), utc(now)))

    def is_due(self, now: datetime | None = None) -> bool:
        return self.due <= utc(now)


def fsrs_id(card_id: str) -> int:
    """A stable integer id for the fsrs ``Card`` (it wants an int; ours are strings)."""
    return zlib.crc32(card_id.encode("utf-8"))


def new_card(card_id: str, now: datetime) -> CardState:
    return CardState(card_id, int(State.Learning), 0, None, None, utc(now), None)


def review(
    card: CardState, rating: Rating, when: datetime, correct: bool | None = None
) -> CardState:
    """The card after one review at ``when`` with ``rating``.

    ``when`` is clamped to the card's last review: two clients answering at
    nearly the same moment may commit out of order, and FSRS must never see
    time run backwards.
    """
    when = utc(when)
    if card.last_review is not None and when < card.last_review:
        when = card.last_review
    updated, _log = scheduler().review_card(card.to_fsrs(), rating, review_datetime=when)
    wrong = (rating == Rating.Again) if correct is None else not correct
    return CardState(
        card_id=card.card_id,
        state=int(updated.state),
        step=updated.step,
        stability=updated.stability,
        difficulty=updated.difficulty,
        due=utc(updated.due),
        last_review=utc(updated.last_review) if updated.last_review else when,
        reps=card.reps + 1,
        lapses=card.lapses + (1 if wrong else 0),
    )


def replay(card_id: str, reviews: Iterable[tuple[datetime, Rating, bool]]) -> CardState | None:
    """A card rebuilt from its whole review log, oldest first (None without reviews)."""
    card: CardState | None = None
    for when, rating, correct in reviews:
        card = review(card or new_card(card_id, when), rating, when, correct)
    return card
