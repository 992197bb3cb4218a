import heapq
from collections.abc import Iterable


def kth_largest(nums: Iterable[int], k: int) -> int:
    """The k-th largest value (k=1 is the maximum)."""
    if k < 1:
        raise ValueError("k must be at least 1")
    heap: list[int] = []
    for value in nums:
        if len(heap) < k:
            heapq.heappush(heap, value)
        elif value > heap[0]:
            heapq.heapreplace(heap, value)
    if len(heap) < k:
        raise ValueError("k is larger than the number of values")
    return heap[0]
