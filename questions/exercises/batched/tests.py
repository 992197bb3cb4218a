import itertools

import pytest
from solution import batched


def test_example():
    assert list(batched("abcdefg", 3)) == [("a", "b", "c"), ("d", "e", "f"), ("g",)]


def test_exact_multiple_and_empty():
    assert list(batched([1, 2, 3, 4], 2)) == [(1, 2), (3, 4)]
    assert list(batched([], 5)) == []


def test_lazy_on_an_endless_iterator():
    first = next(iter(batched(itertools.count(), 3)))
    assert first == (0, 1, 2)


def test_invalid_size_fails_at_the_call():
    with pytest.raises(ValueError):
        batched([1, 2], 0)


def test_size_one():
    assert list(batched("ab", 1)) == [("a",), ("b",)]
