def two_sum(nums: list[int], target: int) -> tuple[int, int] | None:
    """Return (i, j) with i < j and nums[i] + nums[j] == target, or None if no pair exists."""
    raise NotImplementedError
