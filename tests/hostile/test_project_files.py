"""Hostile project configuration: the server keeps publishing and names the bad file once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile.wire_client import WireClient

# `x == None` is a bug risk whose ruff peer (E711) is outside ruff's default
# rules, so pyiq shows it whichever ruff configuration applies.
SOURCE = "def check(x):\n    return x == None\n"
STARS = "*a" * 25


def _publishes_bug_risk(client: WireClient, path: Path) -> list[str]:
    path.write_text(SOURCE, encoding="utf-8")
    codes = [d["code"] for d in client.diagnostics(client.open(path))]
    assert "none-comparison" in codes
    return client.shown_messages()


@pytest.mark.parametrize("target", ["/dev/stdin", "/dev/zero"])
def test_extend_naming_a_device_is_skipped_with_a_message(
    client: WireClient, tmp_path: Path, target: str
) -> None:
    (tmp_path / "ruff.toml").write_text(f'extend = "{target}"\n', encoding="utf-8")
    shown = _publishes_bug_risk(client, tmp_path / "mod.py")
    assert [m for m in shown if target in m and "not a regular file" in m], shown
    assert client.alive()


@pytest.mark.parametrize("key", ["extend-exclude", "per-file-ignores"])
def test_glob_with_many_stars_does_not_hang(client: WireClient, tmp_path: Path, key: str) -> None:
    value = f'["{STARS}"]' if key == "extend-exclude" else f'{{"{STARS}" = ["E711"]}}'
    section = "" if key == "extend-exclude" else "[lint]\n"
    (tmp_path / "ruff.toml").write_text(f"{section}{key} = {value}\n", encoding="utf-8")
    _publishes_bug_risk(client, tmp_path / ("a" * 30 + "b" * 150 + ".py"))
    # A second document answers as promptly: nothing is still matching.
    _publishes_bug_risk(client, tmp_path / "other.py")


def test_non_utf8_ruff_toml_is_named(client: WireClient, tmp_path: Path) -> None:
    (tmp_path / "ruff.toml").write_bytes(b'[lint]\nselect = ["E\xff"]\n')
    shown = _publishes_bug_risk(client, tmp_path / "mod.py")
    assert [m for m in shown if str(tmp_path / "ruff.toml") in m and "UTF-8" in m], shown


def test_deeply_nested_toml_is_named(client: WireClient, tmp_path: Path) -> None:
    (tmp_path / "ruff.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    shown = _publishes_bug_risk(client, tmp_path / "mod.py")
    assert [m for m in shown if "ruff.toml" in m and "nested too deeply" in m], shown


def test_huge_configuration_is_refused_unread(client: WireClient, tmp_path: Path) -> None:
    (tmp_path / "ruff.toml").write_text("# pad\n" * 400_000)
    shown = _publishes_bug_risk(client, tmp_path / "mod.py")
    assert [m for m in shown if "ruff.toml" in m and "limit" in m], shown


def test_tool_not_a_table_in_pyproject_is_named(client: WireClient, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 1\n")
    shown = _publishes_bug_risk(client, tmp_path / "mod.py")
    assert [m for m in shown if "pyproject.toml" in m and "`tool` must be a table" in m], shown


def test_non_utf8_pyproject_is_named(client: WireClient, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.pyiq]\nselect = ['\xff']\n")
    shown = _publishes_bug_risk(client, tmp_path / "mod.py")
    assert [m for m in shown if "pyproject.toml" in m and "UTF-8" in m], shown


def test_a_problem_is_shown_once_however_often_it_is_met(
    client: WireClient, tmp_path: Path
) -> None:
    (tmp_path / "ruff.toml").write_text('extend = "/dev/zero"\n')
    for name in ("a.py", "b.py", "c.py"):
        _publishes_bug_risk(client, tmp_path / name)
    assert len([m for m in client.shown_messages() if "/dev/zero" in m]) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_named_as_configuration_is_not_opened(client: WireClient, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "base.toml")
    (tmp_path / "ruff.toml").write_text('extend = "base.toml"\n')
    shown = _publishes_bug_risk(client, tmp_path / "mod.py")
    assert [m for m in shown if "base.toml" in m and "not a regular file" in m], shown
