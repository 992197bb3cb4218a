import time
from collections.abc import Callable


class Timer:
    """`with Timer() as t:` measures the block; `t.elapsed` is in seconds."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        raise NotImplementedError
