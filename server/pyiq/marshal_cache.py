"""Content-keyed caches of validated data in the per-user cache directory.

The question bank and the rule files are validated once per content: the
caller hashes everything the data derives from (the files, the pyiq and
Python versions, the layout of what is stored) into a key, and a cache
file holds the result under that key. A changed file or an upgrade gives a
new key, so a stale entry is never read. ``marshal`` rather than
``pickle`` because the payloads are plain tuples and strings and
unmarshalling cannot run code. Every failure here (missing, corrupt,
truncated, unreadable or unwritable) is silent: a cache is an
optimisation, never a dependency.
"""

from __future__ import annotations

import hashlib
import marshal
import os

# Type-only imports: ``typing`` is too slow to import on the cached path.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

CACHE_ENV = "PYIQ_CACHE_DIR"
SUFFIX = ".marshal"
KEEP = 8  # other checkouts or versions may share the cache directory


def cache_dir() -> str:
    """The per-user cache directory (it need not exist yet); ``PYIQ_CACHE_DIR`` overrides."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return override
    import platformdirs

    return platformdirs.user_cache_dir("pyiq", appauthor=False)


def content_key(header: tuple, blobs: Iterable[bytes]) -> str:
    """A hash of ``header`` (its ``repr``) and each blob, length-prefixed: no two splits collide."""
    digest = hashlib.sha256()
    digest.update(repr(header).encode())
    for blob in blobs:
        digest.update(len(blob).to_bytes(8, "little"))
        digest.update(blob)
    return digest.hexdigest()


def cache_file(directory: str, prefix: str, key: str) -> str:
    return os.path.join(directory, f"{prefix}{key[:40]}{SUFFIX}")


def read(directory: str, prefix: str, magic: str, key: str) -> Any | None:
    """The payload stored for ``key``, or None when absent or unusable."""
    try:
        with open(cache_file(directory, prefix, key), "rb") as handle:
            payload = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (
        not isinstance(payload, tuple)
        or len(payload) != 3
        or payload[0] != magic
        or payload[1] != key
    ):
        return None
    return payload[2]


def write(directory: str, prefix: str, magic: str, key: str, payload: Any) -> None:
    """Stores a payload atomically (a private temp file, then a rename); never raises."""
    path = cache_file(directory, prefix, key)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(directory, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(marshal.dumps((magic, key, payload)))
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return
    _prune(directory, prefix, keep=path)


def _prune(directory: str, prefix: str, keep: str) -> None:
    """Drops the oldest files of this cache beyond ``KEEP``: the directory cannot grow forever."""
    try:
        entries = [
            os.path.join(directory, name)
            for name in os.listdir(directory)
            if name.startswith(prefix) and name.endswith(SUFFIX)
        ]
        entries.sort(key=os.path.getmtime, reverse=True)
        for stale in entries[KEEP:]:
            if stale != keep:
                os.unlink(stale)
    except OSError:
        pass
