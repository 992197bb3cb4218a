import time
from collections.abc import Callable


class Timer:
    """`with Timer() as t:` measures the block; `t.elapsed` is in seconds."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.clock = clock
        self.elapsed: float | None = None
        self._start = 0.0

    def __enter__(self) -> "Timer":
        self._start = self.clock()
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        self.elapsed = self.clock() - self._start
