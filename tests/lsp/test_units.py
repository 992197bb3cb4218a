"""Unit tests: settings defaults against the VS Code manifest, settings parsing, ruff peers."""

from __future__ import annotations

import json
from pathlib import Path

from pyiq.lsp.ruff_peer import RuffSelection, ruff_selection, selection_from_table
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


def test_ruff_default_selection() -> None:
    default = RuffSelection()
    assert default.selects("F632")
    assert default.selects("E711")  # E7 is a default prefix
    assert not default.selects("B006")


def test_ruff_prefix_rules() -> None:
    assert selection_from_table({"lint": {"select": ["B"]}}).selects("B006")
    assert not selection_from_table({"select": ["B"], "ignore": ["B006"]}).selects("B006")
    assert selection_from_table({"select": ["B006"], "ignore": ["B"]}).selects("B006")
    assert not selection_from_table({"select": ["B"], "ignore": ["B"]}).selects("B006")
    assert selection_from_table({"extend-select": ["B0"]}).selects("B006")
    assert selection_from_table({"select": ["ALL"]}).selects("B023")
    assert not selection_from_table({"select": ["ALL"], "ignore": ["B02"]}).selects("B023")


def test_ruff_config_lookup(tmp_path: Path) -> None:
    project = tmp_path / "proj" / "pkg"
    project.mkdir(parents=True)
    assert ruff_selection(project) is None
    (tmp_path / "proj" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert ruff_selection(project) is None  # a pyproject without [tool.ruff] is no config
    (tmp_path / "pyproject.toml").write_text("[tool.ruff.lint]\nextend-select = ['B']\n")
    assert ruff_selection(project).selects("B006")
    (project / ".ruff.toml").write_text("[lint]\nselect = ['F']\n")
    (project / "ruff.toml").write_text("[lint]\nselect = ['B']\n")
    assert not ruff_selection(project).selects("B006")  # .ruff.toml wins in a directory
