def product_except_self(nums: list[int]) -> list[int]:
    """For each index, the product of all the other elements (no division)."""
    raise NotImplementedError
