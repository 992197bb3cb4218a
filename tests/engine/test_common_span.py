"""The changed span of a whole new text: the same answer as comparing byte by byte."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pyiq.analysis import Document
from pyiq.analysis.common_span import common_prefix, common_suffix


def slow_prefix(a: bytes, b: bytes) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def slow_suffix(a: bytes, b: bytes, prefix: int) -> int:
    n = 0
    while n < min(len(a), len(b)) - prefix and a[len(a) - 1 - n] == b[len(b) - 1 - n]:
        n += 1
    return n


texts = st.binary(max_size=40) | st.text(alphabet="ab\n", max_size=40).map(str.encode)


@given(texts, texts)
def test_the_span_is_the_byte_by_byte_one(a: bytes, b: bytes) -> None:
    prefix = common_prefix(a, b)
    assert prefix == slow_prefix(a, b)
    assert common_suffix(a, b, prefix) == slow_suffix(a, b, prefix)


def test_prefix_and_suffix_never_overlap() -> None:
    # "aaa" -> "aaaa": the prefix takes all three, the suffix nothing of them.
    assert common_prefix(b"aaa", b"aaaa") == 3
    assert common_suffix(b"aaa", b"aaaa", 3) == 0
    assert common_suffix(b"xaaa", b"yaaa") == 3
    assert (common_prefix(b"", b"abc"), common_suffix(b"", b"abc")) == (0, 0)


def test_a_full_sync_keystroke_in_a_large_file_takes_the_changed_span() -> None:
    line = b"value = compute(item) if item is not None else default\n"
    body = line * 20_000  # about 1.1 MB
    document = Document(body + b"x == None\n" + body)
    none_at = len(body) + len(b"x == ")
    before = [f.start_byte for f in document.findings() if f.rule == "none-comparison"]
    document.replace(body + b"x is None\n" + body)
    after = [f.start_byte for f in document.findings() if f.rule == "none-comparison"]
    assert before == [none_at] and after == []
