import pytest
from solution import is_balanced


@pytest.mark.parametrize(
    "text, expected",
    [
        ("()", True),
        ("f(a[0], {b: 1})", True),
        ("", True),
        ("no brackets at all", True),
        ("(]", False),
        ("((", False),
        ("))", False),
        ("([)]", False),
        ("{[()()]}", True),
    ],
)
def test_cases(text, expected):
    assert is_balanced(text) is expected


def test_long_nesting_is_linear():
    depth = 200_000
    assert is_balanced("(" * depth + ")" * depth) is True
    assert is_balanced("(" * depth + ")" * (depth - 1)) is False
