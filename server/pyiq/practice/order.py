"""The order a learner wants exercises in, shared by the CLI list and the editor pickers.

Like Anki's review queue and Exercism's track page: what is due for review
comes first (most overdue first), then what the learner started and has not
solved yet, then new exercises from junior to senior (alphabetical within a
level), and solved exercises that are not due yet last (soonest review
first). Clients show the list in the order given, so this is the one place
that decides it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone

from pyiq.practice.model import LEVELS, Exercise
from pyiq.practice.progress import Status

DUE, ATTEMPTED, NEW, SOLVED = range(4)
_LATEST = datetime.max.replace(tzinfo=timezone.utc)


def _level(exercise: Exercise) -> int:
    return LEVELS.index(exercise.level) if exercise.level in LEVELS else len(LEVELS)


def group(status: Status | None, now: datetime) -> int:
    """Which of the four groups an exercise falls in (``DUE`` … ``SOLVED``)."""
    if status is None or status.attempts == 0:
        return NEW
    if status.solved:
        return DUE if status.due is not None and status.due <= now else SOLVED
    return ATTEMPTED


def learner_order(
    exercises: Iterable[Exercise],
    statuses: Mapping[str, Status],
    now: datetime | None = None,
) -> list[Exercise]:
    """``exercises`` sorted for practice: due, attempted, new by level, then solved."""
    moment = now or datetime.now(timezone.utc)

    def key(exercise: Exercise) -> tuple[int, datetime, int, str, str]:
        status = statuses.get(exercise.id)
        kind = group(status, moment)
        due = status.due if status is not None and status.due is not None else _LATEST
        when = due if kind in (DUE, SOLVED) else _LATEST
        return (kind, when, _level(exercise), exercise.title.casefold(), exercise.id)

    return sorted(exercises, key=key)
