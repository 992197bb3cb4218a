"""The Emacs setup (client/emacs/pyiq.el) in a real batch Emacs with Eglot, against ``pyiq serve``.

``emacs --batch`` loads ``pyiq.el``, checks that ``pyiq-eglot-setup`` registers the server for
``python-mode``/``python-ts-mode``, then connects Eglot to the real server, waits for the
diagnostics, hovers, takes the quiz with ``pyiq-quiz-file`` (answered through
``completing-read``, which pyiq's ``window/showMessageRequest`` handler calls), explains a
rule and shows the progress. Skipped, saying so, only when Emacs or Eglot is not installed
(``apt-get install emacs-nox elpa-eglot``; Emacs 29+ has Eglot built in).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.clients.conftest import (
    CLIENT,
    PRACTICE_STEPS,
    SAMPLE,
    WRONG_TWO_SUM_FAILURE,
    WRONG_TWO_SUM_PASSES,
    pyiq_command,
    run_editor_script,
)

HERE = Path(__file__).parent / "emacs"
EMACS = shutil.which("emacs")


def _has_eglot() -> bool:
    if EMACS is None:
        return False
    probe = subprocess.run(
        [
            EMACS,
            "--batch",
            "--eval",
            "(progn (unless (require 'eglot nil t)"
            ' (dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))'
            " (add-to-list 'load-path d)) (require 'eglot)) (princ \"eglot-ok\"))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return "eglot-ok" in probe.stdout


pytestmark = [
    pytest.mark.skipif(EMACS is None, reason="Emacs is not installed (apt-get install emacs-nox)"),
    pytest.mark.skipif(
        EMACS is not None and not _has_eglot(),
        reason="Eglot is not available (apt-get install elpa-eglot, or Emacs 29+)",
    ),
]


def run_emacs(tmp_path: Path, env: dict[str, str], **extra: str) -> dict[str, Any]:
    argv = [EMACS, "--batch", "-l", str(HERE / "run_pyiq.el")]
    # project.el finds the root by VCS.
    return run_editor_script(tmp_path, env, "emacs", argv, extra, vcs_root=True)


def test_pyiq_el_loads_and_registers(tmp_path: Path, server_env: dict[str, str]) -> None:
    data = run_emacs(tmp_path, server_env, PYIQ_CONNECT="0")
    assert data["errors"] == [], data["errors"]
    assert data["registered"] == ["(python-mode python-ts-mode)"], "one entry, both modes"
    assert data["contact"][0] == "pyiq-server"
    assert data["contact"][-1] == "serve"
    assert set(data["commands"]) == {
        "pyiq-quiz-file",
        "pyiq-quiz-here",
        "pyiq-explain",
        "pyiq-stats",
        "pyiq-eglot-setup",
    }


def test_eglot_with_the_server(tmp_path: Path, server_env: dict[str, str]) -> None:
    data = run_emacs(tmp_path, server_env)
    assert data["errors"] == [], data["errors"]
    steps = [
        "registered",
        "connected",
        "diagnostics",
        "hover",
        "quiz",
        "quiz here",
        "explain",
        "stats",
    ]
    assert data["steps"] == steps
    assert data["major_mode"] == "python-mode"
    assert data["server_class"] == "pyiq-server"

    codes = {d["code"]: d for d in data["diagnostics"]}
    assert codes["mutable-default-argument"]["severity"] == 2
    assert codes["mutable-default-argument"]["source"] == "pyiq"
    assert codes["mutable-default-argument"]["line"] == 0
    assert "generator-function" in codes

    assert "default" in data["hover"].lower()
    if not data["renders_markdown"]:
        # Eglot without markdown-mode asks for plain text and shows the hover as it comes.
        assert data["hover_kind"] == "plaintext"
        assert "Default cart=[] is created once" in data["hover"], data["hover"]
        assert "**" not in data["hover"] and "`" not in data["hover"], data["hover"]

    asked = data["quiz_asked"]
    assert asked >= 1
    assert data["quiz_chosen"] == data["prompt_choices"][:asked], "the server got our answers"
    graded = [v for v in data["verdicts"] if v.startswith(("Correct", "Not quite"))]
    assert sum(v.startswith("Correct") for v in graded[:asked]) == data["quiz_correct"]
    assert "pyiq quiz: orders.py" in data["quiz_buffer"]
    # Verdicts are shown in the quiz buffer, the full answer as the Emacs command to run.
    assert "Full answer: pyiq explain " in graded[0]
    shown = graded[0].replace("Full answer: pyiq explain ", "Full answer: M-x pyiq-explain RET ")
    assert shown in data["quiz_buffer"], data["quiz_buffer"]

    assert data["here_asked"] >= 1
    assert any("default" in question_id for question_id in data["here_ids"]), data["here_ids"]

    assert "default" in data["explain"].lower()
    if not data["renders_markdown"]:
        # A plain-text buffer: the explanation's words, without Markdown's marks.
        assert not data["explain"].startswith("#"), data["explain"][:300]
        assert "`" not in data["explain"] and "**" not in data["explain"], data["explain"][:300]
    # The progress as a table sized to its contents (rich's table, drawn for 80 columns,
    # wrapped in a side window): the columns, every answer counted, no line over 79.
    stats = data["stats"].splitlines()
    assert stats[:3] == ["pyiq progress", "", stats[2]], stats
    assert stats[2].split() == [
        "topic",
        "level",
        "answered",
        "accuracy",
        "mastered",
        "due",
        "today",
        "streak",
    ]
    answered = data["quiz_asked"] + data["here_asked"]
    (total,) = [line for line in stats if line.startswith("all ")]
    assert re.fullmatch(rf"all +{answered} +\d+% +\d+/\d+ +\d+ +\d+", total), stats
    assert max(len(line) for line in stats) < 80, stats
    assert "Day streak: 1 day." in stats, stats


def test_pyiq_el_byte_compiles_cleanly(tmp_path: Path) -> None:
    """No byte-compiler warnings: they usually mean a typo'd function or a missing require."""
    copy = tmp_path / "pyiq.el"
    copy.write_text((CLIENT / "emacs" / "pyiq.el").read_text())
    proc = subprocess.run(
        [
            EMACS,
            "--batch",
            "--eval",
            "(unless (require 'eglot nil t)"
            ' (dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))'
            " (add-to-list 'load-path d)))",
            "--eval",
            "(setq byte-compile-error-on-warn t)",
            "-f",
            "batch-byte-compile",
            str(copy),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (tmp_path / "pyiq.elc").exists()


TMUX = shutil.which("tmux")
# How long a screen test waits for what it expects to see: generous, since the tests run
# niced beside other work; waiting longer never makes an assertion weaker.
SCREEN_WAIT = 90.0


class Terminal:
    """``emacs -nw`` in a tmux pane, read as the user sees it (``capture-pane``)."""

    def __init__(self, tmp_path: Path, env: dict[str, str], server: list[str] | None) -> None:
        self.socket = f"pyiq-emacs-{os.getpid()}-{tmp_path.name}"
        self.project = tmp_path / "project"
        self.project.mkdir()
        (self.project / ".git").mkdir()
        (self.project / "orders.py").write_text(SAMPLE)
        self.dump = tmp_path / "dump.json"
        self.env = {
            "PYIQ_PLUGIN": str(CLIENT / "emacs"),
            "PYIQ_SERVER": json.dumps(server) if server else "",
            "PYIQ_DUMP": str(self.dump),
            "PYIQ_DATA_DIR": env["PYIQ_DATA_DIR"],
            "HOME": env["HOME"],
            "PATH": env["PATH"],
            "TERM": "screen-256color",
        }

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            [TMUX, "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout

    def start(self) -> None:
        assignments = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items())
        command = f"env {assignments} {EMACS} -nw -Q -l {HERE / 'tty_init.el'} orders.py"
        self.tmux(
            "new-session",
            "-d",
            "-s",
            "e",
            "-x",
            "100",
            "-y",
            "60",
            "-c",
            str(self.project),
            command,
        )
        self.wait_for(r"orders\.py +All L1 +\(Python")  # Emacs's mode line

    def text(self, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", "e")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "e", *keys)

    def wait_for(self, pattern: str, timeout: float = SCREEN_WAIT) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.text()
            if re.search(pattern, screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} never appeared on screen:\n{screen}")
            time.sleep(0.2)

    def read_dump(self) -> dict[str, Any]:
        self.dump.unlink(missing_ok=True)
        self.keys("C-c", "d")
        deadline = time.monotonic() + 20
        while not self.dump.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert self.dump.exists(), f"C-c d wrote nothing; the screen:\n{self.text()}"
        return json.loads(self.dump.read_text())

    def stop(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal_needed() -> None:
    if TMUX is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tmux is not installed (apt-get install tmux)")
        pytest.skip("tmux is not installed (apt-get install tmux)")


def test_missing_server_is_a_plain_message(
    terminal_needed: None, tmp_path: Path, server_env: dict[str, str]
) -> None:
    """With eglot-ensure in python-mode-hook and no pyiq: one readable line, no bytecode."""
    env = dict(server_env, PATH="/usr/bin:/bin")
    if shutil.which("pyiq", path=env["PATH"]):
        pytest.skip("pyiq is installed system-wide, so it cannot be missing")
    term = Terminal(tmp_path, env, None)
    try:
        term.start()
        # No key: one typed would clear the echo area, where the message waits.
        screen = term.wait_for(r"pyiq: the pyiq language server was not found")
        assert "pipx install /path/to/pyiq" in screen
        messages = term.read_dump()["messages"]
        assert "pyiq: the pyiq language server was not found" in messages
        assert "post-command-hook" not in messages and "#[" not in messages, messages
        assert "error" not in messages.lower(), messages
    finally:
        term.stop()


@contextlib.contextmanager
def emacs_with_server(tmp_path: Path, env: dict[str, str]) -> Iterator[Terminal]:
    """``emacs -nw`` on orders.py with pyiq installed; the first command connects Eglot."""
    term = Terminal(tmp_path, env, [*pyiq_command(), "serve"])
    try:
        term.start()
        term.keys("C-l")  # the first command: eglot-ensure connects
        yield term
    finally:
        term.stop()


def test_quiz_scrolls_quits_cleanly_and_hints_have_their_face(
    terminal_needed: None, tmp_path: Path, server_env: dict[str, str]
) -> None:
    with emacs_with_server(tmp_path, server_env) as term:
        deadline = time.monotonic() + 30
        dump = term.read_dump()
        while not dump.get("overlays") and time.monotonic() < deadline:
            time.sleep(0.5)
            dump = term.read_dump()

        # Hints are a Flymake type of their own, drawn unlike warnings in a terminal.
        overlays = {(kind, face, line) for kind, face, line in dump["overlays"]}
        assert ("eglot-warning", "flymake-warning", 0) in overlays, overlays
        hints = {o for o in overlays if o[0] == "pyiq-hint"}
        assert hints and all(face == "pyiq-hint" for _, face, _ in hints), overlays
        assert "eglot-note" not in {kind for kind, _, _ in overlays}
        assert dump["colors"] >= 256
        assert dump["hint_background"].startswith("color-"), dump
        assert dump["warning_background"] == "unspecified", dump
        # On screen (line 0 is the menu bar): the hint's cells are tinted, the warning's not.
        rows = term.text(escapes=True).splitlines()
        tint = re.compile(r"\x1b\[[0-9;]*48;5;\d+m")
        hint_line = min(line for _, _, line in hints)
        assert tint.search(rows[1 + hint_line]), f"no background tint: {rows[1 + hint_line]!r}"
        assert not tint.search(rows[1]), f"the warning's line is tinted: {rows[1]!r}"

        # The quiz buffer follows the quiz: at question 3, question 3 and the verdict
        # on question 2 are on screen, question 1 has scrolled away.
        term.keys("M-x", "pyiq-quiz-file", "Enter")
        term.wait_for(r"Question 1 of 3")
        term.keys("1", "Enter")
        second = term.wait_for(r"Question 2 of 3")
        # The verdict is prose: its lines wrap at words, with no "\\" cutting a word at the
        # window's edge, and its full answer is the Emacs command.
        verdict = re.search(r"^(Correct!|Not quite).*?(?=\n\n)", second, re.M | re.S)
        assert verdict and len(verdict.group()) > 100, second
        assert not any(row.endswith("\\") for row in second.splitlines()), second
        assert "Full answer: M-x pyiq-explain RET " in " ".join(verdict.group().split()), second
        term.keys("1", "Enter")
        screen = term.wait_for(r"Question 3 of 3")
        assert re.search(r"^(Correct!|Not quite: the answer is)", screen, re.M), screen
        assert "Question 1 of 3" not in screen, screen

        # C-g in the answer prompt stops the quiz; no "error in process filter: Quit".
        term.keys("C-g")
        term.wait_for(r"Quiz stopped: the answers so far are kept\.")
        messages = term.read_dump()["messages"]
        assert "pyiq: quiz stopped (the answers so far are kept)" in messages
        assert "error in process filter" not in messages, messages
        assert "pyiq: quiz stopped: " in messages and "of 2 correct" in messages, messages


def test_practice_with_eglot(tmp_path: Path, server_env: dict[str, str]) -> None:
    """M-x pyiq-practice, the stub, runs with verdicts, a hint, the solution, an id."""
    from pyiq.practice.loader import load_exercises

    exercises = load_exercises()
    argv = [EMACS, "--batch", "-l", str(HERE / "run_practice.el")]
    data = run_editor_script(tmp_path, server_env, "emacs", argv, {}, vcs_root=True)
    assert data["errors"] == [], data["errors"]
    assert data["steps"] == ["connected", "picked", *PRACTICE_STEPS]
    assert set(data["commands"]) == {
        "pyiq-practice",
        "pyiq-practice-run",
        "pyiq-practice-hint",
        "pyiq-practice-solution",
    }
    # completing-read over the titles, each annotated with level · topic · status.
    assert data["prompt"] == "pyiq practice: "
    # Shown in the server's order (a fresh learner: new ones, junior first), not sorted again.
    from pyiq.practice.order import learner_order

    expected = [e.title for e in learner_order(exercises.values(), {})]
    assert data["candidates"] == expected
    assert data["displayed"] == expected
    assert data["cycled"] == expected
    assert data["annotation"] == " junior · hashing · new"
    assert "align-to" in data["annotation_display"], "annotations line up in a column"
    assert data["picked"] == "two-sum"
    project = Path(data["project"])
    assert data["stub_shown"] == str(project / "practice" / "two-sum.py")
    assert data["stub_file"] == data["stub_shown"]
    assert data["stub_first_line"] == "# pyiq practice: two-sum"
    assert data["stub_managed"] is True, "Eglot manages the new file"

    stub = data["stub_run"].splitlines()
    assert stub[0] == "pyiq practice · Two sum"
    assert stub[2] == "✗ 0/10 tests passed"
    assert re.fullmatch(r"✗ test_example  \(line \d+\)", stub[4]), stub
    assert stub[5:7] == ["    call      two_sum([2, 7, 11, 15], 9)", "    NotImplementedError"]
    assert stub[7].startswith("    The same for 9 more: test_pair_at_the_end,"), stub
    assert all(line.startswith("    test_") for line in stub[8:-2]), "filled, indented"
    assert max(len(line) for line in stub) <= 78, stub
    assert stub[-1] == "g: run again · h: hint · s: solution · q: close"

    wrong = data["wrong_run"]
    assert wrong.splitlines()[2] == "✗ 2/10 tests passed"
    assert WRONG_TWO_SUM_FAILURE in wrong, wrong
    assert f"\n{WRONG_TWO_SUM_PASSES}\n" in wrong, wrong

    hint = data["hint"].splitlines()
    assert " ".join(hint[2:-2]) == f"Hint 1 of 3: {exercises['two-sum'].hints[0]}"
    assert max(len(line) for line in hint) <= 78, "the hint is filled"

    assert data["solution_mode"] == "python-mode"
    solution = data["solution"]
    assert solution.startswith("# Reference solution: Two sum\n# time ")
    assert solution.endswith(exercises["two-sum"].solution)
    # The server pushed no notification of its own: the buffers are the result.
    assert not [m for m in data["messages"] if "tests passed" in m or "Hint" in m]
    right = data["right_run"].splitlines()
    assert right[2] == "✓ 10/10 tests passed"
    assert any(line.startswith("Two sum: 10/10 tests passed. Next review: ") for line in right)
    assert any(line.startswith("You used ") for line in right), right
    assert any(re.fullmatch(r"z: Quiz me on the \d constructs? I used", line) for line in right)
    assert data["z_binding"] == "pyiq-practice-quiz"
    assert data["direct_file"] == str(project / "practice" / "binary-search.py")

    # Escapes and line breaks in the learner's values are shown, never sent to the terminal.
    hostile = data["hostile"]
    assert "\x1b" not in hostile and "\r" not in hostile
    assert "    expected  '^[[2J'" in hostile.splitlines()
    assert "    actual    a^M^Jb" in hostile.splitlines()


def test_practice_in_a_terminal(
    terminal_needed: None, tmp_path: Path, server_env: dict[str, str]
) -> None:
    """emacs -nw: the exercises with their annotations, the stub, the verdicts buffer."""
    with emacs_with_server(tmp_path, server_env) as term:
        term.wait_for(r"\[eglot\] Connected!")
        term.keys("M-x", "pyiq-practice", "Enter")
        term.wait_for(r"pyiq practice:")
        term.keys("T", "?")  # the matches, each with its annotation
        listing = term.wait_for(r"junior · hashing · new")
        print(f"--- completing-read ---\n{listing}")
        assert re.search(r"^Two sum +junior · hashing · new$", listing, re.M), listing
        assert re.search(r"^Top k frequent elements +mid · heaps · new$", listing, re.M), listing
        term.keys("w", "o", "Tab")
        term.wait_for(r"pyiq practice: Two sum")
        term.keys("Enter")
        term.wait_for(r"def two_sum")
        term.keys("M-x", "pyiq-practice-run", "Enter")
        shown = term.wait_for(r"0/10 tests passed")
        print(f"--- the verdicts ---\n{shown}")
        assert "pyiq practice · Two sum" in shown
        assert re.search(r"^✗ test_example  \(line \d+\)$", shown, re.M), shown
        assert "    call      two_sum([2, 7, 11, 15], 9)" in shown
        assert "    The same for 9 more: test_pair_at_the_end," in shown
        assert "g: run again · h: hint · s: solution · q: close" in shown
