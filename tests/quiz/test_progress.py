"""Exporting and importing progress."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest

from pyiq.quiz.progress import ProgressFileError, export_to, import_file, parse_export
from pyiq.quiz.store import Store
from tests.quiz.conftest import NOW


def test_round_trip_rebuilds_the_same_cards(store, tmp_path):
    store.record_answer("closures", True, now=NOW)
    store.record_answer("closures", True, "easy", now=NOW + timedelta(minutes=20))
    store.record_answer("generators", False, now=NOW)
    out = io.StringIO()
    assert export_to(store, out) == 3
    path = tmp_path / "progress.json"
    path.write_text(out.getvalue())
    with Store.open(tmp_path / "other.sqlite3") as other:
        result = import_file(other, path)
        assert (result.added, result.already_present) == (3, 0)
        assert other.cards() == store.cards()
        again = import_file(other, path)
        assert (again.added, again.already_present) == (0, 3)
        assert other.review_count() == 3


def test_merging_two_machines_keeps_both_logs(tmp_path):
    with Store.open(tmp_path / "a.sqlite3") as a, Store.open(tmp_path / "b.sqlite3") as b:
        a.record_answer("closures", True, now=NOW)
        b.record_answer("closures", False, now=NOW + timedelta(hours=1))
        for source, target in ((a, b), (b, a)):
            buffer = io.StringIO()
            export_to(source, buffer)
            target.merge_reviews(parse_export(buffer.getvalue()))
        assert a.review_count() == b.review_count() == 2
        assert a.cards() == b.cards()
        assert a.card("closures").lapses == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not JSON"),
        ("[]", "not a pyiq progress export"),
        ('{"format": "pyiq-progress", "version": 99, "reviews": []}', "newer"),
        ('{"format": "pyiq-progress", "version": 1, "reviews": {}}', "must be a list"),
        (
            '{"format": "pyiq-progress", "version": 1, "reviews": [{"uid": "u", "card_id": "c",'
            ' "answered_at": "yesterday", "correct": true, "rating": 3}]}',
            "line 1 \\(reviews\\[0\\]\\): review field 'answered_at'",
        ),
        (
            '{"format": "pyiq-progress", "version": 1, "reviews": [{"uid": "u", "card_id": "c",'
            ' "answered_at": "2025-01-01T00:00:00+00:00", "correct": true, "rating": 9}]}',
            "'rating' must be 1-4",
        ),
    ],
)
def test_bad_files_are_refused_with_the_reason(text, message):
    with pytest.raises(ProgressFileError, match=message):
        parse_export(text, "f.json")


def test_export_is_plain_json(store):
    store.record_answer("closures", True, now=NOW)
    buffer = io.StringIO()
    export_to(store, buffer)
    data = json.loads(buffer.getvalue())
    assert data["format"] == "pyiq-progress" and data["reviews"][0]["card_id"] == "closures"
