class _CountdownIterator:
    def __init__(self, start: int) -> None:
        self._current = start

    def __iter__(self) -> "_CountdownIterator":
        return self

    def __next__(self) -> int:
        if self._current <= 0:
            raise StopIteration
        value = self._current
        self._current -= 1
        return value


class Countdown:
    """Iterable over start, start - 1, ..., 1, as often as you like."""

    def __init__(self, start: int) -> None:
        if not isinstance(start, int) or isinstance(start, bool) or start < 0:
            raise ValueError(f"start must be a non-negative int, got {start!r}")
        self.start = start

    def __iter__(self) -> _CountdownIterator:
        return _CountdownIterator(self.start)
