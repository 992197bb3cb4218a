"""``pyiq check`` options as ruff users name them: formats, exit codes, selection, statistics."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.cli.helpers import run, validate_sarif

BAD = "def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n"
CONCEPTS = (
    "def gen():\n    yield 1\n\n\ndef gen2():\n    yield 2\n\n\n"
    "squares = (x * x for x in range(3))\n"
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "bad.py").write_text(BAD)
    (tmp_path / "gens.py").write_text(CONCEPTS)
    return tmp_path


def test_output_format_and_its_format_alias_agree(tree: Path, capsys) -> None:
    code, new, _ = run(capsys, str(tree), "--output-format", "json")
    code_alias, old, _ = run(capsys, str(tree), "--format", "json")
    assert (code, code_alias) == (1, 1)
    assert json.loads(new) == json.loads(old)
    assert {f["rule"] for f in json.loads(new)} >= {
        "mutable-default-argument",
        "generator-function",
    }


def test_exit_zero_keeps_the_output_and_exits_zero(tree: Path, capsys) -> None:
    code, out, _ = run(capsys, str(tree / "bad.py"), "--exit-zero", "--output-format", "concise")
    assert code == 0
    assert out.splitlines()[0].startswith(f"{tree / 'bad.py'}:1:22: mutable-default-argument ")
    # A file that cannot be read still exits 2.
    code, _, err = run(capsys, str(tree / "missing.py"), "--exit-zero")
    assert code == 2
    assert "missing.py: no such file or directory" in err


def test_text_groups_concepts_into_one_line_per_rule(tree: Path, capsys) -> None:
    code, out, _ = run(capsys, str(tree))
    assert code == 1
    lines = out.splitlines()
    generator_lines = [line for line in lines if "generator-function" in line]
    assert len(generator_lines) == 1
    assert re.match(
        r"  generator-function +2 places in .*gens\.py  interview: .+  \(pyiq explain \S+\)$",
        generator_lines[0],
    )
    assert "Interview topics (--show-concepts lists every place):" in lines
    # Each bug risk keeps its own line with its question below.
    assert lines[0].startswith(f"{tree / 'bad.py'}:1:22: mutable-default-argument")
    assert lines[1].startswith("    interview: ")
    assert lines[-1] == "Checked 2 files: 1 bug risk, 3 interview topics."


def test_show_concepts_lists_every_place(tree: Path, capsys) -> None:
    _, out, _ = run(capsys, str(tree), "--show-concepts", "--output-format", "concise")
    places = [line for line in out.splitlines() if " generator-function " in line]
    assert [line.split(": generator-function")[0] for line in places] == [
        f"{tree / 'gens.py'}:1:5",
        f"{tree / 'gens.py'}:5:5",
    ]
    assert "interview:" not in out


def test_concise_has_no_question_lines(tree: Path, capsys) -> None:
    _, out, _ = run(capsys, str(tree), "--output-format", "concise")
    assert "interview:" not in out
    assert out.splitlines()[0] == (
        f"{tree / 'bad.py'}:1:22: mutable-default-argument "
        "Default `bucket=[]` is created once and shared by every call that omits `bucket`"
    )


def test_statistics_counts_per_rule_most_frequent_first(tree: Path, capsys) -> None:
    (tree / "more.py").write_text(BAD.replace("add", "add2"))
    code, out, _ = run(capsys, str(tree), "--statistics")
    assert code == 1
    rows = [line for line in out.splitlines() if not line.startswith("Checked")]
    counts = [(int(line.split()[0]), line.split()[1]) for line in rows]
    assert counts[:2] == [(2, "generator-function"), (2, "mutable-default-argument")]
    assert counts == sorted(counts, key=lambda item: (-item[0], item[1]))
    risk = next(line for line in rows if "mutable-default-argument" in line)
    assert "bug risk" in risk and "mutable" in risk.split("bug risk", 1)[1]
    code, out, _ = run(capsys, str(tree), "--statistics", "--output-format", "json")
    table = json.loads(out)
    assert table[1]["rule"] == "mutable-default-argument"
    assert table[1]["count"] == 2
    assert table[1]["category"] == "bug-risk"
    assert table[1]["question"].endswith("?")


def test_select_ignore_and_extend_select(tree: Path, capsys) -> None:
    def rules(*args: str) -> set[str]:
        _, out, _ = run(capsys, str(tree), "--output-format", "json", *args)
        return {f["rule"] for f in json.loads(out)}

    assert rules("--select", "bug-risk") == {"mutable-default-argument"}
    assert rules("--select", "bug-risk", "--extend-select", "generator-function") == {
        "mutable-default-argument",
        "generator-function",
    }
    assert "generator-function" not in rules("--ignore", "generator-function")
    (tree / "pyproject.toml").write_text('[tool.pyiq]\nselect = ["generator-expression"]\n')
    assert rules("--extend-select", "bug-risk") == {
        "generator-expression",
        "mutable-default-argument",
    }
    assert rules("--select", "bug-risk") == {"mutable-default-argument"}
    code, _, err = run(capsys, str(tree), "--extend-select", "generators")
    assert code == 2
    assert "--extend-select: unknown rule or category 'generators'" in err


GITHUB_LINE = re.compile(
    r"::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:]*),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+),title=(?P<title>[^,:]*)"
    r"::(?P<message>[^\r\n]*)$"
)


def test_github_lines_are_workflow_commands(tree: Path, capsys) -> None:
    code, out, _ = run(capsys, str(tree), "--output-format", "github")
    assert code == 1
    lines = out.splitlines()
    # Concepts would bury a pull request in notices: bug risks only by default.
    assert len(lines) == 1
    match = GITHUB_LINE.match(lines[0])
    assert match is not None, lines[0]
    assert match["command"] == "warning"
    assert match["file"] == str(tree / "bad.py").replace(":", "%3A").replace(",", "%2C")
    assert (match["line"], match["col"], match["end_line"], match["end_col"]) == (
        "1",
        "22",
        "1",
        "24",
    )
    assert match["title"] == "pyiq (mutable-default-argument)"
    assert match["message"].startswith("Default `bucket=[]` is created once")
    assert "%0AInterview question: " in match["message"]


def test_github_escaping_follows_the_runner() -> None:
    from pyiq.checking import Located
    from pyiq.report.github import line

    finding = Located(
        "dir,with:odd%name\r\n.py",
        3,
        7,
        4,
        1,
        "bare-except",
        "bug-risk",
        "error",
        "50%\r\nx:y,z",
        (),
    )
    assert line(finding) == (
        "::error file=dir%2Cwith%3Aodd%25name%0D%0A.py,line=3,col=7,endLine=4,endColumn=1,"
        "title=pyiq (bare-except)::50%25%0D%0Ax:y,z"
    )


def test_sarif_defaults_to_bug_risks(tree: Path, capsys) -> None:
    _, out, _ = run(capsys, str(tree), "--output-format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["mutable-default-argument"]
    _, out, _ = run(capsys, str(tree), "--output-format", "sarif", "--show-concepts")
    results = json.loads(out)["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"mutable-default-argument", "generator-function"}
    validate_sarif(json.loads(out))


def test_noqa_with_the_peer_code_silences_the_bug_risk(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.py"
    comments = ["# noqa: B006", "# noqa: E711, B008", "# NOQA", "# noqa:b006"]
    path.write_text(
        "".join(f"def f{i}(a=[]):  {comment}\n    return a\n" for i, comment in enumerate(comments))
        + "def k(a=[], b='# noqa: B006'):\n    return a\n"
    )
    code, out, _ = run(capsys, str(path), "--output-format", "json", "--select", "bug-risk")
    assert code == 1
    assert [(f["line"], f["rule"]) for f in json.loads(out)] == [
        (3, "mutable-default-argument"),
        (9, "mutable-default-argument"),
    ]
    path.write_text("# ruff: noqa: B006\ndef f(a=[]):\n    return a\nx = lambda: 0\n")
    _, out, _ = run(capsys, str(path), "--output-format", "json", "--select", "bug-risk")
    assert [f["rule"] for f in json.loads(out)] == ["lambda-assignment"]
    path.write_text("# flake8: noqa\ndef f(a=[]):\n    return a\nx = lambda: 0\n")
    code, out, _ = run(capsys, str(path), "--output-format", "json", "--select", "bug-risk")
    assert (code, json.loads(out)) == (0, [])


def test_noqa_never_hides_a_concept(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.py"
    path.write_text("def gen():  # noqa\n    yield 1\n")
    _, out, _ = run(capsys, str(path), "--output-format", "json")
    assert [f["rule"] for f in json.loads(out)] == ["generator-function"]


def test_respect_ruff_hides_what_ruff_reports_unless_turned_off(tmp_path: Path, capsys) -> None:
    (tmp_path / "ruff.toml").write_text(
        '[lint]\nselect = ["B006"]\n[lint.per-file-ignores]\n"legacy.py" = ["B006"]\n'
    )
    (tmp_path / "a.py").write_text(BAD + "f = lambda: 0\n")
    (tmp_path / "legacy.py").write_text(BAD)

    def risks(*args: str) -> list[tuple[str, str]]:
        _, out, _ = run(
            capsys, str(tmp_path), "--output-format", "json", "--select", "bug-risk", *args
        )
        return [(Path(f["path"]).name, f["rule"]) for f in json.loads(out)]

    # ruff reports B006 on a.py, so pyiq does not repeat it; legacy.py is
    # per-file ignored for ruff, so pyiq keeps its own finding there.
    assert risks() == [("a.py", "lambda-assignment"), ("legacy.py", "mutable-default-argument")]
    assert risks("--no-respect-ruff") == [
        ("a.py", "mutable-default-argument"),
        ("a.py", "lambda-assignment"),
        ("legacy.py", "mutable-default-argument"),
    ]


def test_jobs_is_capped(tmp_path: Path, capsys) -> None:
    from pyiq.checking import MAX_JOBS, effective_jobs

    assert effective_jobs(5000) == min(os.cpu_count() or 1, MAX_JOBS)
    for i in range(50):
        (tmp_path / f"m{i:02}.py").write_text(BAD)
    code, out, _ = run(capsys, str(tmp_path), "--jobs", "5000", "--output-format", "json")
    assert code == 1
    assert len([f for f in json.loads(out) if f["category"] == "bug-risk"]) == 50


def test_the_quiz_still_asks_about_what_ruff_reports(tmp_path: Path) -> None:
    from pyiq.quiz.sites import sites_in_paths

    (tmp_path / "ruff.toml").write_text('[lint]\nselect = ["B006"]\n')
    (tmp_path / "a.py").write_text(BAD)
    sites, problems = sites_in_paths([tmp_path])
    assert problems == []
    assert "mutable-default-argument" in {site.finding.rule for site in sites}
