import functools
from collections.abc import Callable


def memoize(func: Callable) -> Callable:
    """Cache func's results by its arguments."""
    cache: dict = {}

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = func(*args, **kwargs)
        return cache[key]

    wrapper.cache_clear = cache.clear
    return wrapper
