"""Unit tests: settings defaults against the VS Code manifest, settings parsing."""

from __future__ import annotations

import json
from pathlib import Path

from pyiq.lsp.rules import server_registry
from pyiq.lsp.settings import CLIENT_ONLY_KEYS, DEFAULTS, parse_settings

MANIFEST = Path(__file__).resolve().parents[2] / "client" / "vscode" / "package.json"


# Settings the VS Code extension reads itself (how it starts and traces the
# server); the server never sees them.
MANIFEST_CLIENT_ONLY = ("server.command", "trace.server")


def test_manifest_defaults_equal_server_defaults() -> None:
    properties = json.loads(MANIFEST.read_text())["contributes"]["configuration"]["properties"]
    manifest = {key.removeprefix("pyiq."): spec["default"] for key, spec in properties.items()}
    client_only = {key: manifest.pop(key) for key in MANIFEST_CLIENT_ONLY}
    assert manifest == DEFAULTS
    assert client_only == {"server.command": [], "trace.server": "off"}
    assert {key.split(".")[0] for key in client_only} == set(CLIENT_ONLY_KEYS)


def test_client_only_keys_are_accepted_silently() -> None:
    settings, problems = parse_settings(
        {"server": {"command": ["pyiq", "serve"]}, "trace": {"server": "verbose"}},
        server_registry(),
    )
    assert problems == []
    assert settings == parse_settings({}, server_registry())[0]


def test_mastery_threshold_validated() -> None:
    settings, problems = parse_settings({"masteryThreshold": 0.75}, server_registry())
    assert (settings.mastery_threshold, problems) == (0.75, [])
    for bad in (0, 1.5, "high", True):
        settings, problems = parse_settings({"masteryThreshold": bad}, server_registry())
        assert settings.mastery_threshold == 0.9
        assert problems == [
            f"pyiq.masteryThreshold: expected a number above 0 and at most 1, got {bad!r}; "
            "using the default 0.9"
        ]


def test_invalid_settings_fall_back_per_key() -> None:
    settings, problems = parse_settings(
        {"codeLens": False, "respectRuff": "no", "bogus": 1, "ignore": ["nope"]},
        server_registry(),
    )
    assert settings.code_lens is False
    assert settings.respect_ruff is True
    assert "ignore" not in settings.engine
    assert any(p.startswith("pyiq.respectRuff") for p in problems)
    assert any(p.startswith("pyiq.bogus") for p in problems)
    assert any(p.startswith("pyiq.ignore") for p in problems)


def test_default_valued_engine_keys_do_not_hide_pyproject() -> None:
    settings, problems = parse_settings(dict(DEFAULTS), server_registry())
    assert problems == []
    assert settings.engine == {}
