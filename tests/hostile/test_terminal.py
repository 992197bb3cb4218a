"""Text from a checked file or an imported progress file never reaches a terminal raw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pyiq.terminal_text import clean, code_span

EVIL = 'def f(x="\x1b]52;c;aGk=\x07", y=[]):\n    return x\n\nz = (a for a in "\x1b[2J`[x](h)`")\n'


def _pyiq(*args: str, data: Path, stdin: str | None = None, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "pyiq", *args],
        capture_output=True,
        input=stdin.encode() if stdin is not None else None,
        env={**os.environ, "PYIQ_DATA_DIR": str(data), **(env or {})},
        timeout=120,
    )


def test_check_escapes_controls_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "evil.py").write_text(EVIL, encoding="utf-8")
    run = _pyiq("check", "--show-concepts", str(tmp_path / "evil.py"), data=tmp_path / "data")
    assert run.returncode == 1
    assert b"\x1b" not in run.stdout and b"\x07" not in run.stdout
    assert b'"\\x1b[2J`[x](h)`"' in run.stdout  # shown, visibly


def test_quiz_escapes_controls_and_keeps_backticks_inside_code(tmp_path: Path) -> None:
    (tmp_path / "evil.py").write_text(EVIL, encoding="utf-8")
    run = _pyiq(
        "quiz",
        str(tmp_path / "evil.py"),
        "--answers",
        "-,-,-",
        "--count",
        "3",
        data=tmp_path / "data",
        env={"FORCE_COLOR": "1", "COLUMNS": "300"},
    )
    assert run.returncode == 0, run.stderr
    text = run.stdout.decode()
    # Styling escapes are fine; nothing from the file may open an OSC or clear the screen.
    assert "\x1b]" not in text and "\x1b[2J" not in text and "\x07" not in text
    assert "`[x](h)`" in text  # the backticked text stays literal, not a link


def test_stats_shows_markup_in_an_imported_topic_as_text(tmp_path: Path) -> None:
    export = {
        "format": "pyiq-progress",
        "version": 1,
        "reviews": [
            {
                "uid": "u1",
                "card_id": "generators",
                "answered_at": "2026-01-02T03:04:05+00:00",
                "correct": True,
                "rating": 3,
                "topic": "[link=file:///etc/passwd]click[/link]\x1b[31m",
                "level": "mid",
            }
        ],
    }
    source = tmp_path / "progress.json"
    source.write_text(json.dumps(export))
    data = tmp_path / "data"
    assert _pyiq("progress", "import", str(source), data=data).returncode == 0
    run = _pyiq("stats", data=data, env={"FORCE_COLOR": "1", "COLUMNS": "300"})
    assert run.returncode == 0, run.stderr
    text = run.stdout.decode()
    assert "[link=file:///etc/passwd]" in text
    assert "\x1b]8;" not in text and "\x1b[31m" not in text


def test_clean_and_code_span() -> None:
    assert clean("a\x1bb\x9bc\td\ne") == "a\\x1bb\\x9bc\td\ne"
    assert clean("a\nb", keep_breaks=False) == "a\\x0ab"
    assert code_span("x`y") == "``x`y``"
    assert code_span("`x") == "`` `x ``"
