"""The Emacs setup (client/emacs/pyiq.el) in a real batch Emacs with Eglot, against ``pyiq serve``.

``emacs --batch`` loads ``pyiq.el``, checks that ``pyiq-eglot-setup`` registers the server for
``python-mode``/``python-ts-mode``, then connects Eglot to the real server, waits for the
diagnostics, hovers, takes the quiz with ``pyiq-quiz-file`` (answered through
``completing-read``, which pyiq's ``window/showMessageRequest`` handler calls), explains a
rule and shows the progress. Skipped, saying so, only when Emacs or Eglot is not installed
(``apt-get install emacs-nox elpa-eglot``; Emacs 29+ has Eglot built in).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.clients.conftest import CLIENT, run_editor_script

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

    asked = data["quiz_asked"]
    assert asked >= 1
    assert data["quiz_chosen"] == data["prompt_choices"][:asked], "the server got our answers"
    graded = [v for v in data["verdicts"] if v.startswith(("Correct", "Not quite"))]
    assert sum(v.startswith("Correct") for v in graded[:asked]) == data["quiz_correct"]
    assert "pyiq quiz: orders.py" in data["quiz_buffer"]
    assert graded[0] in data["quiz_buffer"], "verdicts are shown in the quiz buffer"

    assert data["here_asked"] >= 1
    assert any("default" in question_id for question_id in data["here_ids"]), data["here_ids"]

    assert "default" in data["explain"].lower()
    assert data["stats"].strip()


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
