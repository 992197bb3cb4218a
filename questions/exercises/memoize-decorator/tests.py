import pytest
from solution import memoize


def test_caches_results():
    calls = []

    @memoize
    def square(x):
        calls.append(x)
        return x * x

    assert [square(3), square(3), square(4)] == [9, 9, 16]
    assert calls == [3, 4]


def test_makes_recursion_linear():
    @memoize
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    assert fib(300) == 222232244629420445529739893461909967206666939096499764990979600


def test_keyword_arguments_are_part_of_the_key():
    calls = []

    @memoize
    def power(base, exp=2):
        calls.append((base, exp))
        return base**exp

    assert power(2, exp=3) == 8
    assert power(2, exp=3) == 8
    assert power(2) == 4
    assert calls == [(2, 3), (2, 2)]


def test_exceptions_are_not_cached():
    attempts = []

    @memoize
    def fragile(x):
        attempts.append(x)
        if len(attempts) == 1:
            raise RuntimeError("first call fails")
        return x

    with pytest.raises(RuntimeError):
        fragile(1)
    assert fragile(1) == 1
    assert attempts == [1, 1]


def test_metadata_and_cache_clear():
    calls = []

    @memoize
    def double(x):
        """Twice x."""
        calls.append(x)
        return 2 * x

    double(1)
    double.cache_clear()
    double(1)
    assert (double.__name__, double.__doc__, calls) == ("double", "Twice x.", [1, 1])
