from collections.abc import Iterable


def kth_largest(nums: Iterable[int], k: int) -> int:
    """The k-th largest value (k=1 is the maximum)."""
    raise NotImplementedError
