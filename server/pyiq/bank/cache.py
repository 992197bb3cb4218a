"""The compiled bank cache: validated records, marshalled, keyed by content.

The key hashes every topic file, the schema, the pyiq version, the Python
version and the record layout, so any edit (or upgrade) produces a new key
and forces a full, validating load; a stale cache is never read (see
:mod:`pyiq.marshal_cache` for the storage and its silent failures).
"""

from __future__ import annotations

import sys

from pyiq import __version__, marshal_cache
from pyiq.bank.model import layout_fingerprint

# Type-only imports: ``typing`` is too slow to import on the cached path.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

FORMAT = 1
_MAGIC = "pyiq-bank-cache"
_PREFIX = "bank-"


def compute_key(files: Sequence[tuple[str, bytes]], schema: bytes) -> str:
    """Content hash of the bank as a whole (file names included: they are topic names)."""
    header = (_MAGIC, FORMAT, __version__, sys.version_info[:2], layout_fingerprint())
    blobs = [schema]
    for name, data in files:
        blobs += (name.encode(), data)
    return marshal_cache.content_key(header, blobs)


def read(directory: str, key: str) -> Any | None:
    """The cached records for ``key``, or None when absent or unusable."""
    return marshal_cache.read(directory, _PREFIX, _MAGIC, key)


def write(directory: str, key: str, records: Any) -> None:
    """Stores records atomically; never raises."""
    marshal_cache.write(directory, _PREFIX, _MAGIC, key, records)
