"""FSRS ratings and replay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fsrs import Rating

from pyiq.quiz.scheduling import (
    auto_rating,
    new_card,
    parse_rating,
    parse_stamp,
    replay,
    review,
    stamp,
)
from tests.quiz.conftest import NOW


def test_wrong_is_again_whatever_the_speed():
    assert auto_rating(False, 1.0) == Rating.Again
    assert auto_rating(False, None) == Rating.Again


@pytest.mark.parametrize(
    ("elapsed", "first", "expected"),
    [
        (2.0, False, Rating.Easy),
        (2.0, True, Rating.Good),  # a quick first answer may be a guess
        (8.0, False, Rating.Good),
        (60.0, False, Rating.Hard),
        (None, False, Rating.Good),
    ],
)
def test_right_answers_are_rated_by_speed(elapsed, first, expected):
    assert auto_rating(True, elapsed, reading_chars=0, first_time=first) == expected


def test_reading_time_is_allowed_for():
    assert auto_rating(True, 20.0, reading_chars=0) == Rating.Hard
    assert auto_rating(True, 20.0, reading_chars=300) == Rating.Good


def test_parse_rating_accepts_names_and_numbers():
    assert parse_rating("Easy") == Rating.Easy
    assert parse_rating("2") == Rating.Hard
    with pytest.raises(ValueError, match="again, hard, good or easy"):
        parse_rating("meh")


def test_replay_equals_step_by_step_review():
    log = [
        (NOW, Rating.Good, True),
        (NOW + timedelta(minutes=12), Rating.Good, True),
        (NOW + timedelta(days=3), Rating.Again, False),
        (NOW + timedelta(days=3, minutes=11), Rating.Good, True),
    ]
    card = new_card("x", NOW)
    for when, rating, correct in log:
        card = review(card, rating, when, correct)
    assert replay("x", log) == card
    assert card.reps == 4 and card.lapses == 1


def test_stamps_round_trip_and_sort_as_text():
    early, late = NOW, NOW + timedelta(microseconds=1)
    assert parse_stamp(stamp(early)) == early
    assert stamp(early) < stamp(late)


def test_retrievability_is_zero_before_any_review_and_falls_with_time():
    card = new_card("x", NOW)
    assert card.retrievability(NOW) == 0.0
    card = review(card, Rating.Easy, NOW)
    assert card.retrievability(NOW) == pytest.approx(1.0)
    assert card.retrievability(NOW + timedelta(days=60)) < 0.9
