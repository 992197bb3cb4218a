from collections import deque


def window_max(nums: list[int], k: int) -> list[int]:
    """Maximum of each window of k consecutive values."""
    if k < 1:
        raise ValueError("k must be at least 1")
    best: deque[int] = deque()
    out: list[int] = []
    for i, value in enumerate(nums):
        while best and nums[best[-1]] <= value:
            best.pop()
        best.append(i)
        if best[0] <= i - k:
            best.popleft()
        if i >= k - 1:
            out.append(nums[best[0]])
    return out
