"""Shared set-up for the editor client tests: where things are, and the server command.

These tests drive real editors (Neovim, Emacs) and a real browser (Chromium) against the real
``pyiq serve``; each test skips, saying why, only when its editor cannot be found.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

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


SAMPLE = '''\
def add_item(item, cart=[]):
    """Adds an item to the cart."""
    cart.append(item)
    return cart


def read_lines(path):
    with open(path) as handle:
        for line in handle:
            yield line.rstrip()
'''


# How long an editor script may run, and the budget its waits share (PYIQ_BUDGET_MS, in
# tests/clients/nvim/harness.lua): below the timeout, so a slow step is reported by the
# script, naming the step and what the editor showed, instead of killed without a word.
TIMEOUT = 240
BUDGET_MS = (TIMEOUT - 30) * 1000


def run_editor_script(
    tmp_path: Path,
    env: dict[str, str],
    plugin: str,
    argv: list[str],
    extra: dict[str, str],
    vcs_root: bool = False,
) -> dict[str, Any]:
    """Runs an editor headless on a sample project; returns the JSON its script wrote.

    The script finds everything in the environment: the plugin folder, the
    server command, the file to open, where to write its result, and where
    to hover (line 0, column 20: on ``cart=[]``).
    """
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "shop"\n')
    if vcs_root:
        (project / ".git").mkdir()
    source = project / "orders.py"
    source.write_text(SAMPLE)
    result = tmp_path / "result.json"
    env = dict(
        env,
        PYIQ_PLUGIN=str(CLIENT / plugin),
        PYIQ_SERVER=json.dumps([*pyiq_command(), "serve"]),
        PYIQ_FILE=str(source),
        PYIQ_RESULT=str(result),
        PYIQ_HOVER_LINE="0",
        PYIQ_HOVER_COL="20",
        PYIQ_BUDGET_MS=str(BUDGET_MS),
        **extra,
    )
    proc = subprocess.run(
        argv, cwd=project, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert result.exists(), f"{plugin}: no result (exit {proc.returncode}):\n{proc.stderr[-3000:]}"
    data = json.loads(result.read_text())
    data["project"] = str(project)
    data["stderr"] = proc.stderr
    return data


# How the editors lay out the verdicts of ``return (0, 1)`` for two-sum: the first failing test
# with its call, expected and actual value, and the tests it passed.
WRONG_TWO_SUM_FAILURE = (
    "✗ test_pair_at_the_end\n"
    "    call      two_sum([1, 2, 3, 4], 7)\n"
    "    expected  (2, 3)\n"
    "    actual    (0, 1)\n"
)
WRONG_TWO_SUM_PASSES = "✓ 2 passed: test_example, test_duplicates_negatives_and_zero[0]"

# The practice scripts' steps after the exercise was picked, in every editor.
PRACTICE_STEPS = ["stub run", "wrong run", "hint", "solution", "right run", "direct"]
