from collections.abc import Iterable, Iterator


def batched(iterable: Iterable[object], size: int) -> Iterator[tuple[object, ...]]:
    """Yield tuples of `size` items; the last may be shorter."""
    raise NotImplementedError
