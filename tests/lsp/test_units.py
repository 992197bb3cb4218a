"""Unit tests: settings defaults against the VS Code manifest, settings parsing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pyiq.lsp.rules import server_registry
from pyiq.lsp.settings import CLIENT_ONLY_KEYS, DEFAULTS, Settings, parse_settings

MANIFEST = Path(__file__).resolve().parents[2] / "client" / "vscode" / "package.json"


# Settings the VS Code extension reads itself (how it starts and traces the
# server); the server never sees them.
MANIFEST_CLIENT_ONLY = ("server.command", "importStrategy", "trace.server")


def test_manifest_defaults_equal_server_defaults() -> None:
    properties = json.loads(MANIFEST.read_text())["contributes"]["configuration"]["properties"]
    manifest = {key.removeprefix("pyiq."): spec["default"] for key, spec in properties.items()}
    client_only = {key: manifest.pop(key) for key in MANIFEST_CLIENT_ONLY}
    assert manifest == DEFAULTS
    assert client_only == {
        "server.command": [],
        "importStrategy": "useBundled",
        "trace.server": "off",
    }
    assert {key.split(".")[0] for key in client_only} == set(CLIENT_ONLY_KEYS)


def _table_row(name: str, default: object) -> str:
    """How a settings table in the docs starts the row of ``name``: the name, the JSON default."""
    return f"| `{name}` | `{json.dumps(default)}`"


def test_client_docs_list_every_setting_with_its_default() -> None:
    properties = json.loads(MANIFEST.read_text())["contributes"]["configuration"]["properties"]
    vscode_readme = (MANIFEST.parent / "README.md").read_text()
    clients_readme = (MANIFEST.parent.parent / "README.md").read_text()
    for name, spec in properties.items():
        assert _table_row(name, spec["default"]) in vscode_readme, name
        key = name.removeprefix("pyiq.")
        if key in DEFAULTS:
            assert _table_row(key, spec["default"]) in clients_readme, key
        else:
            assert f"`{name}`" in clients_readme, name


def test_client_only_keys_are_accepted_silently() -> None:
    settings, problems = parse_settings(
        {
            "server": {"command": ["pyiq", "serve"]},
            "trace": {"server": "verbose"},
            "importStrategy": "fromEnvironment",
        },
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


# Per key: a valid value other than the default, an invalid one, and the message
# the invalid one must give (naming the key and the default that then applies).
PROJECT = ", or the {} of [tool.pyiq] where a pyproject.toml sets it"
FALLBACKS: list[tuple[str, Any, Any, str]] = [
    (
        "select",
        ["is-literal"],
        ["nope"],
        "pyiq.select[0]: unknown rule or category 'nope'; using the default None"
        + PROJECT.format("select"),
    ),
    (
        "ignore",
        ["is-literal"],
        ["nope"],
        "pyiq.ignore[0]: unknown rule or category 'nope'; using the default []"
        + PROJECT.format("ignore"),
    ),
    (
        "severity",
        {"bug-risk": "error"},
        {"bug-risk": "fatal"},
        "pyiq.severity.bug-risk: 'fatal' is not one of error, warning, information, hint; "
        "using the default {}" + PROJECT.format("severity"),
    ),
    (
        "level",
        ["senior"],
        ["guru"],
        "pyiq.level: expected one or more of junior, mid, senior, got ['guru']; "
        "using the default ['junior', 'mid', 'senior']" + PROJECT.format("level"),
    ),
    (
        "conceptDiagnostics",
        "off",
        "loud",
        "pyiq.conceptDiagnostics: 'loud' is not one of hint, information, off; "
        "using the default 'hint'",
    ),
    (
        "conceptHints",
        "everyOccurrence",
        "always",
        "pyiq.conceptHints: 'always' is not one of oncePerScope, everyOccurrence, none; "
        "using the default 'oncePerScope'",
    ),
    (
        "hoverDetail",
        "full",
        "long",
        "pyiq.hoverDetail: 'long' is not one of tip, full; using the default 'tip'",
    ),
    (
        "showMastered",
        True,
        "on",
        "pyiq.showMastered: expected true or false, got 'on'; using the default False",
    ),
    (
        "codeLens",
        False,
        "yes",
        "pyiq.codeLens: expected true or false, got 'yes'; using the default True",
    ),
    (
        "respectRuff",
        False,
        0,
        "pyiq.respectRuff: expected true or false, got 0; using the default True",
    ),
    (
        "quizUi",
        "data",
        "webview",
        "pyiq.quizUi: 'webview' is not one of messages, data; using the default 'messages'",
    ),
    (
        "masteryThreshold",
        0.5,
        2,
        "pyiq.masteryThreshold: expected a number above 0 and at most 1, got 2; "
        "using the default 0.9",
    ),
    (
        "quizLength",
        3,
        101,
        "pyiq.quizLength: expected a whole number from 1 to 100, got 101; using the default 10",
    ),
    (
        "maxFileSizeMB",
        0.0001,  # 104 bytes: only the first lines of a test file are analysed
        -1,
        "pyiq.maxFileSizeMB: expected a number of megabytes above 0 and at most 1024, got -1; "
        "using the default 2.0",
    ),
]


def test_fallbacks_cover_every_setting() -> None:
    assert [key for key, *_ in FALLBACKS] == list(DEFAULTS)


@pytest.mark.parametrize(("key", "valid", "invalid", "message"), FALLBACKS)
def test_invalid_value_gives_the_default_not_the_previous_value(
    key: str, valid: Any, invalid: Any, message: str
) -> None:
    registry = server_registry()
    previous, problems = parse_settings({key: valid}, registry)
    assert problems == []
    assert previous.as_dict()[key] == valid != DEFAULTS[key]
    settings, problems = parse_settings({key: invalid}, registry, previous)
    assert problems == [message]
    assert settings == Settings()
    assert settings.as_dict()[key] == DEFAULTS[key]


@pytest.mark.parametrize(("key", "valid", "invalid", "message"), FALLBACKS)
def test_invalid_value_leaves_the_other_keys_as_they_were(
    key: str, valid: Any, invalid: Any, message: str
) -> None:
    registry = server_registry()
    everything = {other: value for other, value, *_ in FALLBACKS}
    previous, _ = parse_settings(everything, registry)
    settings, problems = parse_settings({key: invalid}, registry, previous)
    assert problems == [message]
    assert settings.as_dict() == {**everything, key: DEFAULTS[key]}


def test_settings_that_are_not_an_object_give_the_defaults() -> None:
    registry = server_registry()
    previous, _ = parse_settings({"quizUi": "data", "level": ["senior"]}, registry)
    settings, problems = parse_settings(["quizUi", "data"], registry, previous)
    assert problems == ["pyiq: expected an object of settings, got list; using the defaults"]
    assert settings == Settings()
