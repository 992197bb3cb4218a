"""Progress per topic and level, computed from the review log.

Reviews carry the topic and level their question had when answered, so
statistics need no bank (and survive questions moving between topics).
A card belongs to the group of its latest review. "Due today" counts
cards due before local midnight; a group's streak is its current run of
right answers, most recent first; the day streak counts consecutive days
with at least one answer, up to today (or yesterday, while today is
still open).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from pyiq.quiz.mastery import DEFAULT_THRESHOLD, is_mastered
from pyiq.quiz.scheduling import utc
from pyiq.quiz.store import ReviewRecord, Store

UNKNOWN = "unknown"
ALL = "all"


@dataclass(frozen=True, slots=True)
class GroupStats:
    topic: str
    level: str
    answered: int
    correct: int
    accuracy: float | None  # right answers / answers, None before any answer
    cards: int
    mastered: int
    due_today: int
    streak: int

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Stats:
    groups: tuple[GroupStats, ...]
    total: GroupStats
    day_streak: int
    threshold: float

    def to_dict(self) -> dict[str, object]:
        return {
            "groups": [group.to_dict() for group in self.groups],
            "total": self.total.to_dict(),
            "day_streak": self.day_streak,
            "mastery_threshold": self.threshold,
        }


def compute(
    store: Store, now: datetime | None = None, threshold: float = DEFAULT_THRESHOLD
) -> Stats:
    moment = utc(now)
    reviews = store.reviews()
    cards = store.cards()
    tomorrow = _local_midnight_after(moment)

    by_group: dict[tuple[str, str], list[ReviewRecord]] = defaultdict(list)
    latest_group: dict[str, tuple[str, str]] = {}
    for record in reviews:  # oldest first
        key = (record.topic or UNKNOWN, record.level or UNKNOWN)
        by_group[key].append(record)
        latest_group[record.card_id] = key

    cards_by_group: dict[tuple[str, str], list[str]] = defaultdict(list)
    for card_id, key in latest_group.items():
        cards_by_group[key].append(card_id)

    def group(topic: str, level: str, records: list[ReviewRecord], ids: list[str]) -> GroupStats:
        correct = sum(r.correct for r in records)
        streak = 0
        for record in reversed(records):
            if not record.correct:
                break
            streak += 1
        known = [cards[i] for i in ids if i in cards]
        return GroupStats(
            topic=topic,
            level=level,
            answered=len(records),
            correct=correct,
            accuracy=round(correct / len(records), 4) if records else None,
            cards=len(known),
            mastered=sum(is_mastered(c, threshold, moment) for c in known),
            due_today=sum(c.due < tomorrow for c in known),
            streak=streak,
        )

    groups = tuple(
        group(topic, level, by_group[(topic, level)], cards_by_group[(topic, level)])
        for topic, level in sorted(by_group, key=_group_order)
    )
    total = group(ALL, ALL, reviews, list(latest_group))
    return Stats(groups, total, _day_streak(reviews, moment), threshold)


def _group_order(key: tuple[str, str]) -> tuple[str, int]:
    order = {"junior": 0, "mid": 1, "senior": 2}
    return (key[0], order.get(key[1], 3))


def _local_midnight_after(moment: datetime) -> datetime:
    local = moment.astimezone()
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time())
    return utc(midnight.replace(tzinfo=local.tzinfo))


def _day_streak(reviews: list[ReviewRecord], now: datetime) -> int:
    days: set[date] = {r.answered_at.astimezone().date() for r in reviews}
    day = now.astimezone().date()
    if day not in days:
        day -= timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak
