"""The progress store's schema, as a list of migrations.

A fresh store is built by running every migration from version 0, so the
path an old store takes to the current schema is the same code that
builds new stores and is exercised on every test run. ``PRAGMA
user_version`` records the version; ``PRAGMA application_id`` marks the
file as ours, which is how a foreign SQLite file is told apart from an
empty one.

Version history:

1. ``cards`` keeps each FSRS card as JSON; ``reviews`` keeps who answered
   what, when, right or wrong, with the FSRS rating.
2. Cards get real columns (due date, stability, ...) so that "due today"
   and mastery are indexed queries; reviews get a unique ``uid`` (so an
   imported progress file merges without duplicates), the answer time,
   the choice, and the topic and level the question had when answered.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable

# "pyiq" in ASCII: marks a SQLite file as a pyiq progress store.
APPLICATION_ID = 0x70796971

SCHEMA_V1 = """
CREATE TABLE cards (
    card_id TEXT PRIMARY KEY,
    card_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    card_id TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    correct INTEGER NOT NULL,
    rating INTEGER NOT NULL
);
CREATE INDEX reviews_card ON reviews (card_id);
"""

_REVIEW_COLUMNS_V2 = (
    "uid TEXT",
    "rated_by TEXT NOT NULL DEFAULT 'auto'",
    "elapsed_ms INTEGER",
    "choice INTEGER",
    "kind TEXT",
    "topic TEXT",
    "level TEXT",
    "rule TEXT",
    "source TEXT",
)

CARDS_V2 = """
CREATE TABLE cards (
    card_id TEXT PRIMARY KEY,
    state INTEGER NOT NULL,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due TEXT NOT NULL,
    last_review TEXT,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX cards_due ON cards (due);
"""


def _to_v1(db: sqlite3.Connection) -> None:
    for statement in SCHEMA_V1.split(";"):
        if statement.strip():
            db.execute(statement)


def _to_v2(db: sqlite3.Connection) -> None:
    for column in _REVIEW_COLUMNS_V2:
        db.execute(f"ALTER TABLE reviews ADD COLUMN {column}")
    rows = db.execute("SELECT id, answered_at FROM reviews").fetchall()
    db.executemany(
        "UPDATE reviews SET uid = ?, answered_at = ? WHERE id = ?",
        [(uuid.uuid4().hex, _restamp(when), rid) for rid, when in rows],
    )
    db.execute("CREATE UNIQUE INDEX reviews_uid ON reviews (uid)")
    db.execute("DROP INDEX reviews_card")
    db.execute("CREATE INDEX reviews_card ON reviews (card_id, answered_at)")
    db.execute("CREATE INDEX reviews_time ON reviews (answered_at)")

    old = db.execute("SELECT card_id, card_json, updated_at FROM cards").fetchall()
    counts = dict(
        db.execute(
            "SELECT card_id, COUNT(*) || ',' || SUM(correct = 0) FROM reviews GROUP BY card_id"
        ).fetchall()
    )
    db.execute("DROP TABLE cards")
    for statement in CARDS_V2.split(";"):
        if statement.strip():
            db.execute(statement)
    for card_id, card_json, updated_at in old:
        card = json.loads(card_json)
        reps, lapses = (int(n) for n in counts.get(card_id, "0,0").split(","))
        db.execute(
            "INSERT INTO cards (card_id, state, step, stability, difficulty, due, last_review,"
            " reps, lapses, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                card_id,
                int(card["state"]),
                card.get("step"),
                card.get("stability"),
                card.get("difficulty"),
                _restamp(card["due"]),
                _restamp(card.get("last_review")),
                reps,
                lapses,
                updated_at,
            ),
        )
    _backfill_topics(db)


def _restamp(text: str | None) -> str | None:
    """Dates in the one fixed-width format that compares correctly as text."""
    from pyiq.quiz.scheduling import parse_stamp, stamp

    return stamp(parse_stamp(text)) if text else None


def _backfill_topics(db: sqlite3.Connection) -> None:
    """Topic and level of old reviews from the bank, when the bank can be loaded.

    Best effort: without a bank the columns stay empty and the statistics
    look the question up when they are computed.
    """
    from pyiq.bank import BankError, load_bank

    try:
        bank = load_bank()
    except BankError:
        return
    ids = [row[0] for row in db.execute("SELECT DISTINCT card_id FROM reviews")]
    for card_id in ids:
        question = bank.get(card_id)
        if question is not None:
            db.execute(
                "UPDATE reviews SET topic = ?, level = ?, kind = 'bank' WHERE card_id = ?",
                (question.topic, question.level, card_id),
            )


# MIGRATIONS[n] takes a store from version n to version n + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2)
LATEST = len(MIGRATIONS)
