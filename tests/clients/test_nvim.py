"""The Neovim plugin (client/nvim) in a real, headless Neovim against the real ``pyiq serve``.

``nvim --headless`` runs ``nvim/run_plugin.lua``: ``require("pyiq").setup{}``, open a Python
file, wait for the diagnostics, hover, take the quiz (answered through ``vim.ui.select``, which
the plugin's ``window/showMessageRequest`` handler calls), quiz on the construct under the
cursor with ``:PyiqQuiz here``, and explain a rule. The script writes what it saw as JSON.
Skipped, saying so, only when ``nvim`` is not installed (``apt-get install neovim``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.clients.conftest import CLIENT, run_editor_script

HERE = Path(__file__).parent / "nvim"
NVIM = shutil.which("nvim")

pytestmark = pytest.mark.skipif(
    NVIM is None, reason="Neovim is not installed (apt-get install neovim)"
)


def run_nvim(tmp_path: Path, env: dict[str, str], **extra: str) -> dict[str, Any]:
    argv = [NVIM, "--headless", "--clean", "-n", "-c", f"luafile {HERE / 'run_plugin.lua'}"]
    return run_editor_script(tmp_path, env, "nvim", argv, extra)


@pytest.fixture(scope="module")
def nvim_version() -> tuple[int, int]:
    out = subprocess.run([NVIM, "--version"], capture_output=True, text=True, check=True).stdout
    major, minor = out.split()[1].lstrip("v").split(".")[:2]
    return int(major), int(minor)


def test_plugin_end_to_end(tmp_path: Path, server_env: dict[str, str], nvim_version) -> None:
    data = run_nvim(tmp_path, server_env)
    assert data["errors"] == [], data["errors"]
    assert data["steps"] == [
        "setup",
        "attached",
        "diagnostics",
        "hover",
        "quiz",
        "quiz here",
        "explain",
        "stats",
    ]
    assert data["using"] == "builtin"
    assert data["commands"] == {"PyiqQuiz": 2, "PyiqExplain": 2, "PyiqStats": 2}
    assert data["client"]["name"] == "pyiq"
    assert data["client"]["root_dir"] == data["project"], "the pyproject.toml directory is the root"

    codes = {d["code"] for d in data["diagnostics"]}
    assert "mutable-default-argument" in codes
    mutable = next(d for d in data["diagnostics"] if d["code"] == "mutable-default-argument")
    assert mutable["source"] == "pyiq"
    assert mutable["severity"] == 2, "bug risks are warnings"
    assert mutable["lnum"] == 0
    assert any(d["severity"] == 4 for d in data["diagnostics"]), "concepts are hints"

    assert "default" in data["hover"].lower()

    quiz = data["quiz"]
    assert quiz["err"] is None
    summary = quiz["result"]
    assert summary["asked"] >= 1
    assert summary["asked"] == len(summary["questions"])
    assert len(data["prompts"]) >= summary["asked"]
    first = data["prompts"][0]
    assert first["kind"] == "pyiq.quiz"
    assert len(first["choices"]) >= 2
    assert first["prompt"]
    verdicts = [v["message"] for v in data["verdicts"]]
    graded = [v for v in verdicts if v.startswith(("Correct", "Not quite"))]
    assert len(graded) >= summary["asked"], verdicts
    quiz_verdicts = graded[: summary["asked"]]
    assert sum(v.startswith("Correct") for v in quiz_verdicts) == summary["correct"]
    chosen = [q["chosen"] for q in summary["questions"]]
    expected = [p["choices"][p["chosen"] - 1] for p in data["prompts"][: summary["asked"]]]
    assert chosen == expected, "the server got the choices vim.ui.select returned"

    here = data["quiz_here"]
    assert here["err"] is None
    assert here["result"]["asked"] >= 1

    assert data["explain"]["err"] is None
    text = "\n".join(data["explain"]["lines"])
    assert "default" in text.lower()
    assert data["explain_filetype"] == "markdown"

    assert data["stats_buftype"] == "terminal"
    assert data["stats_exit"] == 0
    assert data["stats_lines"], "pyiq stats printed something"


def test_plugin_uses_lspconfig_when_present(tmp_path: Path, server_env: dict[str, str]) -> None:
    data = run_nvim(tmp_path, server_env, PYIQ_FAKE_LSPCONFIG=str(HERE / "fake_lspconfig"))
    assert data["errors"] == [], data["errors"]
    assert data["using"] == "lspconfig"
    recorded = data["lspconfig"]
    assert recorded["name"] == "pyiq"
    assert recorded["cmd"][-1] == "serve"
    assert recorded["filetypes"] == ["python"]
    assert recorded["single_file_support"] is True
    assert "pyproject.toml" in recorded["root"]
    assert recorded["has_quiz_handler"] is True


def test_plugin_reports_a_missing_server(tmp_path: Path, server_env: dict[str, str]) -> None:
    """Without a server the plugin says how to install it, and the editor keeps working."""
    script = tmp_path / "missing.lua"
    result = tmp_path / "missing.json"
    script.write_text(
        f"""
vim.opt.runtimepath:prepend({json.dumps(str(CLIENT / "nvim"))})
local messages = {{}}
vim.notify = function(msg, level) table.insert(messages, {{ msg = msg, level = level }}) end
local pyiq = require("pyiq")
pyiq.setup({{}})
local cmd, why = pyiq.server_cmd()
vim.cmd("edit " .. {json.dumps(str(tmp_path / "x.py"))})
local f = io.open({json.dumps(str(result))}, "w")
f:write(vim.fn.json_encode({{ cmd = cmd or vim.NIL, why = why, messages = messages,
  clients = #vim.lsp.get_active_clients() }}))
f:close()
vim.cmd("qall!")
"""
    )
    env = dict(server_env, PATH="/usr/bin:/bin")
    env.pop("VIRTUAL_ENV", None)
    subprocess.run(
        [NVIM, "--headless", "--clean", "-n", "-c", f"luafile {script}"],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    data = json.loads(result.read_text())
    if shutil.which("pyiq", path="/usr/bin:/bin"):
        pytest.skip("pyiq is installed system-wide, so it cannot be missing")
    assert data["cmd"] is None
    assert "python3 -m pip install pyiq" in data["why"]
    assert data["clients"] == 0
    assert [m["msg"] for m in data["messages"]] == ["pyiq: " + data["why"]]
    assert data["messages"][0]["level"] == 3
