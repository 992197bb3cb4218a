def merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of the intervals as sorted, non-overlapping pairs."""
    raise NotImplementedError
