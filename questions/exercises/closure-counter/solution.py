from collections.abc import Callable


def make_counter(start: int = 0) -> tuple[Callable[[], int], Callable[[], int]]:
    """(increment, current) sharing one count, via a closure."""
    count = start

    def increment() -> int:
        nonlocal count
        count += 1
        return count

    def current() -> int:
        return count

    return increment, current
