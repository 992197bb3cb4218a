import inspect

import pytest
from solution import flatten


@pytest.mark.parametrize(
    "items, expected",
    [
        ([1, [2, [3, []]], 4], [1, 2, 3, 4]),
        ([], []),
        ([[[]]], []),
        (["ab", ("c", "d")], ["ab", ("c", "d")]),
        ([None, [0, [False]]], [None, 0, False]),
    ],
)
def test_cases(items, expected):
    assert list(flatten(items)) == expected


def test_is_lazy():
    assert inspect.isgenerator(flatten([1]))


def test_deep_nesting():
    data = [0]
    for i in range(1, 5000):
        data = [data, i]
    assert list(flatten(data)) == list(range(5000))
