import pytest
from solution import from_roman, to_roman


@pytest.mark.parametrize(
    "n, s", [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (1994, "MCMXCIV"), (3999, "MMMCMXCIX")]
)
def test_both_ways(n, s):
    assert to_roman(n) == s
    assert from_roman(s) == n


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_out_of_range(n):
    with pytest.raises(ValueError):
        to_roman(n)


@pytest.mark.parametrize("s", ["IIII", "IC", "", "ABC", "VX"])
def test_invalid_numerals(s):
    with pytest.raises(ValueError):
        from_roman(s)


def test_every_number_round_trips():
    assert all(from_roman(to_roman(n)) == n for n in range(1, 4000))
