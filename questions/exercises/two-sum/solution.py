def two_sum(nums: list[int], target: int) -> tuple[int, int] | None:
    """Return (i, j) with i < j and nums[i] + nums[j] == target, or None if no pair exists."""
    position: dict[int, int] = {}
    for j, value in enumerate(nums):
        i = position.get(target - value)
        if i is not None:
            return i, j
        position[value] = j
    return None
