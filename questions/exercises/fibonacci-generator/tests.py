import inspect
from itertools import islice

from solution import fibonacci


def take(n):
    return list(islice(fibonacci(), n))


def test_first_ten():
    assert take(10) == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]


def test_is_a_generator():
    assert inspect.isgenerator(fibonacci())


def test_fresh_sequence_per_call():
    first = fibonacci()
    next(first)
    next(first)
    assert next(fibonacci()) == 0


def test_big_numbers_are_exact():
    assert take(101)[-1] == 354224848179261915075


def test_many_numbers_quickly():
    last = None
    for last in islice(fibonacci(), 20_000):
        pass
    assert last % 1000 == take(20_000)[-1] % 1000
