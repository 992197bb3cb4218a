"""Reading Python files from disk into the UTF-8 bytes the engine parses.

Python source may declare its encoding (PEP 263) or start with a UTF-8 BOM;
both are honoured so that columns count the characters a user sees. Files
that are not Python text (binary, undecodable) are refused with a message a
user can act on, rather than analysed into nonsense.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_BINARY_SNIFF = 8192


class SourceError(Exception):
    """A file that cannot be analysed; the message says why, without a traceback."""


class TooLarge(SourceError):
    """A file over the size :func:`read_bytes` was allowed to read; ``size`` in bytes."""

    def __init__(self, message: str, size: int) -> None:
        super().__init__(message)
        self.size = size


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
                codec = codecs.lookup(declared)
            except LookupError:
                raise SourceError(f"{path}: unknown encoding {declared!r} declared") from None
            # rot13, base64, zlib...: codecs, but not text encodings Python reads source in.
            if not getattr(codec, "_is_text_encoding", True):
                raise SourceError(
                    f"{path}: the coding comment names {declared!r}, which is not a text encoding"
                )
            encoding = codec.name
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path}: not valid {encoding} at byte {exc.start}"
            " (declare the file's encoding with a coding comment)"
        ) from None
    except (UnicodeError, LookupError, ValueError, TypeError) as exc:
        # Codecs such as punycode raise other errors on input they refuse.
        raise SourceError(f"{path}: cannot decode as {encoding}: {exc}") from None
    data = raw if encoding == "utf-8" else text.encode("utf-8", "surrogatepass")
    return Source(path, data, encoding)


_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a FIFO, not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read (None for a regular file)."""
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "is not a regular file"


def read_bytes(path: Path | str, limit: int | None = None) -> bytes:
    """A regular file's bytes, or a SourceError naming the file and the problem.

    Opened without blocking and checked with ``fstat`` before reading, so a
    FIFO named ``*.py`` cannot hang the reader and a symlink to
    ``/dev/zero`` cannot exhaust memory, whatever changed since discovery.
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise SourceError(f"{name}: is a directory") from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        reason = not_regular(info.st_mode)
        if reason:
            raise SourceError(f"{name}: {reason}")
        if limit is not None and info.st_size > limit:
            raise TooLarge(f"{name}: {info.st_size:,} bytes, over {limit:,}", info.st_size)
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read() if limit is None else handle.read(limit)
    except OSError as exc:
        raise SourceError(f"{name}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_source(path: Path | str) -> Source:
    return decode_source(read_bytes(path), str(path))
