"""``pyiq questions`` and ``pyiq explain`` on a small synthetic bank, plus the real one."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pyiq.analysis.registry import load_registry
from pyiq.cli.main import main
from tests.bank.bank_data import raw_questions
from tests.bank.bank_factory import question, write_topic


@pytest.fixture
def bank_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "questions"
    write_topic(
        directory,
        "alpha",
        [
            question(
                "mutable-defaults",
                question="Why is a mutable default argument shared between calls?",
                rules=["mutable-default-argument"],
                tags=["functions"],
                related=["gil"],
            ),
            question("numpy-broadcasting", imports=["numpy"], level="mid"),
        ],
        title="Alpha things",
    )
    write_topic(directory, "beta", [question("gil", level="senior", output="")])
    monkeypatch.setenv("PYIQ_QUESTIONS_DIR", str(directory))
    return directory


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_questions_lists_everything_aligned(bank_dir: Path, capsys: pytest.CaptureFixture[str]):
    code, out, err = run(capsys, "questions")
    assert code == 0 and err == ""
    assert out == (
        "mutable-defaults    junior  Why is a mutable default argument shared between calls?\n"
        "numpy-broadcasting  mid     What does numpy-broadcasting mean in Python?\n"
        "gil                 senior  What does gil mean in Python?\n"
    )


def test_questions_search_and_filters(bank_dir: Path, capsys: pytest.CaptureFixture[str]):
    assert run(capsys, "questions", "mutable default")[1].startswith("mutable-defaults  junior")
    assert run(capsys, "questions", "--level", "senior")[1].split()[0] == "gil"
    assert run(capsys, "questions", "--tag", "functions")[1].split()[0] == "mutable-defaults"
    _, out, _ = run(capsys, "questions", "--rule", "mutable-default-argument")
    assert out.split()[0] == "mutable-defaults"


def test_questions_json(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "questions", "--format", "json", "--level", "mid")
    records = json.loads(out)
    assert code == 0 and [r["id"] for r in records] == ["numpy-broadcasting"]
    record = records[0]
    assert record["topic"] == "alpha" and record["imports"] == ["numpy"]
    assert record["quiz"]["choices"][0] == {
        "text": "Right",
        "correct": True,
        "why": "Because it is right.",
        "why_wrong": None,
    }


def test_questions_no_match_exits_1(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "questions", "zebra") == (1, "", "pyiq questions: no question matches\n")
    code, out, _ = run(capsys, "questions", "zebra", "--format", "json")
    assert (code, out) == (1, "[]\n")


def test_questions_unknown_tag_suggests(bank_dir: Path, capsys: pytest.CaptureFixture[str]):
    code, out, err = run(capsys, "questions", "--tag", "function")
    assert (code, out) == (2, "")
    assert err == "pyiq questions: unknown tag 'function' (did you mean 'functions'?)\n"


def test_questions_unknown_rule_suggests(bank_dir: Path, capsys: pytest.CaptureFixture[str]):
    code, _, err = run(capsys, "questions", "--rule", "mutable-default-arg")
    assert code == 2
    assert "unknown rule id 'mutable-default-arg' (did you mean 'mutable-default-argument'" in err


def test_explain_question_plain_when_piped(bank_dir: Path, capsys: pytest.CaptureFixture[str]):
    code, out, err = run(capsys, "explain", "mutable-defaults")
    assert code == 0 and err == ""
    assert out.startswith("# Why is a mutable default argument shared between calls?\n\n")
    assert "`mutable-defaults` · Alpha things · junior\n" in out
    assert "> Short answer about mutable-defaults.\n" in out
    assert "A long enough answer about mutable-defaults." in out
    assert "## Example\n\n```python\nprint('mutable-defaults')\n```\n" in out
    assert "Output:\n\n```text\nmutable-defaults\n```\n" in out
    assert out.endswith("Related: `gil`\n")
    assert "\x1b[" not in out


def test_explain_question_without_output(bank_dir: Path, capsys: pytest.CaptureFixture[str]):
    _, out, _ = run(capsys, "explain", "gil")
    assert "Output:\n\n*(prints nothing)*\n" in out


def test_explain_rule_shows_rule_then_questions(
    bank_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule = load_registry().rules["mutable-default-argument"]
    code, out, _ = run(capsys, "explain", "mutable-default-argument")
    assert code == 0
    assert out.startswith(f"# {rule.name}\n\n`mutable-default-argument` · {rule.category}")
    assert rule.description.strip() in out
    assert "*1 question linked to `mutable-default-argument`:* `mutable-defaults`" in out
    assert out.index(rule.description.strip()) < out.index("# Why is a mutable default")


def test_explain_rule_without_questions(bank_dir: Path, capsys: pytest.CaptureFixture[str]):
    code, out, _ = run(capsys, "explain", "is-literal")
    assert code == 0
    assert "*No question in the bank is linked to this rule yet.*" in out


def test_explain_unknown_id_suggests(bank_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "mutable-default")
    assert (code, out) == (2, "")
    assert err.startswith("pyiq explain: unknown question or rule id 'mutable-default' (did you")
    assert "'mutable-defaults'" in err and "'mutable-default-argument'" in err
    assert err.endswith("?); `pyiq questions TEXT` searches the bank\n")


def test_explain_renders_markdown_on_a_terminal(
    bank_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "100")
    _, out, _ = run(capsys, "explain", "gil")
    assert "\x1b[" in out  # styled for the terminal
    text = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "What does gil mean in Python?" in text
    assert "# What does gil" not in text and "```" not in text
    assert "print('gil')" in text


def test_broken_bank_is_reported_without_traceback(
    bank_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (bank_dir / "beta.yaml").write_text("topic: beta\ntitle: Beta\nquestions: nope\n")
    for argv in (["explain", "gil"], ["questions"]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, "")
        assert err.startswith(
            "pyiq: the question bank cannot be loaded (if it is being edited, try again in a "
            "moment):\ninvalid question bank (1 problem(s)):\n"
        )
        assert "questions/beta.yaml:3: questions: 'nope' is not of type 'array'" in err
        assert "Traceback" not in err


def test_python_m_pyiq_explain_subprocess(bank_dir: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pyiq", "explain", "numpy-broadcasting"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYIQ_QUESTIONS_DIR": str(bank_dir)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# What does numpy-broadcasting mean in Python?\n")
    assert "`numpy-broadcasting` · Alpha things · mid" in result.stdout


def test_explain_real_bank_question(capsys: pytest.CaptureFixture[str]) -> None:
    qs = raw_questions()
    if not qs:
        pytest.skip("the bank has no questions yet")
    q = qs[0][1]
    code, out, err = run(capsys, "explain", q["id"])
    assert code == 0, err
    assert out.startswith(f"# {q['question']}\n")
    assert q["example"].rstrip("\n") in out
