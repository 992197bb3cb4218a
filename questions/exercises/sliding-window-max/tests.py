import pytest
from solution import window_max


@pytest.mark.parametrize(
    "nums, k, expected",
    [
        ([1, 3, -1, -3, 5, 3, 6, 7], 3, [3, 3, 5, 5, 6, 7]),
        ([4, 2], 1, [4, 2]),
        ([], 2, []),
        ([1, 2], 3, []),
        ([5, 5, 5], 2, [5, 5]),
        ([9, 8, 7, 6], 2, [9, 8, 7]),
    ],
)
def test_cases(nums, k, expected):
    assert window_max(nums, k) == expected


def test_invalid_k():
    with pytest.raises(ValueError):
        window_max([1], 0)


def test_linear_time():
    nums = list(range(200_000, 0, -1))
    result = window_max(nums, 50_000)
    assert (len(result), result[0], result[-1]) == (150_001, 200_000, 50_000)
