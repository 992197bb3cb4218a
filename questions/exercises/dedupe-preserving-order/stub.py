from collections.abc import Callable, Hashable, Iterable


def dedupe(items: Iterable[object], key: Callable[[object], Hashable] | None = None) -> list[object]:
    """The items without repeats, first occurrences in order."""
    raise NotImplementedError
