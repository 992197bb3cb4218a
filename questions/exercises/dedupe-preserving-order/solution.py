from collections.abc import Callable, Hashable, Iterable


def dedupe(items: Iterable[object], key: Callable[[object], Hashable] | None = None) -> list[object]:
    """The items without repeats, first occurrences in order."""
    seen: set[Hashable] = set()
    out: list[object] = []
    for item in items:
        marker = key(item) if key is not None else item
        if marker not in seen:
            seen.add(marker)
            out.append(item)
    return out
