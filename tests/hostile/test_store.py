"""The progress store under contention, damage, hand edits and hostile imports."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pyiq.quiz import store as store_module
from pyiq.quiz.store import Store, StoreError


def _store_with_answers(tmp_path: Path) -> Path:
    path = tmp_path / "progress.sqlite3"
    with Store.open(path) as store:
        store.record_answer("generators", True, "good", 3.0)
        store.record_answer("closures", False, None, 5.0)
    return path


def _files(directory: Path) -> list[str]:
    """The store files, sidecars (-wal, -shm, .lock) aside: what was moved or added."""
    return sorted(
        p.name for p in directory.iterdir() if not p.name.endswith(("-wal", "-shm", ".lock"))
    )


def _pyiq(*args: str, data: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pyiq", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, "PYIQ_DATA_DIR": str(data)},
        timeout=120,
    )


def test_busy_store_is_not_moved_aside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store_with_answers(tmp_path)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")  # readers wait on an exclusive lock
    holder.execute("BEGIN EXCLUSIVE")
    before = _files(tmp_path)
    try:
        with pytest.raises(StoreError, match="busy"):
            Store.open(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _files(tmp_path) == before
    with Store.open(path) as store:
        assert store.review_count() == 2


def test_answer_while_another_process_writes_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _store_with_answers(tmp_path)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    with Store.open(path) as store:
        store._db.execute("PRAGMA busy_timeout = 200")
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match=r"busy.*not saved"):
                store.record_answer("generators", True, "good", 3.0)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert store.review_count() == 2


def test_read_only_store_still_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store_with_answers(tmp_path)

    def refuse(target: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(store_module, "_connect", refuse)
    before = _files(tmp_path)
    with Store.open(path) as store:
        assert store.read_only
        assert store.review_count() == 2
        assert any("read-only" in notice for notice in store.notices)
        with pytest.raises(StoreError, match="read-only"):
            store.record_answer("generators", True, "good", 1.0)
    assert _files(tmp_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_store_is_named_not_moved(tmp_path: Path) -> None:
    path = _store_with_answers(tmp_path)
    path.chmod(0)
    try:
        with pytest.raises(StoreError, match="no permission"):
            Store.open(path)
        assert path.exists()
    finally:
        path.chmod(0o644)


def test_corrupt_header_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with Store.open(path) as store:
        assert store.review_count() == 0
        assert any("corrupt" in notice for notice in store.notices)
    assert [name for name in _files(tmp_path) if ".corrupt-" in name]


def test_bad_rows_are_skipped_with_a_warning(tmp_path: Path, caplog) -> None:
    path = _store_with_answers(tmp_path)
    db = sqlite3.connect(path)
    db.execute("UPDATE reviews SET answered_at = 'someday' WHERE card_id = 'closures'")
    db.execute("UPDATE cards SET due = 'never' WHERE card_id = 'closures'")
    db.commit()
    db.close()
    with Store.open(path) as store:
        assert [r.card_id for r in store.reviews()] == ["generators"]
        assert list(store.cards()) == ["generators"]
    assert "skipped 1 unreadable review row" in caplog.text
    run = _pyiq("stats", data=tmp_path / "elsewhere")
    assert run.returncode == 0
    # The CLI on the damaged store: a warning, no traceback.
    data = tmp_path / "data"
    data.mkdir()
    os.replace(path, data / "progress.sqlite3")
    for command in (["stats"], ["progress", "export", "-"]):
        run = _pyiq(*command, data=data)
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr
        assert "skipped 1 unreadable" in run.stderr


def _export(**review: object) -> str:
    base = {
        "uid": "u1",
        "card_id": "generators",
        "answered_at": "2026-01-02T03:04:05+00:00",
        "correct": True,
        "rating": 3,
    }
    return json.dumps(
        {"format": "pyiq-progress", "version": 1, "reviews": [base | review]}, indent=1
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_export(answered_at="9999-12-31T23:59:59-23:59"), "answered_at"),
        (_export(answered_at="0001-01-01T00:00:00+00:00"), "answered_at"),
        (_export(elapsed_ms=2**70), "elapsed_ms"),
        (_export(choice=-1), "choice"),
        ('{"format": "pyiq-progress", "version": 1, "reviews": [' + "1" * 5000 + "]}", "digits"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_import_refuses_bad_records_by_line_without_traceback(
    tmp_path: Path, text: str, message: str
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _store_with_answers(data)
    source = tmp_path / "in.json"
    source.write_text(text)
    run = _pyiq("progress", "import", str(source), data=data)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert message in run.stderr
    with Store.open(data / "progress.sqlite3") as store:
        assert store.review_count() == 2  # untouched


def test_import_names_the_line_of_the_bad_record(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(_export(elapsed_ms=2**70))
    run = _pyiq("progress", "import", str(source), data=tmp_path / "data")
    assert "line 6 (reviews[0])" in run.stderr, run.stderr  # the record's "uid" line
