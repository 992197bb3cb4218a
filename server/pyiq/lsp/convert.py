"""Engine offsets to LSP positions and back, in the negotiated encoding.

The engine speaks byte offsets only; every conversion to the client's
``positionEncoding`` (UTF-8, UTF-16 or UTF-32 code units) happens here, so
no feature re-derives columns from a differently split text.
"""

from __future__ import annotations

from lsprotocol import types

from pyiq.analysis.lines import Encoding, LineIndex

_ENCODINGS: dict[str, Encoding] = {"utf-8": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}


def encoding_of(kind: object) -> Encoding:
    """The engine's name for a negotiated ``PositionEncodingKind`` (UTF-16 by default)."""
    value = getattr(kind, "value", kind)
    return _ENCODINGS.get(str(value).lower(), "utf-16")


def position(lines: LineIndex, offset: int, encoding: Encoding) -> types.Position:
    line, column = lines.position(offset, encoding)
    return types.Position(line=line, character=column)


def span(lines: LineIndex, start: int, end: int, encoding: Encoding) -> types.Range:
    return types.Range(start=position(lines, start, encoding), end=position(lines, end, encoding))


def offset(lines: LineIndex, pos: types.Position, encoding: Encoding) -> int:
    """Byte offset of a client position; out-of-range positions are clamped."""
    return lines.offset(pos.line, pos.character, encoding)
