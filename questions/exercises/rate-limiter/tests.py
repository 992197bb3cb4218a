import pytest
from solution import RateLimiter


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_allows_up_to_the_limit():
    clock = Clock()
    limiter = RateLimiter(3, 1.0, clock)
    assert [limiter.allow() for _ in range(4)] == [True, True, True, False]


def test_window_slides():
    clock = Clock()
    limiter = RateLimiter(2, 10.0, clock)
    limiter.allow()
    clock.now = 5.0
    limiter.allow()
    clock.now = 9.9
    assert limiter.allow() is False
    clock.now = 10.0
    assert limiter.allow() is True
    assert limiter.allow() is False


def test_refused_calls_do_not_count():
    clock = Clock()
    limiter = RateLimiter(1, 1.0, clock)
    assert limiter.allow() is True
    for step in range(9):
        clock.now = 0.1 * step
        limiter.allow()
    clock.now = 1.0
    assert limiter.allow() is True


def test_invalid_arguments():
    with pytest.raises(ValueError):
        RateLimiter(0, 1.0)


def test_many_calls_stay_fast():
    clock = Clock()
    limiter = RateLimiter(1000, 1.0, clock)
    allowed = 0
    for i in range(300_000):
        clock.now = i / 10_000
        allowed += limiter.allow()
    assert allowed == 30_000
