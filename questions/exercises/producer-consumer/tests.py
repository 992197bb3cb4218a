import threading
import time

import pytest
from solution import process_all


def test_results_in_input_order():
    assert process_all([3, 1, 2], lambda x: x * 10) == [30, 10, 20]


def test_uses_several_threads():
    names = set()

    def work(x):
        names.add(threading.current_thread().name)
        time.sleep(0.01)
        return x

    process_all(range(40), work, threads=4)
    assert len(names) == 4


def test_runs_in_parallel_for_io():
    started = time.perf_counter()
    process_all(range(20), lambda x: time.sleep(0.1), threads=10)
    assert time.perf_counter() - started < 1.0


def test_exceptions_are_results():
    def work(x):
        if x == 2:
            raise ValueError("two")
        return x

    result = process_all([1, 2, 3], work)
    assert result[0] == 1 and result[2] == 3
    assert isinstance(result[1], ValueError)


def test_no_thread_left_running_and_empty_input():
    before = threading.active_count()
    assert process_all([], lambda x: x) == []
    process_all([1, 2], lambda x: x, threads=3)
    assert threading.active_count() == before


def test_invalid_thread_count():
    with pytest.raises(ValueError):
        process_all([1], lambda x: x, threads=0)
