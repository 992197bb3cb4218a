import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    """At most `limit` allowed calls in any `window` seconds."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("limit must be >= 1 and window > 0")
        self.limit = limit
        self.window = window
        self.clock = clock
        self._calls: deque[float] = deque()

    def allow(self) -> bool:
        now = self.clock()
        calls = self._calls
        while calls and calls[0] <= now - self.window:
            calls.popleft()
        if len(calls) < self.limit:
            calls.append(now)
            return True
        return False
