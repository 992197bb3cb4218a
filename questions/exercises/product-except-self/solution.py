def product_except_self(nums: list[int]) -> list[int]:
    """For each index, the product of all the other elements (no division)."""
    out = [1] * len(nums)
    running = 1
    for i, value in enumerate(nums):
        out[i] = running
        running *= value
    running = 1
    for i in range(len(nums) - 1, -1, -1):
        out[i] *= running
        running *= nums[i]
    return out
