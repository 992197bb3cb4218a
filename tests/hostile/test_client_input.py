"""Whatever a client sends as settings or command arguments: the server answers and stays useful."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pyiq.lsp.settings import DEFAULTS
from tests.hostile.wire_client import BUG, WireClient

HUGE = "x" * 100_000
GARBAGE: list[Any] = [1, -1, 1e308, "x", "", [1], [None], {}, {"a": []}, True, "\x1b[2J", HUGE]
# Settings whose every value keeps the mutable default on screen.
KEYS = [key for key in DEFAULTS if key not in ("server", "trace", "importStrategy")]


def _change(client: WireClient, uri: str, version: int) -> list[str]:
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": BUG + f"# edit {version}\n"}],
        },
    )
    return [d["code"] for d in client.diagnostics(uri)]


@pytest.mark.parametrize("key", KEYS)
def test_garbage_for_a_setting_falls_back_with_a_short_message(
    client: WireClient, tmp_path: Path, key: str
) -> None:
    path = tmp_path / "mod.py"
    path.write_text(BUG)
    uri = client.open(path)
    assert "mutable-default-argument" in [d["code"] for d in client.diagnostics(uri)]
    for version, value in enumerate(GARBAGE, start=2):
        client.notify("workspace/didChangeConfiguration", {"settings": {"pyiq": {key: value}}})
        assert "mutable-default-argument" in _change(client, uri, version), value
        hover = client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 22}},
        )
        assert "error" not in hover and hover["result"] is not None
    shown = client.shown_messages()
    assert shown and all(m.startswith(f"pyiq.{key}") for m in shown), shown
    # The 100 KB value is named in a line, not pasted into a popup.
    assert max(len(m) for m in shown) < 400
    assert not any("\x1b" in m for m in shown)
    assert client.alive()


def test_settings_that_are_not_a_table(client: WireClient, tmp_path: Path) -> None:
    path = tmp_path / "mod.py"
    path.write_text(BUG)
    uri = client.open(path)
    client.diagnostics(uri)
    for version, settings in enumerate(
        [None, 1, "x", [], [1, 2], {"pyiq": 5}, {"pyiq": []}, {"pyiq": {HUGE: 1}}], start=2
    ):
        client.notify("workspace/didChangeConfiguration", {"settings": settings})
        assert "mutable-default-argument" in _change(client, uri, version), settings
    assert max(len(m) for m in client.shown_messages()) <= 1000
    assert client.alive()


COMMANDS = [
    "pyiq.recordAnswer",
    "pyiq.stats",
    "pyiq.showMastered",
    "pyiq.explain",
    "pyiq.practice",
    "pyiq.practice.run",
    "pyiq.practice.hint",
    "pyiq.practice.solution",
]
ARGUMENTS: list[Any] = [
    None,
    [],
    [None],
    [1],
    ["x"],
    [{}],
    [[]],
    [True],
    [{"uri": 5}],
    [{"id": 3, "chosen": "a", "correct": "yes"}],
    [{"id": [], "chosen": {}, "correct": None, "elapsed": "x"}],
    ["\x1b[2J" * 1000],
    ["file:///dev/zero"],
    ["../../etc/passwd"],
    [{"exercise": "../../etc/passwd"}],
]


@pytest.mark.parametrize("command", COMMANDS)
def test_wrong_arguments_for_a_command_get_an_answer(
    client: WireClient, tmp_path: Path, command: str
) -> None:
    for arguments in ARGUMENTS:
        params: dict[str, Any] = {"command": command}
        if arguments is not None:
            params["arguments"] = arguments
        answer = client.request("workspace/executeCommand", params)
        if "error" in answer:
            # Invalid params, said as such: never an internal error.
            assert answer["error"]["code"] == -32602, (arguments, answer)
            assert "Traceback" not in answer["error"]["message"]
    path = tmp_path / "alive.py"
    path.write_text(BUG)
    assert "mutable-default-argument" in [d["code"] for d in client.diagnostics(client.open(path))]
    assert client.alive()
