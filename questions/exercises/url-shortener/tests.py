import string

import pytest
from solution import Shortener


def test_round_trip():
    s = Shortener()
    code = s.shorten("https://example.com/a/very/long/path?q=1")
    assert s.expand(code) == "https://example.com/a/very/long/path?q=1"


def test_same_url_same_code_and_distinct_urls_distinct_codes():
    s = Shortener()
    a = s.shorten("https://a.example")
    assert s.shorten("https://a.example") == a
    assert s.shorten("https://b.example") != a


def test_unknown_code():
    with pytest.raises(KeyError):
        Shortener().expand("zzz")


@pytest.mark.parametrize("url", ["ftp://x", "example.com", "", "javascript:alert(1)"])
def test_rejects_non_http(url):
    with pytest.raises(ValueError):
        Shortener().shorten(url)


def test_codes_are_short_and_base62():
    s = Shortener()
    codes = [s.shorten(f"https://example.com/{i}") for i in range(100_000)]
    allowed = set(string.ascii_letters + string.digits)
    assert len(set(codes)) == 100_000
    assert max(len(c) for c in codes) <= 3
    assert set("".join(codes)) <= allowed
