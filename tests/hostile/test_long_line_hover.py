"""Hover on a finding in a line of a million characters: fast, and the line stays out of it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.wire_client import WireClient

MILLION = 1_000_000
# The "why here" line and the related questions: a tip, however long the user's line.
MAX_HOVER = 2_000


@pytest.fixture(params=["plain", "vscode"])
def long_line_client(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """A server as any client starts it, and as VS Code does (command links, diagnostics)."""
    server = WireClient(tmp_path / "data", cwd=tmp_path)
    capabilities: dict[str, Any] = {"textDocument": {"publishDiagnostics": {}}}
    if request.param == "vscode":
        capabilities["general"] = {"markdown": {"parser": "marked", "version": "1.1.0"}}
    server.request("initialize", {"processId": None, "rootUri": None, "capabilities": capabilities})
    server.notify("initialized", {})
    try:
        yield server
    finally:
        server.close()


def _hover(client: WireClient, uri: str, character: int) -> tuple[dict[str, Any], float]:
    began = time.monotonic()
    answer = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 0, "character": character}},
        timeout=60,
    )
    return answer["result"], time.monotonic() - began


@pytest.mark.parametrize(
    ("filler", "count", "extra"),
    [
        ("a", MILLION, 0),  # ASCII
        ("é", MILLION, 0),  # two bytes a character
        ("😀", 250_000, 1),  # two UTF-16 units a character (1.75 MB in all: under the limit)
    ],
)
def test_hover_at_the_end_of_a_million_character_line(
    long_line_client: WireClient, tmp_path: Path, filler: str, count: int, extra: int
) -> None:
    client = long_line_client
    head = "value = '" + filler * count + "a" * (MILLION - count) + "'"
    text = head + " is 'x'\n"
    path = tmp_path / "minified.py"
    path.write_text(text, encoding="utf-8")
    uri = client.open(path)
    [diagnostic] = client.diagnostics(uri, timeout=60)
    assert diagnostic["code"] == "is-literal"
    column = len(head) + extra * count + 1  # on `is`, in UTF-16 units
    hover, took = _hover(client, uri, column)
    value = hover["contents"]["value"]
    assert len(value) < MAX_HOVER, len(value)
    assert filler * 100 not in value, "the user's line is not pasted into the hover"
    assert "*Line 1:* `is` compares identity" in value, value
    # The construct, from `'…'` to `'x'`, in the client's units.
    end = len(text) - 1 + extra * count
    assert hover["range"] == {
        "start": {"line": 0, "character": 8},
        "end": {"line": 0, "character": end},
    }
    assert diagnostic["range"] == hover["range"]
    assert took < 5, took
    assert client.alive()


def test_hover_on_a_finding_whose_code_is_a_million_characters(
    long_line_client: WireClient, tmp_path: Path
) -> None:
    """``{…}.get(k)`` with a giant dict: the "why here" line names it, cut short."""
    client = long_line_client
    text = "v = {'k': '" + "a" * MILLION + "'}.get('k')\n"
    path = tmp_path / "giant.py"
    path.write_text(text)
    uri = client.open(path)
    codes = [d["code"] for d in client.diagnostics(uri, timeout=60)]
    assert codes == ["dict-get"]
    hover, took = _hover(client, uri, len(text) - 8)  # on `get`
    value = hover["contents"]["value"]
    assert "*Line 1:* " in value
    assert len(value) < MAX_HOVER, len(value)
    assert "a" * 100 not in value
    assert took < 5, took


def test_hover_in_a_list_of_a_hundred_thousand_constructs_on_one_line(
    long_line_client: WireClient, tmp_path: Path
) -> None:
    """Minified code: the hover names the construct under the point, not its 90,908 siblings."""
    client = long_line_client
    count = MILLION // len("lambda: 1, ")
    text = "handlers = [" + "lambda: 1, " * count + "]\n"
    path = tmp_path / "handlers.py"
    path.write_text(text)
    uri = client.open(path)
    client.diagnostics(uri, timeout=60)
    last = len("handlers = [") + len("lambda: 1, ") * (count - 1)
    hover, took = _hover(client, uri, last + 2)  # in the last `lambda`
    value = hover["contents"]["value"]
    assert hover["range"] == {
        "start": {"line": 0, "character": last},
        "end": {"line": 0, "character": last + len("lambda: 1")},
    }
    assert "*Line 1:* " in value
    assert len(value) < MAX_HOVER, len(value)
    assert "lambda: 1, lambda" not in value
    assert took < 5, took
