def missing_number(nums: list[int]) -> int:
    """The one number of 0..len(nums) that nums lacks."""
    raise NotImplementedError
