from collections.abc import Iterable


def status_counts(lines: Iterable[str]) -> dict[int, int]:
    """How many requests got each HTTP status, skipping malformed lines."""
    raise NotImplementedError
