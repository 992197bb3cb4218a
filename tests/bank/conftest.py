"""Shared fixtures for the bank tests.

Every test process gets its own compiled-cache directory so tests never read
or write the user's cache, and parallel workers (``pytest -n auto``) never
race on one; the process-wide bank is forgotten around each test so
environment overrides take effect.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from pyiq.bank import clear_cache


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    saved = os.environ.get("PYIQ_CACHE_DIR")
    os.environ["PYIQ_CACHE_DIR"] = str(tmp_path_factory.mktemp("pyiq-cache"))
    yield
    if saved is None:
        os.environ.pop("PYIQ_CACHE_DIR", None)
    else:
        os.environ["PYIQ_CACHE_DIR"] = saved


@pytest.fixture(autouse=True)
def _fresh_process_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()
