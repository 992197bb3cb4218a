import pytest
from solution import Countdown


def test_counts_down():
    assert list(Countdown(3)) == [3, 2, 1]


def test_iterable_more_than_once():
    countdown = Countdown(2)
    assert list(countdown) == [2, 1]
    assert list(countdown) == [2, 1]


def test_nested_loops_are_independent():
    countdown = Countdown(2)
    pairs = [(a, b) for a in countdown for b in countdown]
    assert pairs == [(2, 2), (2, 1), (1, 2), (1, 1)]


def test_iterator_protocol():
    iterator = iter(Countdown(1))
    assert iter(iterator) is iterator
    assert next(iterator) == 1
    with pytest.raises(StopIteration):
        next(iterator)


def test_zero_and_invalid():
    assert list(Countdown(0)) == []
    with pytest.raises(ValueError):
        Countdown(-1)
    with pytest.raises(ValueError):
        Countdown(2.5)
