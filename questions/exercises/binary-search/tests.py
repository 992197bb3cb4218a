import pytest
from solution import binary_search


@pytest.mark.parametrize(
    "items, target, expected",
    [
        ([1, 3, 5, 7], 5, 2),
        ([1, 2, 2, 2, 3], 2, 1),
        ([1, 3, 5], 4, -1),
        ([], 1, -1),
        ([7], 7, 0),
        ([1, 3, 5], 0, -1),
        ([1, 3, 5], 9, -1),
        ([2, 2, 2], 2, 0),
    ],
)
def test_cases(items, target, expected):
    assert binary_search(items, target) == expected


def test_logarithmic_on_a_large_list():
    items = list(range(0, 2_000_000, 2))
    for target in range(0, 2_000_000, 1001):
        expected = target // 2 if target % 2 == 0 else -1
        assert binary_search(items, target) == expected
