"""Shared fixtures: a private data directory per test, a fixed clock, sample code."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from pyiq.quiz.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory, also set as PYIQ_DATA_DIR so nothing touches the real one."""
    directory = tmp_path / "data"
    monkeypatch.setenv("PYIQ_DATA_DIR", str(directory))
    return directory


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with Store.open(data_dir=data_dir) as opened:
        yield opened


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "project" / "sample.py"
    path.parent.mkdir()
    path.write_text((FIXTURES / "sample.py.txt").read_text())
    return path
