import pytest
from solution import retry


def flaky(failures, exc=ConnectionError):
    calls = []

    def call(x):
        calls.append(x)
        if len(calls) <= failures:
            raise exc(f"failure {len(calls)}")
        return x * 2

    return call, calls


def test_succeeds_after_failures_with_backoff():
    delays = []
    call, calls = flaky(2)
    wrapped = retry(times=3, sleep=delays.append)(call)
    assert wrapped(21) == 42
    assert delays == [0.1, 0.2]
    assert calls == [21, 21, 21]


def test_last_failure_is_reraised():
    call, calls = flaky(5)
    wrapped = retry(times=3, sleep=lambda s: None)(call)
    with pytest.raises(ConnectionError, match="failure 3"):
        wrapped(1)
    assert len(calls) == 3


def test_other_exceptions_are_not_retried():
    call, calls = flaky(1, exc=KeyError)
    wrapped = retry(times=3, exceptions=(ConnectionError,), sleep=lambda s: None)(call)
    with pytest.raises(KeyError):
        wrapped(1)
    assert len(calls) == 1


def test_no_sleep_on_success():
    delays = []

    @retry(sleep=delays.append)
    def ok():
        return "fine"

    assert ok() == "fine"
    assert delays == []


def test_metadata_is_kept():
    @retry(sleep=lambda s: None)
    def fetch(url):
        """Fetch a URL."""

    assert (fetch.__name__, fetch.__doc__) == ("fetch", "Fetch a URL.")


def test_base_delay_scales():
    delays = []
    call, _ = flaky(3)
    retry(times=4, base_delay=1.0, sleep=delays.append)(call)(0)
    assert delays == [1.0, 2.0, 4.0]
