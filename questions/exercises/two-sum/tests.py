import pytest
from solution import two_sum


def test_example():
    assert two_sum([2, 7, 11, 15], 9) == (0, 1)


def test_pair_at_the_end():
    assert two_sum([1, 2, 3, 4], 7) == (2, 3)


def test_first_element_is_part_of_the_pair():
    assert two_sum([5, 1, 9], 14) == (0, 2)


@pytest.mark.parametrize(
    "nums, target, expected",
    [
        ([3, 3], 6, (0, 1)),
        ([-4, 10, 2], -2, (0, 2)),
        ([0, 4, 0], 0, (0, 2)),
    ],
)
def test_duplicates_negatives_and_zero(nums, target, expected):
    assert two_sum(nums, target) == expected


def test_no_pair():
    assert two_sum([1, 2, 4], 100) is None


def test_empty_and_single():
    assert two_sum([], 0) is None
    assert two_sum([5], 10) is None


def test_element_not_used_twice():
    assert two_sum([5, 1], 10) is None


def test_large_input_in_linear_time():
    nums = list(range(200_000))
    assert two_sum(nums, 399_997) == (199_998, 199_999)
