from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.wire_client import WireClient


@pytest.fixture
def client(tmp_path: Path) -> Iterator[WireClient]:
    server = WireClient(tmp_path / "data", cwd=tmp_path)
    server.initialize()
    try:
        yield server
    finally:
        server.close()
