"""Shared set-up for the editor client tests: where things are, and the server command.

These tests drive real editors (Neovim, Emacs) and a real browser (Chromium) against the real
``pyiq serve``; each test skips, saying why, only when its editor cannot be found.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "client"


def pyiq_command() -> list[str]:
    """The server as editors start it: the venv's ``pyiq`` script, else ``python -m pyiq``."""
    script = Path(sys.executable).with_name("pyiq")
    if script.exists():
        return [str(script)]
    found = shutil.which("pyiq")
    if found:
        return [found]
    return [sys.executable, "-m", "pyiq"]


@pytest.fixture
def server_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose progress store is private to the test."""
    env = dict(os.environ)
    env["PYIQ_DATA_DIR"] = str(tmp_path / "data")
    env["HOME"] = str(tmp_path / "home")
    (tmp_path / "home").mkdir()
    env.pop("XDG_CONFIG_HOME", None)
    env.pop("XDG_DATA_HOME", None)
    return env
