import time
from collections.abc import Callable


def retry(
    times: int = 3,
    exceptions: tuple[type[BaseException], ...] = (Exception,),
    base_delay: float = 0.1,
    sleep: Callable[[float], None] = time.sleep,
) -> Callable:
    """Retry the decorated function on `exceptions`, backing off exponentially."""
    raise NotImplementedError
