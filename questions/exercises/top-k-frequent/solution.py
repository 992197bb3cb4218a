from collections import Counter
from collections.abc import Hashable, Iterable


def top_k(items: Iterable[Hashable], k: int) -> list[Hashable]:
    """The k most frequent items, most frequent first, ties in first-seen order."""
    if k <= 0:
        return []
    return [item for item, _ in Counter(items).most_common(k)]
