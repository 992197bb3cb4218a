import pytest
from solution import product_except_self


@pytest.mark.parametrize(
    "nums, expected",
    [
        ([1, 2, 3, 4], [24, 12, 8, 6]),
        ([2, 0, 3], [0, 6, 0]),
        ([0, 0], [0, 0]),
        ([5], [1]),
        ([], []),
        ([-1, 2, -3], [-6, 3, -2]),
    ],
)
def test_cases(nums, expected):
    assert product_except_self(nums) == expected


def test_linear_time():
    nums = [1] * 300_000
    nums[123] = 2
    result = product_except_self(nums)
    assert (result[0], result[123], len(result)) == (2, 1, 300_000)
