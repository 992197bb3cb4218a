"""Reading Python files from disk into the UTF-8 bytes the engine parses.

Python source may declare its encoding (PEP 263) or start with a UTF-8 BOM;
both are honoured so that columns count the characters a user sees. Files
that are not Python text (binary, undecodable) are refused with a message a
user can act on, rather than analysed into nonsense.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_BINARY_SNIFF = 8192


class SourceError(Exception):
    """A file that cannot be analysed; the message says why, without a traceback."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    data: bytes  # UTF-8, without a BOM
    encoding: str


def _declared_encoding(raw: bytes) -> str | None:
    for line in raw.split(b"\n", 2)[:2]:
        match = _COOKIE.match(line)
        if match:
            return match.group(1).decode("ascii", "replace")
        if line.strip() and not line.lstrip().startswith(b"#"):
            break
    return None


def decode_source(raw: bytes, path: str = "<bytes>") -> Source:
    if b"\x00" in raw[:_BINARY_SNIFF]:
        raise SourceError(f"{path}: binary file (contains NUL bytes), not Python source")
    encoding = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    else:
        declared = _declared_encoding(raw)
        if declared:
            try:
                encoding = codecs.lookup(declared).name
            except LookupError:
                raise SourceError(f"{path}: unknown encoding {declared!r} declared") from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path}: not valid {encoding} at byte {exc.start}"
            " (declare the file's encoding with a coding comment)"
        ) from None
    data = raw if encoding == "utf-8" else text.encode("utf-8", "surrogatepass")
    return Source(path, data, encoding)


def read_source(path: Path | str) -> Source:
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise SourceError(f"{name}: is a directory") from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return decode_source(raw, name)
