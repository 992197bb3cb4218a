"""Reading a file a project names (pyproject, ruff configuration, .gitignore) safely.

A cloned repository decides what these paths are: ``extend = "/dev/stdin"``
in a ruff configuration, a ``pyproject.toml`` that is a FIFO or a symlink to
``/dev/zero``, a 2 GB file, stray bytes that are not UTF-8, a TOML array
nested thousands deep. Opening any of them naively blocks the reader, eats
its memory or raises something no caller expects. Here every read:

* opens without blocking (``O_NONBLOCK``: a FIFO opens at once) and refuses
  anything but a regular file, checked on the opened descriptor;
* reads at most ``MAX_BYTES`` (a configuration is a few KiB);
* decodes strictly as UTF-8 and parses TOML with nesting errors caught;

and every failure is one :class:`ProjectFileError` whose message starts
with the file's path and says what is wrong, ready to show to the user.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

# Far above any real configuration, far below what could hurt.
MAX_BYTES = 1 << 20


class ProjectFileError(ValueError):
    """A project file that cannot be used; the message names the file."""


def read_bytes(path: Path | str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ProjectFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ProjectFileError(f"{path}: not a regular file, skipped")
        if info.st_size > limit:
            raise ProjectFileError(
                f"{path}: {info.st_size:,} bytes, over the {limit:,}-byte limit, skipped"
            )
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ProjectFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # grew since fstat
        raise ProjectFileError(f"{path}: over the {limit:,}-byte limit, skipped")
    return data


def read_text(path: Path | str, limit: int = MAX_BYTES) -> str:
    """The text of a regular UTF-8 file (a BOM is dropped)."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(f"{path}: not valid UTF-8 at byte {exc.start}") from None


def load_toml(path: Path | str, limit: int = MAX_BYTES) -> dict[str, Any]:
    """The TOML document of a project file.

    The TOML parser is imported here, not with this module: it brings
    ``datetime`` with it (15-20 ms), which a server opening a file in a
    folder without any configuration would pay before its first diagnostics.
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib

    text = read_text(path, limit)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProjectFileError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ProjectFileError(f"{path}: invalid TOML: nested too deeply") from None
