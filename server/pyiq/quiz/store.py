"""The progress store: one SQLite file that never loses an answer.

Why it is built this way:

- Each answer is its own ``BEGIN IMMEDIATE`` transaction, committed before
  the verdict is shown, with ``synchronous=FULL``: a ``kill -9`` (or a
  crash, or a power cut) after the verdict loses nothing.
- WAL mode and a generous busy timeout let the language server and the CLI
  write at the same time; ``BEGIN IMMEDIATE`` takes the write lock before
  the card is read, so two writers never schedule from the same stale card.
- Opening is done under a lock file: checking the schema, migrating an
  older store (after a backup copy) and moving a corrupt or foreign file
  aside must not race with another process doing the same.
- A corrupt or foreign file is moved aside, never deleted, and the message
  names both paths so the user can recover it by hand. Only what SQLite
  itself calls corrupt counts: a header it refuses ("not a database") or a
  failing ``PRAGMA integrity_check``. A store that is busy (another process
  holds its lock), unreadable (no permission) or read-only is left where it
  is, with a message saying which; a read-only store still opens for
  reading (``Store.read_only``), so ``pyiq stats`` and exports work, and
  recording an answer then raises :class:`StoreError` saying why.
- Rows edited by hand into something unreadable (a bad date) are skipped
  with one warning, not allowed to crash every command.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from fsrs import Rating

from pyiq.quiz import schema
from pyiq.quiz.cards import describe
from pyiq.quiz.paths import store_path
from pyiq.quiz.scheduling import (
    RATING_NAMES,
    CardState,
    auto_rating,
    new_card,
    parse_stamp,
    replay,
    review,
    stamp,
    utc,
)

BUSY_TIMEOUT_MS = 30_000

# Bounds of an imported review: anything outside is a broken or hostile file.
MAX_TEXT = 500
MAX_INT = 2**31 - 1
MAX_ELAPSED_MS = 7 * 24 * 3600 * 1000  # a week on one question
MAX_CHOICE = 99
EARLIEST = datetime(2000, 1, 1, tzinfo=timezone.utc)

log = logging.getLogger(__name__)

# SQLite's primary result codes (sqlite3.h), for telling failures apart.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 14, 26


class StoreError(Exception):
    """The store cannot be used (e.g. written by a newer pyiq); the message says why."""


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One answer, as stored and as exported."""

    uid: str
    card_id: str
    answered_at: datetime
    correct: bool
    rating: int
    rated_by: str = "auto"
    elapsed_ms: int | None = None
    choice: int | None = None
    kind: str | None = None
    topic: str | None = None
    level: str | None = None
    rule: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["answered_at"] = stamp(self.answered_at)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> ReviewRecord:
        """Validates an exported record; ValueError names the bad field."""

        def text(key: str, required: bool = False) -> str | None:
            value = data.get(key)
            if value is None and not required:
                return None
            if not isinstance(value, str) or not value or len(value) > MAX_TEXT:
                raise ValueError(
                    f"review field {key!r} must be a non-empty string of at most {MAX_TEXT} "
                    "characters"
                )
            return value

        def number(key: str, high: int = MAX_INT) -> int | None:
            value = data.get(key)
            if value is None:
                return None
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= high:
                raise ValueError(f"review field {key!r} must be an integer from 0 to {high}")
            return value

        rating = number("rating")
        if rating not in RATING_NAMES:
            raise ValueError("review field 'rating' must be 1-4 (again, hard, good, easy)")
        correct = data.get("correct")
        if not isinstance(correct, bool):
            raise ValueError("review field 'correct' must be true or false")
        try:
            answered_at = parse_stamp(str(text("answered_at", True)))
        except (ValueError, OverflowError):
            raise ValueError("review field 'answered_at' must be an ISO date and time") from None
        if not EARLIEST <= answered_at <= utc() + timedelta(days=1):
            raise ValueError(
                f"review field 'answered_at' must lie between {EARLIEST.date()} and today"
            )
        return cls(
            uid=str(text("uid", True)),
            card_id=str(text("card_id", True)),
            answered_at=answered_at,
            correct=correct,
            rating=rating,
            rated_by=text("rated_by") or "auto",
            elapsed_ms=number("elapsed_ms", MAX_ELAPSED_MS),
            choice=number("choice", MAX_CHOICE),
            kind=text("kind"),
            topic=text("topic"),
            level=text("level"),
            rule=text("rule"),
            source=text("source"),
        )


@dataclass(frozen=True, slots=True)
class Recorded:
    """What recording an answer did: the review row and the rescheduled card."""

    review: ReviewRecord
    card: CardState

    @property
    def rating_name(self) -> str:
        return RATING_NAMES[self.review.rating]


_REVIEW_FIELDS = (
    "uid, card_id, answered_at, correct, rating, rated_by, elapsed_ms, choice,"
    " kind, topic, level, rule, source"
)
_CARD_FIELDS = "card_id, state, step, stability, difficulty, due, last_review, reps, lapses"


def _review_from_row(row: Sequence[object]) -> ReviewRecord:
    (uid, card_id, answered_at, correct, rating, rated_by, elapsed_ms, choice) = row[:8]
    kind, topic, level, rule, source = row[8:]
    return ReviewRecord(
        uid=str(uid),
        card_id=str(card_id),
        answered_at=parse_stamp(str(answered_at)),
        correct=bool(correct),
        rating=int(rating),  # type: ignore[call-overload]
        rated_by=str(rated_by),
        elapsed_ms=elapsed_ms,  # type: ignore[arg-type]
        choice=choice,  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        topic=topic,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
        rule=rule,  # type: ignore[arg-type]
        source=source,  # type: ignore[arg-type]
    )


def _card_from_row(row: Sequence[object]) -> CardState:
    card_id, state, step, stability, difficulty, due, last_review, reps, lapses = row
    return CardState(
        card_id=str(card_id),
        state=int(state),  # type: ignore[call-overload]
        step=step,  # type: ignore[arg-type]
        stability=stability,  # type: ignore[arg-type]
        difficulty=difficulty,  # type: ignore[arg-type]
        due=parse_stamp(str(due)),
        last_review=parse_stamp(str(last_review)) if last_review else None,
        reps=int(reps),  # type: ignore[call-overload]
        lapses=int(lapses),  # type: ignore[call-overload]
    )


class Store:
    """A connection to the progress store; safe to share between threads.

    Open with :meth:`Store.open`. ``notices`` holds messages for the user
    produced while opening (a file moved aside, a migration), which the
    caller shows however it shows things.
    """

    def __init__(
        self, path: Path, db: sqlite3.Connection, notices: list[str], read_only: bool = False
    ) -> None:
        self.path = path
        self.notices = notices
        self.read_only = read_only
        self._db = db
        self._lock = threading.RLock()

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        data_dir: str | os.PathLike[str] | None = None,
    ) -> Store:
        """Open (creating, migrating or recovering as needed) the store.

        ``path`` is the SQLite file; without it the file lives in
        ``data_dir`` (default: ``PYIQ_DATA_DIR`` or the user data directory).
        Raises :class:`StoreError` when the store cannot be used at all.
        """
        target = Path(path) if path is not None else store_path(data_dir)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            # mkdir's "File exists" reads as if the folder were there: say what is.
            raise StoreError(
                f"cannot keep progress in {target.parent}: it is a file, not a folder"
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot create {target.parent}: {exc.strerror or exc}") from None
        notices: list[str] = []
        with _file_lock(target):
            try:
                db = _open_checked(target, notices)
            except _ReadOnly as exc:
                db = _open_read_only(target, str(exc))
                notices.append(
                    f"pyiq: {target} is read-only ({exc}); showing progress, "
                    "but answers will not be saved"
                )
                return cls(target, db, notices, read_only=True)
        return cls(target, db, notices)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, holding the database's write lock throughout.

        A store that cannot be written (read-only, busy past the timeout, no
        permission) raises :class:`StoreError` saying which, never a bare
        SQLite error.
        """
        if self.read_only:
            raise StoreError(f"{self.path} is read-only: the answer was not saved")
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                raise StoreError(
                    f"{self.path}: {_describe(exc)}; the answer was not saved"
                ) from None
            try:
                yield self._db
            except BaseException as exc:
                with contextlib.suppress(sqlite3.DatabaseError):
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.DatabaseError):
                    raise StoreError(
                        f"{self.path}: {_describe(exc)}; the answer was not saved"
                    ) from None
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                with contextlib.suppress(sqlite3.DatabaseError):
                    self._db.execute("ROLLBACK")
                raise StoreError(
                    f"{self.path}: {_describe(exc)}; the answer was not saved"
                ) from None

    # -- answers ---------------------------------------------------------------

    def record_answer(
        self,
        question_id: str,
        correct: bool,
        rating: Rating | str | None = None,
        elapsed: float | None = None,
        *,
        choice: int | None = None,
        kind: str | None = None,
        topic: str | None = None,
        level: str | None = None,
        rule: str | None = None,
        source: str | None = None,
        reading_chars: int = 0,
        now: datetime | None = None,
    ) -> Recorded:
        """Schedule the card and store the answer, committed before returning.

        ``question_id`` is the card id (:attr:`QuizItem.id`). ``rating`` is
        the user's own (again/hard/good/easy); without it a wrong answer is
        "again" and a right one is rated by ``elapsed`` seconds against
        ``reading_chars``. A wrong answer is always "again", whatever the
        rating says. Missing topic/level/kind are looked up in the bank.
        """
        if isinstance(rating, str):
            from pyiq.quiz.scheduling import parse_rating

            rating = parse_rating(rating)
        rated_by = "user" if rating is not None else "auto"
        if kind is None or topic is None or level is None:
            info = describe(question_id)
            kind = kind or info.kind
            topic = topic or info.topic
            level = level or info.level
            rule = rule or info.rule
        when = utc(now)
        with self._write() as db:
            row = db.execute(
                f"SELECT {_CARD_FIELDS} FROM cards WHERE card_id = ?", (question_id,)
            ).fetchone()
            before = _card_from_row(row) if row else new_card(question_id, when)
            if not correct:
                rating = Rating.Again
            elif rating is None:
                rating = auto_rating(correct, elapsed, reading_chars, first_time=row is None)
            after = review(before, rating, when, correct)
            record = ReviewRecord(
                uid=uuid.uuid4().hex,
                card_id=question_id,
                answered_at=after.last_review or when,
                correct=correct,
                rating=int(rating),
                rated_by=rated_by,
                elapsed_ms=None if elapsed is None else max(0, round(elapsed * 1000)),
                choice=choice,
                kind=kind,
                topic=topic,
                level=level,
                rule=rule,
                source=source,
            )
            _insert_review(db, record)
            _write_card(db, after)
        return Recorded(record, after)

    def card(self, card_id: str) -> CardState | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_CARD_FIELDS} FROM cards WHERE card_id = ?", (card_id,)
            ).fetchone()
        cards = self._readable([row] if row else [], _card_from_row, "card")
        return cards[0] if cards else None

    def _readable(self, rows: Iterable[Sequence[object]], make: Any, what: str) -> list[Any]:
        """``make(row)`` of every row it can read; the others skipped with one warning."""
        out, bad = [], []
        for row in rows:
            try:
                out.append(make(row))
            except (ValueError, TypeError, OverflowError) as exc:
                bad.append(f"{row[0]!r} ({exc})")
        if bad:
            log.warning(
                "pyiq: skipped %d unreadable %s row%s in %s: %s",
                len(bad),
                what,
                "" if len(bad) == 1 else "s",
                self.path,
                "; ".join(bad[:3]) + (" …" if len(bad) > 3 else ""),
            )
        return out

    def cards(self, card_ids: Iterable[str] | None = None) -> dict[str, CardState]:
        """Cards by id (all of them without ``card_ids``); unseen ids are absent."""
        with self._lock:
            if card_ids is None:
                rows = self._db.execute(f"SELECT {_CARD_FIELDS} FROM cards").fetchall()
            else:
                wanted = list(dict.fromkeys(card_ids))
                rows = []
                for start in range(0, len(wanted), 500):
                    chunk = wanted[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows += self._db.execute(
                        f"SELECT {_CARD_FIELDS} FROM cards WHERE card_id IN ({marks})", chunk
                    ).fetchall()
        return {card.card_id: card for card in self._readable(rows, _card_from_row, "card")}

    def reviews(self, card_id: str | None = None) -> list[ReviewRecord]:
        """Every review (of one card, or of all), oldest first."""
        query = f"SELECT {_REVIEW_FIELDS} FROM reviews"
        args: tuple[str, ...] = ()
        if card_id is not None:
            query += " WHERE card_id = ?"
            args = (card_id,)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY answered_at, id", args).fetchall()
        return self._readable(rows, _review_from_row, "review")

    def review_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])

    def merge_reviews(self, records: Iterable[ReviewRecord]) -> tuple[int, int]:
        """Add reviews from elsewhere (an export), skipping ones already here by uid.

        Cards touched are rebuilt by replaying their whole merged log, so the
        result does not depend on which machine's answers came first.
        Returns (added, already present). All or nothing: one transaction.
        """
        added = skipped = 0
        touched: set[str] = set()
        with self._write() as db:
            for record in records:
                if _insert_review(db, record, ignore_existing=True):
                    added += 1
                    touched.add(record.card_id)
                else:
                    skipped += 1
            for card_id in sorted(touched):
                rows = db.execute(
                    "SELECT answered_at, rating, correct FROM reviews WHERE card_id = ?"
                    " ORDER BY answered_at, id",
                    (card_id,),
                ).fetchall()
                card = replay(
                    card_id, ((parse_stamp(a), Rating(int(r)), bool(c)) for a, r, c in rows)
                )
                if card is not None:
                    _write_card(db, card)
        return added, skipped

    def data_version(self) -> int:
        """Changes whenever another connection commits: a cheap "is my cache stale?"."""
        with self._lock:
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def schema_version(self) -> int:
        with self._lock:
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])


def _insert_review(
    db: sqlite3.Connection, record: ReviewRecord, ignore_existing: bool = False
) -> bool:
    verb = "INSERT OR IGNORE" if ignore_existing else "INSERT"
    cursor = db.execute(
        f"{verb} INTO reviews ({_REVIEW_FIELDS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record.uid,
            record.card_id,
            stamp(record.answered_at),
            int(record.correct),
            record.rating,
            record.rated_by,
            record.elapsed_ms,
            record.choice,
            record.kind,
            record.topic,
            record.level,
            record.rule,
            record.source,
        ),
    )
    return cursor.rowcount > 0


def _write_card(db: sqlite3.Connection, card: CardState) -> None:
    db.execute(
        f"INSERT OR REPLACE INTO cards ({_CARD_FIELDS}, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            card.card_id,
            card.state,
            card.step,
            card.stability,
            card.difficulty,
            stamp(card.due),
            stamp(card.last_review) if card.last_review else None,
            card.reps,
            card.lapses,
            stamp(utc()),
        ),
    )


# -- opening, recovery and migration ---------------------------------------------


@contextlib.contextmanager
def _file_lock(target: Path) -> Iterator[None]:
    """An exclusive lock beside the store, held while the file is inspected."""
    lock_path = target.with_name(target.name + ".lock")
    try:
        handle = open(lock_path, "a+b")  # closed in the finally below
    except OSError:
        yield  # a read-only directory: nothing to coordinate with
        return
    try:
        try:
            import fcntl
        except ImportError:  # Windows: SQLite's own locking still protects writes
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


def _connect(target: Path) -> sqlite3.Connection:
    db = sqlite3.connect(
        target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return db


def _inspect(db: sqlite3.Connection) -> tuple[int, int, list[str]]:
    """(application_id, user_version, table names); raises DatabaseError when corrupt."""
    check = db.execute("PRAGMA quick_check").fetchall()
    if check != [("ok",)]:
        raise _Corrupt("; ".join(str(row[0]) for row in check[:3]))
    app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    tables = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return app_id, version, tables


class _ReadOnly(Exception):
    """The store can be read but not written; the message says why."""


class _Corrupt(Exception):
    """``PRAGMA quick_check`` found damage; the message is what it reported."""


def _code(exc: sqlite3.Error) -> int | None:
    """SQLite's primary result code of ``exc`` (from its message before Python 3.11)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    for needle, value in (
        ("database is locked", SQLITE_BUSY),
        ("database table is locked", SQLITE_LOCKED),
        ("readonly database", SQLITE_READONLY),
        ("unable to open", SQLITE_CANTOPEN),
        ("file is not a database", SQLITE_NOTADB),
        ("malformed", SQLITE_CORRUPT),
        ("access permission denied", SQLITE_PERM),
    ):
        if needle in text:
            return value
    return None


def _describe(exc: sqlite3.Error) -> str:
    code = _code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return f"busy: another process holds its lock for more than {BUSY_TIMEOUT_MS // 1000} s"
    if code == SQLITE_READONLY:
        return "read-only"
    if code in (SQLITE_PERM, SQLITE_CANTOPEN):
        return "no permission to open it (or its directory)"
    return str(exc)


def _corrupt(exc: sqlite3.Error) -> bool:
    return _code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def _integrity_problem(db: sqlite3.Connection) -> str | None:
    """What ``PRAGMA integrity_check`` reports; None when the file is sound."""
    rows = db.execute("PRAGMA integrity_check").fetchall()
    if rows == [("ok",)]:
        return None
    return "; ".join(str(row[0]) for row in rows[:3])


def _inspect_or_explain(target: Path) -> tuple[sqlite3.Connection, int, int, list[str]] | str:
    """The open store and what it holds, or why it is corrupt; StoreError/_ReadOnly otherwise."""
    if target.exists() and not os.access(target, os.R_OK):
        raise StoreError(f"no permission to read the progress store {target}; it was left as is")
    db: sqlite3.Connection | None = None
    try:
        db = _connect(target)
        return (db, *_inspect(db))
    except _Corrupt as exc:
        assert db is not None
        try:
            problem = _integrity_problem(db)
        finally:
            db.close()
        if problem is None:  # quick_check alone is not enough to move a store aside
            raise StoreError(f"cannot check the progress store {target}: {exc}") from None
        return problem
    except sqlite3.DatabaseError as exc:
        problem: str | None = None
        if _corrupt(exc):
            try:
                problem = _integrity_problem(db) if db is not None else str(exc)
            except sqlite3.DatabaseError as again:
                problem = str(again) if _corrupt(again) else None
            problem = problem or str(exc)
        if db is not None:
            db.close()
        if problem is not None:
            return problem
        code = _code(exc)
        if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN) and target.exists():
            raise _ReadOnly(_describe(exc)) from None
        raise StoreError(
            f"cannot open the progress store {target}: {_describe(exc)}; it was left as is"
        ) from None


def _open_read_only(target: Path, why: str) -> sqlite3.Connection:
    """A connection that only reads ``target`` (immutable when no WAL index can be made)."""
    uri = target.resolve().as_uri()
    for suffix in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            db = sqlite3.connect(
                uri + suffix,
                uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            db.execute("SELECT COUNT(*) FROM reviews").fetchone()
            db.execute("SELECT COUNT(*) FROM cards").fetchone()
            return db
        except sqlite3.DatabaseError:
            continue
    raise StoreError(f"cannot open the progress store {target}: {why}; it was left as is")


def _open_checked(target: Path, notices: list[str]) -> sqlite3.Connection:
    problem: str | None = None
    db: sqlite3.Connection | None = None
    inspected = _inspect_or_explain(target)
    if isinstance(inspected, str):
        problem = f"corrupt ({inspected})"
    else:
        db, app_id, version, tables = inspected
        if app_id == schema.APPLICATION_ID:
            if version > schema.LATEST:
                db.close()
                raise StoreError(
                    f"{target} was written by a newer pyiq (schema {version}, this one knows "
                    f"up to {schema.LATEST}); upgrade pyiq, or point --data-dir elsewhere"
                )
        elif app_id == 0 and version == 0 and not tables:
            version = 0  # a new, empty database
        else:
            problem = "not a pyiq progress database"
    if problem is not None:
        if db is not None:
            db.close()
        moved = _move_aside(target, "corrupt" if problem.startswith("corrupt") else "foreign")
        notices.append(
            f"pyiq: {target} is {problem}; moved it to {moved} and started a fresh progress store"
        )
        db = _connect(target)
        version = 0
    assert db is not None
    try:
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            notices.append(f"pyiq: {target}: WAL mode unavailable (journal mode {mode})")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        if version < schema.LATEST:
            _migrate(db, target, version, notices)
    except sqlite3.DatabaseError as exc:
        db.close()
        if _code(exc) in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN) and version:
            raise _ReadOnly(_describe(exc)) from None
        raise StoreError(f"cannot open the progress store {target}: {_describe(exc)}") from None
    return db


def _move_aside(target: Path, why: str) -> Path:
    """Rename the bad file (and its WAL/SHM sidecars) to a free, dated name."""
    label = datetime.now().strftime("%Y%m%d-%H%M%S")
    counter = 0
    while True:
        suffix = f".{why}-{label}" + (f"-{counter}" if counter else "")
        moved = target.with_name(target.name + suffix)
        if not moved.exists():
            break
        counter += 1
    try:
        os.replace(target, moved)
        for sidecar in ("-wal", "-shm"):
            side = target.with_name(target.name + sidecar)
            if side.exists():
                os.replace(side, moved.with_name(moved.name + sidecar))
    except OSError as exc:
        raise StoreError(
            f"{target} is {why} and could not be moved to {moved}: {exc.strerror or exc}"
        ) from None
    return moved


def _migrate(db: sqlite3.Connection, target: Path, version: int, notices: list[str]) -> None:
    """Bring the store to the latest schema, after a backup copy when it holds data."""
    if version > 0:
        backup = target.with_name(f"{target.name}.v{version}.bak")
        copy = sqlite3.connect(backup)
        try:
            db.backup(copy)
        finally:
            copy.close()
        notices.append(
            f"pyiq: upgraded {target} from schema {version} to {schema.LATEST}"
            f" (a copy of the old file is at {backup})"
        )
    db.execute("BEGIN IMMEDIATE")
    try:
        current = int(db.execute("PRAGMA user_version").fetchone()[0])
        for step in range(current, schema.LATEST):
            schema.MIGRATIONS[step](db)
        db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {schema.LATEST}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
