import pytest
from solution import first_unique


@pytest.mark.parametrize(
    "text, expected",
    [("leetcode", 0), ("loveleetcode", 2), ("aabb", -1), ("", -1), ("z", 0), ("aA", 0), ("ééa", 2)],
)
def test_cases(text, expected):
    assert first_unique(text) == expected


def test_linear_time():
    text = "ab" * 150_000 + "c"
    assert first_unique(text) == 300_000
