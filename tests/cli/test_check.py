"""``pyiq check`` end to end: output formats, exit codes, discovery and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pyiq.cli.main import main

BAD = "def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n"
CLEAN = "def add(item, bucket=None):\n    return [item]\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-progress", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_reads_like_a_linter(tmp_path: Path, capsys) -> None:
    (tmp_path / "cart.py").write_text(BAD)
    code, out, _ = run(capsys, str(tmp_path / "cart.py"), "--select", "mutable-default-argument")
    assert code == 1
    first = out.splitlines()[0]
    assert first == (
        f"{tmp_path / 'cart.py'}:1:22: mutable-default-argument "
        "Default `bucket=[]` is created once and shared by every call that omits `bucket`"
    )
    assert out.splitlines()[-1] == "Checked 1 file: 1 bug risk, 0 interview topics."


def test_json_output_has_one_based_code_point_columns(tmp_path: Path, capsys) -> None:
    path = tmp_path / "u.py"
    path.write_text("s = '😀é'; t = 1\ndef f(a='😀', b=[]):\n    return a\n", encoding="utf-8")
    code, out, _ = run(capsys, str(path), "--format", "json", "--select", "bug-risk")
    assert code == 1
    findings = json.loads(out)
    assert findings[0] == {
        "path": str(path),
        "cell": None,
        "line": 2,
        "column": 16,
        "end_line": 2,
        "end_column": 18,
        "rule": "mutable-default-argument",
        "category": "bug-risk",
        "severity": "warning",
        "message": "Default `b=[]` is created once and shared by every call that omits `b`",
        "questions": findings[0]["questions"],
    }


def test_exit_zero_without_bug_risks(tmp_path: Path, capsys) -> None:
    (tmp_path / "ok.py").write_text(CLEAN)
    code, _, _ = run(capsys, str(tmp_path))
    assert code == 0


def test_unreadable_and_binary_files_exit_two_but_the_rest_is_checked(
    tmp_path: Path, capsys
) -> None:
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "b.py").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.py").write_bytes(b"x = '\xff'\n")
    code, out, err = run(capsys, str(tmp_path), str(tmp_path / "missing.py"), "--format", "json")
    assert code == 2
    assert [f["path"] for f in json.loads(out) if f["category"] == "bug-risk"] == [
        str(tmp_path / "a.py")
    ]
    assert f"{tmp_path / 'b.py'}: binary file" in err
    assert f"{tmp_path / 'c.py'}: not valid utf-8 at byte 5" in err
    assert f"{tmp_path / 'missing.py'}: no such file or directory" in err


def test_discovery_skips_vcs_venvs_node_modules_and_gitignored(tmp_path: Path, capsys) -> None:
    for rel in [
        "pkg/mod.py",
        ".git/hooks/x.py",
        "node_modules/lib/y.py",
        "env/lib/z.py",
        "generated/out.py",
        "pkg/stub.pyi",
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BAD)
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    (tmp_path / ".gitignore").write_text("generated/\n")
    code, out, _ = run(capsys, str(tmp_path), "--format", "json", "--select", "bug-risk")
    assert code == 1
    paths = sorted({Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(out)})
    assert paths == ["pkg/mod.py", "pkg/stub.pyi"]


def test_select_and_ignore_and_unknown_rules(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.py").write_text(BAD)
    code, _, _ = run(capsys, str(tmp_path), "--ignore", "mutable-default-argument")
    assert code == 0
    code, _, err = run(capsys, str(tmp_path), "--select", "mutable-defaults")
    assert code == 2
    assert "unknown rule or category 'mutable-defaults'" in err
    assert "did you mean 'mutable-default-argument'?" in err


def test_pyproject_configuration_is_applied_and_bad_values_name_the_key(
    tmp_path: Path, capsys
) -> None:
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pyiq]\nselect = ["bug-risk"]\nseverity = {"mutable-default-argument" = "error"}\n'
    )
    code, out, _ = run(capsys, str(tmp_path), "--format", "json")
    assert code == 1
    assert [(f["rule"], f["severity"]) for f in json.loads(out)] == [
        ("mutable-default-argument", "error")
    ]
    (tmp_path / "pyproject.toml").write_text('[tool.pyiq]\nlevel = ["expert"]\n')
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2
    assert "tool.pyiq.level: expected one or more of junior, mid, senior" in err
    assert "Traceback" not in err


def test_suppression_comments(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.py"
    path.write_text(
        "def f(a=[]):  # pyiq: ignore[mutable-default-argument]\n    return a\n"
        "def g(a=[]):  # pyiq: ignore\n    return a\n"
        "def h(a=[]):  # pyiq: ignore[is-literal]\n    return a\n"
    )
    code, out, _ = run(capsys, str(path), "--format", "json", "--select", "bug-risk")
    assert [f["line"] for f in json.loads(out)] == [5]
    path.write_text("# pyiq: ignore-file\n" + BAD)
    code, out, _ = run(capsys, str(path), "--format", "json")
    assert (code, json.loads(out)) == (0, [])


def test_sarif_validates_against_the_schema(tmp_path: Path, capsys) -> None:
    schema_path = os.environ.get("PYIQ_SARIF_SCHEMA")
    if not schema_path or not Path(schema_path).is_file():
        pytest.skip("SARIF schema not fetched (make test fetches it with npm)")
    import jsonschema

    (tmp_path / "a.py").write_text(BAD)
    code, out, _ = run(capsys, str(tmp_path / "a.py"), "--format", "sarif")
    assert code == 1
    document = json.loads(out)
    jsonschema.validate(document, json.loads(Path(schema_path).read_text()))
    run_ = document["runs"][0]
    result = next(r for r in run_["results"] if r["ruleId"] == "mutable-default-argument")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 22, "endLine": 1, "endColumn": 24}
    assert result["level"] == "warning"
    assert run_["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_process_pool_gives_the_same_results_in_order(tmp_path: Path, capsys) -> None:
    for i in range(60):
        (tmp_path / f"m{i:02}.py").write_text(BAD if i % 3 == 0 else CLEAN)
    _, serial, _ = run(capsys, str(tmp_path), "--format", "json", "--jobs", "1")
    _, pooled, _ = run(capsys, str(tmp_path), "--format", "json", "--jobs", "2")
    assert json.loads(serial) == json.loads(pooled)
    assert len([f for f in json.loads(serial) if f["category"] == "bug-risk"]) == 20


def test_python_dash_m_and_rules_listing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pyiq", "rules", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    rules = {r["id"]: r for r in json.loads(result.stdout)}
    assert rules["mutable-default-argument"]["peer"] == "B006"
    assert rules["mutable-default-argument"]["category"] == "bug-risk"


@pytest.mark.parametrize(
    "path, message, questions",
    [
        ("plain.py", "Default `x=[]` is shared", ()),
        ('dir "quoted"\\back\\slash.py', 'tab\there, newline\nthere, "quotes"', ("q-1",)),
        (
            "naïve/\U0001d518nicode.py",
            "control \x01\x1f and \u2028 separators, emoji 🐍",
            ("a", "b"),
        ),
        ("bad-\udcff-byte.py", "", ("only",)),
    ],
)
def test_a_json_line_is_what_json_dumps_writes(path: str, message: str, questions) -> None:
    from pyiq.checking import Located
    from pyiq.report.json_report import encode

    finding = Located(path, 3, 7, 4, 1, "bare-except", "bug-risk", "warning", message, questions)
    assert encode(finding) == json.dumps(finding.as_dict(), ensure_ascii=False)


def test_each_finding_lists_the_questions_that_fit_its_code(tmp_path: Path, capsys) -> None:
    path = tmp_path / "store.py"
    path.write_text(
        "import threading\n"
        "lock = threading.Lock()\n"
        "def save(path, data):\n"
        "    with lock:\n"
        "        with open(path, 'w') as fh:\n"
        "            fh.write(data)\n"
    )
    code, out, _ = run(capsys, str(path), "--format", "json", "--select", "with-statement")
    assert code == 0
    by_line = {f["line"]: f["questions"] for f in json.loads(out)}
    assert by_line[4][0] == "race-conditions-thread-safety"
    assert "file-handling-with-open" not in by_line[4]
    assert by_line[5][0] == "file-handling-with-open"
    assert "race-conditions-thread-safety" not in by_line[5]
