import threading


class Counter:
    """An integer counter that many threads may change at once."""

    def __init__(self) -> None:
        self._value = 0
        self._lock = threading.Lock()

    def increment(self, by: int = 1) -> None:
        with self._lock:
            self._value += by

    def decrement(self, by: int = 1) -> None:
        with self._lock:
            self._value -= by

    @property
    def value(self) -> int:
        return self._value
