def window_max(nums: list[int], k: int) -> list[int]:
    """Maximum of each window of k consecutive values."""
    raise NotImplementedError
