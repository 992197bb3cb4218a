from collections.abc import Iterator


def flatten(items: list) -> Iterator[object]:
    """Yield the non-list values of a nested list, depth first."""
    raise NotImplementedError
