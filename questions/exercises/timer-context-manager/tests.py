import pytest
from solution import Timer


class FakeClock:
    def __init__(self, *times):
        self.times = list(times)

    def __call__(self):
        return self.times.pop(0)


def test_measures_the_block():
    with Timer(FakeClock(10.0, 12.5)) as t:
        pass
    assert t.elapsed == 2.5


def test_elapsed_is_none_before_use():
    assert Timer().elapsed is None


def test_records_time_and_propagates_exceptions():
    timer = Timer(FakeClock(1.0, 4.0))
    with pytest.raises(ZeroDivisionError):
        with timer:
            1 / 0
    assert timer.elapsed == 3.0


def test_reusable():
    timer = Timer(FakeClock(0.0, 1.0, 5.0, 7.0))
    with timer:
        pass
    with timer:
        pass
    assert timer.elapsed == 2.0


def test_real_clock_is_non_negative():
    with Timer() as t:
        sum(range(1000))
    assert t.elapsed >= 0
