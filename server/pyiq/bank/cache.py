"""The compiled bank cache: validated records, marshalled, keyed by content.

The key hashes every topic file, the schema, the pyiq version, the Python
version and the record layout, so any edit (or upgrade) produces a new key
and forces a full, validating load; a stale cache is never read. ``marshal``
rather than ``pickle`` because the payload is plain tuples and strings and
unmarshalling cannot run code. Every failure here (missing, corrupt,
unwritable) is silent: the cache is an optimisation, never a dependency.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys

from pyiq import __version__
from pyiq.bank.model import layout_fingerprint

# Type-only imports: ``typing`` is too slow to import on the cached path.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

FORMAT = 1
_MAGIC = "pyiq-bank-cache"
_PREFIX = "bank-"
_SUFFIX = ".marshal"
_KEEP = 8  # other checkouts or versions may share the cache directory


def compute_key(files: Sequence[tuple[str, bytes]], schema: bytes) -> str:
    """Content hash of the bank as a whole (file names included: they are topic names)."""
    digest = hashlib.sha256()
    header = (_MAGIC, FORMAT, __version__, sys.version_info[:2], layout_fingerprint())
    digest.update(repr(header).encode())
    digest.update(len(schema).to_bytes(8, "little"))
    digest.update(schema)
    for name, data in files:
        encoded = name.encode()
        digest.update(len(encoded).to_bytes(8, "little"))
        digest.update(encoded)
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def cache_file(directory: str, key: str) -> str:
    return os.path.join(directory, f"{_PREFIX}{key[:40]}{_SUFFIX}")


def read(directory: str, key: str) -> Any | None:
    """The cached records for ``key``, or None when absent or unusable."""
    try:
        with open(cache_file(directory, key), "rb") as handle:
            payload = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (
        not isinstance(payload, tuple)
        or len(payload) != 3
        or payload[0] != _MAGIC
        or payload[1] != key
    ):
        return None
    return payload[2]


def write(directory: str, key: str, records: Any) -> None:
    """Store records atomically (write a private temp file, then rename); never raises."""
    path = cache_file(directory, key)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(directory, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(marshal.dumps((_MAGIC, key, records)))
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return
    _prune(directory, keep=path)


def _prune(directory: str, keep: str) -> None:
    """Drop the oldest cache files beyond ``_KEEP`` so the directory cannot grow forever."""
    try:
        entries = [
            os.path.join(directory, name)
            for name in os.listdir(directory)
            if name.startswith(_PREFIX) and name.endswith(_SUFFIX)
        ]
        entries.sort(key=os.path.getmtime, reverse=True)
        for stale in entries[_KEEP:]:
            if stale != keep:
                os.unlink(stale)
    except OSError:
        pass
