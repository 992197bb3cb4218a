import pytest
from solution import longest_unique


@pytest.mark.parametrize(
    "s, expected",
    [("abcabcbb", 3), ("bbbbb", 1), ("pwwkew", 3), ("", 0), ("a", 1), ("abba", 2), ("dvdf", 3)],
)
def test_cases(s, expected):
    assert longest_unique(s) == expected


def test_unicode_characters_count_once():
    assert longest_unique("héllo wörld") == 7  # "o wörld"


def test_large_input_in_one_pass():
    s = "".join(chr(0x4E00 + i % 5000) for i in range(300_000))
    assert longest_unique(s) == 5000
