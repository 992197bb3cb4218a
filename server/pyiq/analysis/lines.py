"""Line index built from the exact bytes that were parsed.

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``: what Python's tokenizer and
the LSP specification both count. ``str.splitlines`` would also break at
``\\f``, ``\\v``, ``\\x1c``-``\\x1e``, ``\\x85``, ``\\u2028`` and ``\\u2029``, so
positions derived from it drift from the editor's. Columns are measured in
the unit the consumer asks for: UTF-8 bytes, UTF-16 code units (LSP's
default) or code points (UTF-32, also what ruff reports).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from itertools import accumulate
from typing import Literal

Encoding = Literal["utf-8", "utf-16", "utf-32"]
ENCODINGS: tuple[Encoding, ...] = ("utf-8", "utf-16", "utf-32")
_RIGHT = bisect.bisect_right
# Columns this far into a line are counted from a cursor (see LineIndex._far_column).
_FAR = 4096
_CURSORS = 4


def _units(text: str, encoding: Encoding) -> int:
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-16":
        return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
    return len(text.encode("utf-8", "surrogatepass"))


def _prefix_bytes(line: bytes, column: int, encoding: Encoding) -> int:
    """How many bytes of ``line`` the first ``column`` UTF-16 or UTF-32 units take.

    A column inside a character (the second half of a surrogate pair) counts
    as its start. Every step runs in C: a hover or an edit at the end of a
    line of a million characters must not walk it in Python.
    """
    if line.isascii():
        return min(column, len(line))
    text = line.decode("utf-8", "surrogateescape")
    if encoding == "utf-16":
        # Code points: astral characters are two UTF-16 units, everything
        # else (including the lone surrogates of undecodable bytes) one.
        units = text.encode("utf-16-le", "surrogatepass")[: 2 * column]
        if len(units) >= 2 and 0xD8 <= units[-1] <= 0xDB:
            units = units[:-2]  # half of a pair: back to the character's start
        column = len(units.decode("utf-16-le", "surrogatepass"))
    return len(text[:column].encode("utf-8", "surrogateescape"))


class LineIndex:
    """Maps byte offsets to (line, column) and back, for one immutable source.

    Line starts are kept as a list in which the entries from ``_pivot`` on
    still lack ``_delta``: an edit shifts every line below it, and typing
    would otherwise add the same number to thousands of entries per
    keystroke. Each edit settles only the entries between the old pivot and
    the new one, which for a run of keystrokes on one line is none.
    """

    __slots__ = ("_cursors", "_delta", "_lone_cr", "_pivot", "_source", "_starts")

    def __init__(self, source: bytes) -> None:
        self._source = source
        # bytes.splitlines breaks at exactly \n, \r\n and \r (unlike
        # str.splitlines), and does it in C.
        starts = list(accumulate(map(len, source.splitlines(keepends=True)), initial=0))
        if len(starts) > 1 and not source.endswith((b"\n", b"\r")):
            starts.pop()
        self._starts = starts
        self._pivot = len(starts)
        self._delta = 0
        # tree-sitter rows break at \n only; without a lone \r, they are our lines.
        self._lone_cr = source.count(b"\r") != source.count(b"\r\n")
        self._cursors: list[tuple[int, int, str, int]] = []

    def _settled(self, lo: int, hi: int) -> list[int]:
        """The true starts of lines ``lo`` to ``hi`` (exclusive)."""
        raw, pivot, delta = self._starts, self._pivot, self._delta
        if hi <= pivot or not delta:
            return raw[lo:hi]
        if lo >= pivot:
            return [s + delta for s in raw[lo:hi]]
        return raw[lo:pivot] + [s + delta for s in raw[pivot:hi]]

    def edited(self, start: int, old_end: int, new_source: bytes) -> LineIndex:
        """The index of ``new_source``, the old source with ``[start, old_end)`` replaced.

        Line starts before the edit are kept, those after it shifted (lazily,
        see the class); only the edited stretch is scanned, so a keystroke in
        a 6,000-line file does not rebuild the whole index.
        """
        raw, pivot, delta = self._starts, self._pivot, self._delta
        shift = len(new_source) - len(self._source)
        head = self._settled(0, max(1, self._bisect(start, bisect.bisect_left)))
        tail_at = self._bisect(old_end + 1, bisect.bisect_right)
        new_hi = min(len(new_source), old_end + 1 + shift)
        middle: list[int] = []
        # A lone \r the edit creates lies in the scanned stretch; one it removes
        # leaves the flag set, which only costs ``point`` its fast path.
        lone_cr = self._lone_cr
        i = max(start - 1, 0)
        while i < new_hi:
            byte = new_source[i]
            lone = byte == 0x0D and (i + 1 >= len(new_source) or new_source[i + 1] != 0x0A)
            if byte == 0x0A or lone:
                lone_cr = lone_cr or lone
                if i + 1 > head[-1]:
                    middle.append(i + 1)
            i += 1
        # Lines from tail_at on move by ``shift``; those from the old pivot on
        # still owe ``delta`` too. The stretch from tail_at to the old pivot is
        # settled now; the rest stays raw and owes delta + shift from the new
        # pivot on. With nothing owed, every entry is settled: no stretch.
        settled_to = max(tail_at, pivot) if delta else tail_at
        between = [s + shift for s in raw[tail_at:settled_to]]
        index = LineIndex.__new__(LineIndex)
        index._cursors = []
        index._lone_cr = lone_cr
        index._source = new_source
        index._starts = head + middle + between + raw[settled_to:]
        index._pivot = len(head) + len(middle) + len(between)
        index._delta = delta + shift if index._pivot < len(index._starts) else 0
        return index

    def _bisect(self, offset: int, search: Callable[..., int]) -> int:
        """``search`` (bisect_left or bisect_right) over the true line starts."""
        raw, pivot = self._starts, self._pivot
        if not self._delta:  # nothing owed: every start is true (a fresh index, always)
            return search(raw, offset)
        # Each side of the pivot is sorted on its own; the true starts are
        # sorted throughout, so the last settled start tells the side.
        if pivot < len(raw) and (pivot == 0 or raw[pivot - 1] < offset + (search is _RIGHT)):
            return search(raw, offset - self._delta, pivot)
        return search(raw, offset, 0, pivot)

    def starts(self) -> list[int]:
        """Every line's start offset, settled."""
        return self._settled(0, len(self._starts))

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        start = self._starts[line]
        return start + self._delta if line >= self._pivot else start

    def line_end(self, line: int) -> int:
        """Offset of the line's end, before its line break."""
        if line + 1 < len(self._starts):
            end = self.line_start(line + 1)
            if end >= 2 and self._source[end - 2 : end] == b"\r\n":
                return end - 2
            return end - 1
        return len(self._source)

    def line_of(self, offset: int) -> int:
        return self._bisect(offset, _RIGHT) - 1

    def decode(self, start: int, end: int) -> str:
        # Invalid UTF-8 counts one unit per undecodable byte, so positions stay
        # monotonic even in files that are not valid UTF-8.
        return self._source[start:end].decode("utf-8", "surrogateescape")

    def position(self, offset: int, encoding: Encoding = "utf-16") -> tuple[int, int]:
        """Zero-based (line, column) of a byte offset, column in ``encoding`` units."""
        offset = max(0, min(offset, len(self._source)))
        line = self.line_of(offset)
        start = self.line_start(line)
        if encoding == "utf-8":
            return line, offset - start
        if offset - start < _FAR:
            prefix = self._source[start:offset]
            if prefix.isascii():  # one unit per byte in every encoding; most code is ASCII
                return line, offset - start
            return line, _units(prefix.decode("utf-8", "surrogateescape"), encoding)
        return line, self._far_column(line, start, offset, encoding)

    def _far_column(self, line: int, start: int, offset: int, encoding: Encoding) -> int:
        """The column of an offset far into a long line, counted on from a nearby cursor.

        Findings are located in order, so counting each column from the line's
        start would make a file of one long line (minified or generated code)
        quadratic. The last few columns computed are kept as cursors, and a
        new one counts only the bytes from the closest cursor before it.
        """
        cursors = self._cursors
        best = -1
        for index, (c_line, c_offset, c_encoding, _) in enumerate(cursors):
            if (
                c_line == line
                and c_encoding == encoding
                and c_offset <= offset
                and (best < 0 or c_offset > cursors[best][1])
            ):
                best = index
        base_offset, base_units = (cursors[best][1], cursors[best][3]) if best >= 0 else (start, 0)
        piece = self._source[base_offset:offset]
        units = base_units + (
            len(piece)
            if piece.isascii()
            else _units(piece.decode("utf-8", "surrogateescape"), encoding)
        )
        entry = (line, offset, encoding, units)
        if best >= 0:
            cursors[best] = entry
        elif len(cursors) < _CURSORS:
            cursors.append(entry)
        else:
            cursors[0] = entry
        return units

    def offset(self, line: int, column: int, encoding: Encoding = "utf-16") -> int:
        """Byte offset of a (line, column) position, clamped into the source.

        A line past the end clamps to the end of the source and a column past
        the end of its line clamps to the line's end, as LSP asks servers to do.
        """
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self._source)
        start = self.line_start(line)
        end = self.line_end(line)
        if column <= 0:
            return start
        if encoding == "utf-8":
            offset = min(start + column, end)
            # Never land inside a multi-byte character.
            while start < offset < len(self._source) and (self._source[offset] & 0xC0) == 0x80:
                offset -= 1
            return offset
        return start + _prefix_bytes(self._source[start:end], column, encoding)

    def point(self, offset: int) -> tuple[int, int]:
        """tree-sitter's (row, byte column): rows break at ``\\n`` only."""
        if not self._lone_cr:
            row = self.line_of(offset)
            return row, offset - self.line_start(row)
        row = self._source.count(b"\n", 0, offset)
        last = self._source.rfind(b"\n", 0, offset)
        return row, offset - (last + 1)
