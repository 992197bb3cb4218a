import time
from collections.abc import Callable


class RateLimiter:
    """At most `limit` allowed calls in any `window` seconds."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        raise NotImplementedError

    def allow(self) -> bool:
        raise NotImplementedError
