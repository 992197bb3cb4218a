"""Mastery and due reviews, as the editor asks for them."""

from __future__ import annotations

from datetime import timedelta

from pyiq.quiz import mastery
from pyiq.quiz.cards import predict_card_id
from pyiq.quiz.store import Store
from tests.quiz.conftest import NOW


def _graduate(store, card_id, when=NOW):
    store.record_answer(card_id, True, "good", now=when)
    store.record_answer(card_id, True, "good", now=when + timedelta(minutes=11))


def test_one_right_answer_is_not_mastery(store):
    store.record_answer("closures", True, "good", now=NOW)
    assert mastery.mastered(store, ["closures"], now=NOW + timedelta(minutes=1)) == set()


def test_graduated_and_remembered_is_mastered_until_it_fades(store):
    _graduate(store, "closures")
    soon = NOW + timedelta(hours=1)
    assert mastery.mastered(store, ["closures", "generators"], now=soon) == {"closures"}
    assert mastery.mastered(store, ["closures"], now=NOW + timedelta(days=90)) == set()
    two_days = NOW + timedelta(days=2)
    assert mastery.mastered(store, ["closures"], now=two_days) == {"closures"}
    assert mastery.mastered(store, ["closures"], threshold=0.999, now=two_days) == set()


def test_due_lists_most_overdue_first(store):
    store.record_answer("a", False, now=NOW)
    store.record_answer("b", False, now=NOW + timedelta(minutes=5))
    _graduate(store, "c")
    due = mastery.due(store, now=NOW + timedelta(hours=1))
    assert [card.card_id for card in due] == ["a", "b"]


def test_rule_status_counts_bank_and_predict_cards(store):
    later = NOW + timedelta(hours=1)
    status = mastery.rule_status(store, "closure", now=later)
    assert not status.mastered and not status.due and status.answered == 0
    _graduate(store, "closures")
    assert mastery.rule_status(store, "closure", now=later).mastered
    store.record_answer(predict_card_id("closure"), False, now=NOW)
    status = mastery.rule_status(store, "closure", now=later)
    assert not status.mastered and status.due
    assert status.due_ids == (predict_card_id("closure"),)


def test_snapshot_notices_answers_from_another_process(store):
    snap = mastery.Snapshot.load(store, now=NOW + timedelta(hours=1))
    assert not snap.stale(store)
    assert not snap.rule_mastered("closure")
    with Store.open(store.path) as other:
        _graduate(other, "closures")
    assert snap.stale(store)
    fresh = mastery.Snapshot.load(store, now=NOW + timedelta(hours=1))
    assert fresh.rule_mastered("closure") and fresh.mastered("closures")
    assert not fresh.due("closures")
