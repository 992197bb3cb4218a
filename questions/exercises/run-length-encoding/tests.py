import pytest
from solution import decode, encode


@pytest.mark.parametrize(
    "text, data",
    [("aaabccdddd", "3a1b2c4d"), ("", ""), ("x" * 12, "12x"), ("ab", "1a1b"), ("  !", "2 1!")],
)
def test_encode(text, data):
    assert encode(text) == data


@pytest.mark.parametrize("text", ["aaabccdddd", "", "x" * 12, "héé", "a b  c"])
def test_round_trip(text):
    assert decode(encode(text)) == text


@pytest.mark.parametrize("data", ["a3", "3", "3a4", "abc"])
def test_malformed(data):
    with pytest.raises(ValueError):
        decode(data)


def test_long_runs():
    text = "a" * 100_000 + "b"
    assert encode(text) == "100000a1b"
