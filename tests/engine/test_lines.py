"""The line index: LSP's line breaks, every encoding, and incremental updates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pyiq.analysis.lines import ENCODINGS, LineIndex

ALPHABET = st.sampled_from(["a", "é", "😀", "\n", "\r", "\r\n", "\f", "\u2028", " "])


def test_breaks_are_lf_crlf_and_lone_cr_only() -> None:
    index = LineIndex("a\r\nb\rc\nd\u2028e\ff".encode())
    assert index.line_count == 4
    assert [index.line_start(i) for i in range(4)] == [0, 3, 5, 7]
    assert index.line_end(0) == 1


def test_columns_per_encoding_and_clamping() -> None:
    index = LineIndex("x😀y\n".encode())
    offset_y = len("x😀".encode())
    assert index.position(offset_y, "utf-8") == (0, 5)
    assert index.position(offset_y, "utf-16") == (0, 3)
    assert index.position(offset_y, "utf-32") == (0, 2)
    assert index.offset(0, 3, "utf-16") == offset_y
    assert index.offset(0, 2, "utf-16") == 1  # inside the surrogate pair: before the emoji
    assert index.offset(0, 99) == index.line_end(0)
    assert index.offset(99, 0) == len("x😀y\n".encode())


@settings(max_examples=400, deadline=None)
@given(
    st.lists(ALPHABET, max_size=30).map("".join),
    st.lists(ALPHABET, max_size=6).map("".join),
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=0, max_value=10),
)
def test_incremental_update_equals_a_fresh_index(
    text: str, insert: str, where: int, length: int
) -> None:
    source = text.encode()
    start = min(where, len(source))
    end = min(len(source), start + length)
    new_source = source[:start] + insert.encode() + source[end:]
    updated = LineIndex(source).edited(start, end, new_source)
    assert updated.starts() == LineIndex(new_source).starts()


EDIT = st.tuples(
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=6),
    st.lists(ALPHABET, max_size=4).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join), st.lists(EDIT, min_size=1, max_size=8))
def test_edit_sequences_equal_a_fresh_index_and_leave_older_indexes_intact(
    text: str, edits: list[tuple[int, int, str]]
) -> None:
    """Deferred shifts carry from edit to edit; every index stays a snapshot of its source."""
    source = text.encode()
    index = LineIndex(source)
    history = [(index, source)]
    for where, length, insert in edits:
        start = min(where, len(source))
        end = min(len(source), start + length)
        source = source[:start] + insert.encode() + source[end:]
        index = index.edited(start, end, source)
        history.append((index, source))
    for snapshot, text_then in history:
        fresh = LineIndex(text_then)
        assert snapshot.starts() == fresh.starts()
        assert snapshot.line_count == fresh.line_count
        for offset in range(len(text_then) + 1):
            assert snapshot.line_of(offset) == fresh.line_of(offset)
            assert snapshot.point(offset) == fresh.point(offset)
            assert snapshot.position(offset) == fresh.position(offset)
        for line in range(fresh.line_count):
            assert snapshot.line_end(line) == fresh.line_end(line)
            assert snapshot.offset(line, 1) == fresh.offset(line, 1)


def test_ascii_shortcut_equals_counting_units_in_every_encoding() -> None:
    source = "a = 1\r\nb = 'é😀x'\rc\n😀😀 = 2\n\nlast é".encode()
    lines = LineIndex(source)
    for encoding in ENCODINGS:
        for offset in range(-1, len(source) + 2):
            clamped = max(0, min(offset, len(source)))
            line = lines.line_of(clamped)
            prefix = lines.decode(lines.line_start(line), clamped)
            if encoding == "utf-8":
                units = len(prefix.encode("utf-8", "surrogateescape"))
            elif encoding == "utf-16":
                units = len(prefix.encode("utf-16-le", "surrogatepass")) // 2
            else:
                units = len(prefix)
            assert lines.position(offset, encoding) == (line, units), (offset, encoding)


def _offset_by_counting(source: bytes, line: int, column: int, encoding: str) -> int:
    """The reference: walk the line a character at a time (what the index must equal)."""
    lines = LineIndex(source)
    start, end = lines.line_start(line), lines.line_end(line)
    text = lines.decode(start, end)
    units = 0
    for index, ch in enumerate(text):
        width = 2 if encoding == "utf-16" and ord(ch) > 0xFFFF else 1
        if units + width > column:
            return start + len(text[:index].encode("utf-8", "surrogateescape"))
        units += width
    return end


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "é", "😀", "中", "\n", "\r\n", "\udcff", " "]), max_size=30).map(
        "".join
    ),
    st.integers(min_value=0, max_value=40),
)
def test_offset_of_a_column_equals_counting_characters(text: str, column: int) -> None:
    """UTF-16 and UTF-32 columns to bytes, including undecodable bytes and surrogate halves."""
    source = text.encode("utf-8", "surrogateescape")
    lines = LineIndex(source)
    for line in range(lines.line_count):
        for encoding in ("utf-16", "utf-32"):
            assert lines.offset(line, column, encoding) == _offset_by_counting(
                source, line, column, encoding
            ), (source, line, column, encoding)


def test_offset_at_the_end_of_a_million_character_line() -> None:
    """The column of a hover at the end of a minified line: exact, astral characters too."""
    source = ("é😀" * 500_000 + " = 1\n").encode()
    lines = LineIndex(source)
    assert lines.offset(0, 1_500_000 + 1, "utf-16") == len(("é😀" * 500_000 + " ").encode())
    assert lines.offset(0, 1_000_000 + 1, "utf-32") == len(("é😀" * 500_000 + " ").encode())
    assert lines.offset(0, 1_500_000 - 1, "utf-16") == len(("é😀" * 499_999 + "é").encode())
