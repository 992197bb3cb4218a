from collections.abc import Iterable, Iterator
from itertools import islice


def batched(iterable: Iterable[object], size: int) -> Iterator[tuple[object, ...]]:
    """Yield tuples of `size` items; the last may be shorter."""
    if size < 1:
        raise ValueError("size must be at least 1")
    return _batches(iter(iterable), size)


def _batches(iterator: Iterator[object], size: int) -> Iterator[tuple[object, ...]]:
    while chunk := tuple(islice(iterator, size)):
        yield chunk
