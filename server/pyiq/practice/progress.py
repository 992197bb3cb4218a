"""The learner's practice history: runs, hints taken, and the review schedule.

Every test run is kept (when, how many tests passed, how long it took) in
``practice.sqlite3`` beside the progress store, because "how many attempts
did it take" is part of what a learner wants to see. Only a *solved*
exercise is a review in the FSRS sense, as in Anki: a passing run of a new
or due exercise is recorded in the progress store as card
``practice:<id>``, rated by how it went since the last review (the
solution looked at: again; hints or three failed runs: hard; else good), so
the exercise comes back when it is about to be forgotten. Failing runs while
working are not lapses; they are how code gets written.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pyiq.practice.model import Exercise, RunResult
from pyiq.quiz.paths import data_dir

LOG_NAME = "practice.sqlite3"
BUSY_TIMEOUT_S = 10.0
HARD_AFTER_FAILED_RUNS = 3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    exercise TEXT NOT NULL,
    at TEXT NOT NULL,
    passed INTEGER NOT NULL,
    total INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    file TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS runs_exercise ON runs (exercise, at);
CREATE TABLE IF NOT EXISTS state (
    exercise TEXT PRIMARY KEY,
    started_at TEXT,
    hints_shown INTEGER NOT NULL DEFAULT 0,
    solution_shown INTEGER NOT NULL DEFAULT 0,
    reviewed_at TEXT
);
"""


class PracticeLogError(Exception):
    """The practice log cannot be opened or written; the message says which file and why."""


@dataclass(frozen=True, slots=True)
class Status:
    """Where the learner stands on one exercise, for listings and code lenses."""

    attempts: int = 0
    last_passed: int = 0
    last_total: int = 0
    solved: bool = False
    due: datetime | None = None
    hints_shown: int = 0

    def label(self, now: datetime | None = None) -> str:
        if self.attempts == 0:
            return "new"
        moment = now or datetime.now(timezone.utc)
        if self.solved and self.due is not None and self.due <= moment:
            return "due for review"
        if self.solved:
            return "solved"
        return f"attempted ({self.last_passed}/{self.last_total})"

    def detail(self, now: datetime | None = None) -> str:
        """One line for an editor's picker: the last run, then review or attempt count.

        "new", "passed 3/7 · 2 attempts", "passed 7/7 · due for review",
        "passed 7/7 · next review 2026-12-20": what Exercism and Anki users
        read before choosing what to practise.
        """
        if self.attempts == 0:
            return "new"
        moment = now or datetime.now(timezone.utc)
        head = f"passed {self.last_passed}/{self.last_total}"
        if self.solved and self.due is not None:
            if self.due <= moment:
                return f"{head} · due for review"
            return f"{head} · next review {self.due:%Y-%m-%d}"
        if self.solved:
            return f"{head} · solved"
        runs = "attempt" if self.attempts == 1 else "attempts"
        return f"{head} · {self.attempts} {runs}"


@dataclass(frozen=True, slots=True)
class Recorded:
    """What recording a run did: whether it was a review, and when the exercise is next due."""

    reviewed: bool
    rating: str | None = None
    due: datetime | None = None
    notice: str = ""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class PracticeLog:
    """The practice history of one data directory."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = data_dir(directory)
        self.path = self.directory / LOG_NAME

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise PracticeLogError(f"cannot open {self.path}: {exc}") from None
        try:
            db.executescript(_SCHEMA)
            yield db
        except sqlite3.OperationalError as exc:
            raise PracticeLogError(f"cannot use {self.path}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise PracticeLogError(
                f"{self.path} is not a usable practice log ({exc}); move it aside to start afresh"
            ) from None
        finally:
            db.close()

    # -- writing -----------------------------------------------------------------

    def started(self, exercise: Exercise) -> None:
        """The stub was written: the clock for "time to solve" starts now."""
        with self._db() as db:
            db.execute(
                "INSERT INTO state (exercise, started_at) VALUES (?, ?) "
                "ON CONFLICT(exercise) DO UPDATE SET started_at = COALESCE(started_at, ?)",
                (exercise.id, _now(), _now()),
            )

    def next_hint(self, exercise: Exercise) -> tuple[int, str] | None:
        """The next hint as (1-based number, text), or None when all were shown.

        Hints taken count against the next review's rating.
        """
        with self._db() as db:
            row = db.execute(
                "SELECT hints_shown FROM state WHERE exercise = ?", (exercise.id,)
            ).fetchone()
            shown = row[0] if row else 0
            if shown >= len(exercise.hints):
                return None
            db.execute(
                "INSERT INTO state (exercise, hints_shown) VALUES (?, 1) "
                "ON CONFLICT(exercise) DO UPDATE SET hints_shown = hints_shown + 1",
                (exercise.id,),
            )
            return shown + 1, exercise.hints[shown]

    def attempted(self, exercise: Exercise) -> bool:
        with self._db() as db:
            row = db.execute(
                "SELECT COUNT(*) FROM runs WHERE exercise = ?", (exercise.id,)
            ).fetchone()
        return bool(row[0])

    def solution_shown(self, exercise: Exercise) -> None:
        with self._db() as db:
            db.execute(
                "INSERT INTO state (exercise, solution_shown) VALUES (?, 1) "
                "ON CONFLICT(exercise) DO UPDATE SET solution_shown = 1",
                (exercise.id,),
            )

    def record(
        self, exercise: Exercise, result: RunResult, file: str = "", store_dir: str | None = None
    ) -> Recorded:
        """Keep the run; a solved run of a new or due exercise is scheduled with FSRS."""
        with self._db() as db:
            db.execute(
                "INSERT INTO runs (exercise, at, passed, total, ok, duration_ms, file) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    exercise.id,
                    _now(),
                    result.passed,
                    result.total,
                    int(result.ok),
                    result.duration_ms,
                    file,
                ),
            )
            if not result.ok:
                return Recorded(False)
            state = db.execute(
                "SELECT started_at, hints_shown, solution_shown, reviewed_at FROM state "
                "WHERE exercise = ?",
                (exercise.id,),
            ).fetchone()
            started_at, hints, solution, reviewed_at = state or (None, 0, 0, None)
            failed = db.execute(
                "SELECT COUNT(*) FROM runs WHERE exercise = ? AND ok = 0 AND at >= ?",
                (exercise.id, reviewed_at or ""),
            ).fetchone()[0]
        return self._review(exercise, store_dir, started_at, hints, solution, failed)

    def _review(
        self,
        exercise: Exercise,
        store_dir: str | None,
        started_at: str | None,
        hints: int,
        solution: int,
        failed: int,
    ) -> Recorded:
        from pyiq.quiz.store import Store, StoreError

        if solution:
            rating = "again"
        elif hints or failed >= HARD_AFTER_FAILED_RUNS:
            rating = "hard"
        else:
            rating = "good"
        try:
            with Store.open(data_dir=store_dir or self.directory) as store:
                card = store.card(exercise.card_id)
                if card is not None and card.due > datetime.now(timezone.utc):
                    return Recorded(False, due=card.due)
                elapsed = None
                if started_at:
                    begun = datetime.fromisoformat(started_at)
                    elapsed = (datetime.now(timezone.utc) - begun).total_seconds()
                recorded = store.record_answer(
                    exercise.card_id,
                    True,
                    rating,
                    elapsed,
                    kind="practice",
                    topic="practice",
                    level=exercise.level,
                    source=exercise.id,
                )
        except StoreError as exc:
            return Recorded(False, notice=f"the run was kept, but not scheduled: {exc}")
        with self._db() as db:
            db.execute(
                "INSERT INTO state (exercise, reviewed_at) VALUES (?, ?) "
                "ON CONFLICT(exercise) DO UPDATE SET reviewed_at = ?, hints_shown = 0, "
                "solution_shown = 0, started_at = NULL",
                (exercise.id, _now(), _now()),
            )
        return Recorded(True, rating, recorded.card.due)

    # -- reading -----------------------------------------------------------------

    def statuses(self, store_dir: str | None = None) -> dict[str, Status]:
        """Every exercise the learner touched, by id."""
        with self._db() as db:
            rows = db.execute(
                "SELECT exercise, COUNT(*), MAX(ok) FROM runs GROUP BY exercise"
            ).fetchall()
            last = {
                exercise: (passed, total)
                for exercise, passed, total in db.execute(
                    "SELECT exercise, passed, total FROM runs r WHERE at = "
                    "(SELECT MAX(at) FROM runs WHERE exercise = r.exercise)"
                )
            }
            hints = dict(db.execute("SELECT exercise, hints_shown FROM state").fetchall())
        due = _due_dates(store_dir or str(self.directory))
        found = {}
        for exercise, attempts, solved in rows:
            passed, total = last.get(exercise, (0, 0))
            found[exercise] = Status(
                attempts=attempts,
                last_passed=passed,
                last_total=total,
                solved=bool(solved),
                due=due.get(exercise),
                hints_shown=hints.get(exercise, 0),
            )
        return found


def _due_dates(store_dir: str) -> dict[str, datetime]:
    from pyiq.quiz.store import Store, StoreError

    try:
        with Store.open(data_dir=store_dir) as store:
            cards = store.cards()
    except StoreError:
        return {}
    prefix = "practice:"
    return {
        card_id[len(prefix) :]: card.due
        for card_id, card in cards.items()
        if card_id.startswith(prefix)
    }


def summary(directory: str | Path | None = None) -> dict[str, int]:
    """Live-coding practice at a glance, as ``pyiq stats`` and the editor show it."""
    from pyiq.practice.loader import load_exercises

    try:
        statuses = PracticeLog(directory).statuses()
    except PracticeLogError:
        statuses = {}
    now = datetime.now(timezone.utc)
    return {
        "exercises": len(load_exercises()),
        "solved": sum(s.solved for s in statuses.values()),
        "attempted": sum(not s.solved for s in statuses.values()),
        "due": sum(bool(s.solved and s.due and s.due <= now) for s in statuses.values()),
        "runs": sum(s.attempts for s in statuses.values()),
    }
