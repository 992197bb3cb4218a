"""The progress store: durability, concurrency, recovery and migration."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Rating, State

from pyiq.quiz import schema
from pyiq.quiz.paths import ENV_VAR, STORE_NAME, data_dir, store_path
from pyiq.quiz.store import Store, StoreError
from tests.quiz.conftest import FIXTURES, NOW


def test_data_dir_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env"))
    assert data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert data_dir() == tmp_path / "env"
    monkeypatch.delenv(ENV_VAR)
    assert data_dir().name == "pyiq"
    assert store_path(tmp_path).name == STORE_NAME


def test_fresh_store_has_latest_schema_wal_and_busy_timeout(store):
    db = sqlite3.connect(store.path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
    assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert store.notices == []


def test_record_answer_schedules_and_commits(store):
    first = store.record_answer("closures", True, None, 4.0, now=NOW)
    assert first.card.reps == 1
    assert first.card.due > NOW
    assert first.review.rating == int(Rating.Good)  # a first right answer is at most good
    assert first.review.topic == "closures"  # looked up in the bank
    # Visible to another connection at once: it was committed.
    other = sqlite3.connect(store.path)
    assert other.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1
    wrong = store.record_answer("closures", False, "easy", 1.0, now=NOW + timedelta(hours=1))
    assert wrong.review.rating == int(Rating.Again)  # a wrong answer is always again
    assert wrong.card.lapses == 1
    assert store.card("closures").reps == 2


def test_user_rating_is_recorded_as_given(store):
    recorded = store.record_answer("closures", True, "hard", now=NOW)
    assert recorded.review.rated_by == "user"
    assert recorded.rating_name == "hard"
    with pytest.raises(ValueError, match="unknown rating"):
        store.record_answer("closures", True, "perfect", now=NOW)


def test_time_never_runs_backwards_for_a_card(store):
    store.record_answer("closures", True, now=NOW)
    later = store.record_answer("closures", True, now=NOW - timedelta(minutes=5))
    assert later.review.answered_at == NOW


def test_corrupt_file_is_moved_aside_with_both_paths_named(data_dir):
    data_dir.mkdir()
    path = data_dir / STORE_NAME
    path.write_bytes(b"this is not a database" * 200)
    with Store.open(data_dir=data_dir) as store:
        assert len(store.notices) == 1
        notice = store.notices[0]
        moved = [p for p in data_dir.iterdir() if ".corrupt-" in p.name]
        assert len(moved) == 1
        assert str(path) in notice and str(moved[0]) in notice
        assert moved[0].read_bytes().startswith(b"this is not a database")
        store.record_answer("closures", True, now=NOW)
        assert store.review_count() == 1


def test_damaged_database_is_moved_aside(data_dir):
    with Store.open(data_dir=data_dir) as store:
        for index in range(50):
            store.record_answer(f"card-{index}", True, now=NOW)
    path = data_dir / STORE_NAME
    raw = bytearray(path.read_bytes())
    raw[4096 : 4096 * 2] = b"\xff" * 4096  # clobber a b-tree page
    path.write_bytes(bytes(raw))
    with Store.open(data_dir=data_dir) as store:
        assert store.notices and "corrupt" in store.notices[0]
        assert store.review_count() == 0


def test_foreign_database_is_moved_aside(data_dir):
    data_dir.mkdir()
    path = data_dir / STORE_NAME
    foreign = sqlite3.connect(path)
    foreign.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    foreign.execute("INSERT INTO invoices VALUES (1, 9.5)")
    foreign.commit()
    foreign.close()
    with Store.open(data_dir=data_dir) as store:
        assert "not a pyiq progress database" in store.notices[0]
        moved = next(p for p in data_dir.iterdir() if ".foreign-" in p.name)
        assert str(moved) in store.notices[0]
    kept = sqlite3.connect(moved)
    assert kept.execute("SELECT total FROM invoices").fetchone() == (9.5,)


def test_empty_file_becomes_a_store(data_dir):
    data_dir.mkdir()
    (data_dir / STORE_NAME).write_bytes(b"")
    with Store.open(data_dir=data_dir) as store:
        assert store.notices == []
        assert store.schema_version() == schema.LATEST


def test_store_from_a_newer_pyiq_is_refused_not_moved(data_dir):
    with Store.open(data_dir=data_dir) as store:
        store.record_answer("closures", True, now=NOW)
    db = sqlite3.connect(data_dir / STORE_NAME)
    db.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer pyiq"):
        Store.open(data_dir=data_dir)
    assert [p.name for p in data_dir.iterdir() if "corrupt" in p.name or "foreign" in p.name] == []


def test_schema_v1_fixture_is_migrated(data_dir):
    data_dir.mkdir()
    path = data_dir / STORE_NAME
    shutil.copy(FIXTURES / "progress-v1.sqlite3", path)
    with Store.open(data_dir=data_dir) as store:
        assert store.schema_version() == schema.LATEST
        assert any("upgraded" in notice for notice in store.notices)
        reviews = store.reviews()
        assert [r.card_id for r in reviews] == [
            "mutable-default-arguments",
            "late-binding-closures",
            "mutable-default-arguments",
        ]
        assert len({r.uid for r in reviews}) == 3
        assert reviews[0].topic == "functions"  # backfilled from the bank
        card = store.card("mutable-default-arguments")
        assert card.state == int(State.Review) and card.reps == 2 and card.lapses == 0
        assert store.card("late-binding-closures").lapses == 1
        # The migrated store keeps working.
        store.record_answer("late-binding-closures", True, now=NOW)
        assert store.card("late-binding-closures").reps == 2
    backup = data_dir / f"{STORE_NAME}.v1.bak"
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 3


def test_fixture_is_really_schema_v1():
    db = sqlite3.connect(FIXTURES / "progress-v1.sqlite3")
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [row[1] for row in db.execute("PRAGMA table_info(cards)")]
    assert columns == ["card_id", "card_json", "updated_at"]


WRITER = textwrap.dedent(
    """
    import sys
    from pyiq.quiz.store import Store

    store = Store.open(data_dir=sys.argv[1])
    tag = sys.argv[2]
    for index in range(int(sys.argv[3])):
        store.record_answer(f"card-{index % 7}", index % 3 != 0, None, 2.0,
                            kind="bank", topic="t", level="junior", source=tag)
    store.close()
    """
)


def test_two_processes_answering_together_lose_nothing(data_dir):
    count = 1000
    Store.open(data_dir=data_dir).close()
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), tag, str(count)])
        for tag in ("cli", "lsp")
    ]
    for writer in writers:
        assert writer.wait(timeout=240) == 0
    with Store.open(data_dir=data_dir) as store:
        reviews = store.reviews()
        assert len(reviews) == 2 * count
        assert sum(r.source == "cli" for r in reviews) == count
        # Every card's counters agree with the log: no update was lost either.
        cards = store.cards()
        assert sum(card.reps for card in cards.values()) == 2 * count


def test_merge_replays_cards_from_the_log(store):
    from pyiq.quiz.store import ReviewRecord

    store.record_answer("closures", True, now=NOW)
    records = [
        ReviewRecord(f"uid-{i}", "closures", NOW + timedelta(days=i + 1), True, 3) for i in range(3)
    ]
    assert store.merge_reviews(records) == (3, 0)
    assert store.merge_reviews(records) == (0, 3)
    assert store.card("closures").reps == 4


def test_data_version_changes_when_another_process_writes(store):
    before = store.data_version()
    with Store.open(store.path) as other:
        other.record_answer("closures", True, now=NOW)
    assert store.data_version() != before


def test_unwritable_data_dir_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create"):
        Store.open(data_dir=blocker / "sub")


def test_data_dir_that_is_a_file_says_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as raised:
        Store.open(data_dir=blocker)
    assert str(raised.value) == f"cannot keep progress in {blocker}: it is a file, not a folder"


def test_store_path_given_directly(tmp_path):
    with Store.open(tmp_path / "elsewhere.db") as store:
        store.record_answer("closures", True, now=NOW)
    assert Path(tmp_path / "elsewhere.db").exists()
