import functools
import time
from collections.abc import Callable


def retry(
    times: int = 3,
    exceptions: tuple[type[BaseException], ...] = (Exception,),
    base_delay: float = 0.1,
    sleep: Callable[[float], None] = time.sleep,
) -> Callable:
    """Retry the decorated function on `exceptions`, backing off exponentially."""
    if times < 1:
        raise ValueError("times must be at least 1")

    def decorator(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if attempt == times - 1:
                        raise
                    sleep(base_delay * 2**attempt)
            raise AssertionError("unreachable")

        return wrapper

    return decorator
