import sys
import threading

from solution import Counter


def hammer(counter, threads, times, method="increment"):
    def work():
        for _ in range(times):
            getattr(counter, method)()

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        workers = [threading.Thread(target=work) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    finally:
        sys.setswitchinterval(old)


def test_starts_at_zero():
    assert Counter().value == 0


def test_single_thread():
    counter = Counter()
    counter.increment()
    counter.increment(by=5)
    counter.decrement(by=2)
    assert counter.value == 4


def test_many_threads_lose_no_increment():
    counter = Counter()
    hammer(counter, threads=8, times=20_000)
    assert counter.value == 160_000


def test_many_threads_lose_no_decrement():
    counter = Counter()
    hammer(counter, threads=4, times=20_000, method="decrement")
    assert counter.value == -80_000


def test_value_is_read_only():
    counter = Counter()
    try:
        counter.value = 3
    except AttributeError:
        pass
    assert counter.value == 0
