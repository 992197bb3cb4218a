"""Where the progress store lives.

One rule for every client (CLI, language server, tests): an explicit
directory wins, then ``PYIQ_DATA_DIR``, then the platform's user data
directory. Keeping this in one function is what lets the editor and the
terminal write to the same file.
"""

from __future__ import annotations

import os
from pathlib import Path

STORE_NAME = "progress.sqlite3"
ENV_VAR = "PYIQ_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The directory holding pyiq's progress (not created here)."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("pyiq", appauthor=False))


def store_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite file of the progress store in :func:`data_dir`."""
    return data_dir(override) / STORE_NAME
