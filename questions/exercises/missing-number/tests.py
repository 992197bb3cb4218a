import pytest
from solution import missing_number


@pytest.mark.parametrize(
    "nums, expected",
    [([3, 0, 1], 2), ([0, 1], 2), ([1], 0), ([0], 1), ([], 0), ([9, 6, 4, 2, 3, 5, 7, 0, 1], 8)],
)
def test_cases(nums, expected):
    assert missing_number(nums) == expected


def test_large_input():
    n = 1_000_000
    nums = [i for i in range(n + 1) if i != 123_456]
    assert missing_number(nums) == 123_456
