"""Statistics per topic and level."""

from __future__ import annotations

from datetime import timedelta

from pyiq.quiz.stats import compute
from tests.quiz.conftest import NOW


def test_empty_store_has_no_groups(store):
    stats = compute(store, now=NOW)
    assert stats.groups == () and stats.total.answered == 0 and stats.total.accuracy is None
    assert stats.day_streak == 0


def test_groups_count_answers_accuracy_mastery_due_and_streak(store):
    # "generators" is (generators, junior); the two closure questions are (closures, mid).
    store.record_answer("generators", True, "easy", now=NOW - timedelta(days=2))
    store.record_answer("generators", True, "easy", now=NOW - timedelta(days=2, minutes=-11))
    store.record_answer("closures", False, now=NOW - timedelta(days=1))
    store.record_answer("closures", True, now=NOW - timedelta(hours=1))
    store.record_answer("late-binding-closures", True, now=NOW - timedelta(minutes=30))
    stats = compute(store, now=NOW)
    by_key = {(g.topic, g.level): g for g in stats.groups}
    assert list(by_key) == [("closures", "mid"), ("generators", "junior")]
    junior = by_key[("generators", "junior")]
    assert (junior.answered, junior.correct, junior.accuracy) == (2, 2, 1.0)
    assert (junior.mastered, junior.streak, junior.cards, junior.due_today) == (1, 2, 1, 0)
    mid = by_key[("closures", "mid")]
    assert (mid.answered, mid.correct, mid.accuracy, mid.streak) == (3, 2, 0.6667, 2)
    assert (mid.cards, mid.mastered, mid.due_today) == (2, 0, 2)
    assert stats.total.answered == 5 and stats.total.cards == 3
    assert stats.day_streak == 3
    data = stats.to_dict()
    assert data["total"]["answered"] == 5 and len(data["groups"]) == 2


def test_day_streak_survives_until_today_ends(store):
    store.record_answer("closures", True, now=NOW - timedelta(days=1))
    assert compute(store, now=NOW).day_streak == 1
    assert compute(store, now=NOW + timedelta(days=2)).day_streak == 0
