import random

import pytest
from solution import kth_largest


@pytest.mark.parametrize(
    "nums, k, expected",
    [([3, 2, 1, 5, 6, 4], 2, 5), ([3, 3, 1], 2, 3), ([7], 1, 7), ([-1, -5, -3], 3, -5)],
)
def test_cases(nums, k, expected):
    assert kth_largest(nums, k) == expected


@pytest.mark.parametrize("k", [0, 4])
def test_invalid_k(k):
    with pytest.raises(ValueError):
        kth_largest([1, 2, 3], k)


def test_streamed_input():
    rng = random.Random(7)
    values = (rng.randrange(10**9) for _ in range(300_000))
    again = random.Random(7)
    expected = sorted(again.randrange(10**9) for _ in range(300_000))[-10]
    assert kth_largest(values, 10) == expected
