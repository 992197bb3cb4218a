"""Which files ``pyiq check`` reads and which configuration applies, as ruff decides it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.helpers import run

BAD = "def add(item, bucket=[]):\n    return bucket\n"


def write(root: Path, *relative: str, text: str = BAD) -> None:
    for rel in relative:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def checked(capsys, root: Path, *args: str) -> list[str]:
    """Relative paths of the files with a bug risk (every fixture file has one)."""
    _, out, _ = run(capsys, *args, "--output-format", "json", "--select", "bug-risk")
    return sorted(
        {Path(f["path"]).resolve().relative_to(root.resolve()).as_posix() for f in json.loads(out)}
    )


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_gitignore_above_the_start_folder_and_info_exclude_apply(tmp_path: Path, capsys) -> None:
    git(tmp_path, "init", "-q")
    write(tmp_path, "src/pkg/a.py", "src/pkg/generated/b.py", "src/pkg/local.py", "src/keep.py")
    (tmp_path / ".gitignore").write_text("generated/\n*.py\n!src/keep.py\n!src/pkg/a.py\n")
    (tmp_path / ".git" / "info" / "exclude").write_text("src/pkg/local.py\n")
    # From src/, the ignore rules of the repository root still hold, with
    # git's semantics (a later negation re-includes).
    assert checked(capsys, tmp_path, str(tmp_path / "src")) == ["src/keep.py", "src/pkg/a.py"]
    git_view = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert sorted(p for p in git_view if p.endswith(".py")) == ["src/keep.py", "src/pkg/a.py"]


def test_a_deeper_gitignore_can_re_include(tmp_path: Path, capsys) -> None:
    write(tmp_path, "a/x.py", "a/b/y.py", "a/b/z.py")
    (tmp_path / ".gitignore").write_text("y.py\nz.py\n")
    (tmp_path / "a" / "b" / ".gitignore").write_text("!y.py\n")
    assert checked(capsys, tmp_path, str(tmp_path)) == ["a/b/y.py", "a/x.py"]


def test_virtualenvs_are_known_by_pyvenv_cfg_not_by_name(tmp_path: Path, capsys) -> None:
    write(tmp_path, "venv/__init__.py", "envs/py311/lib/site.py", ".venv/x.py", "dist/d.py")
    (tmp_path / "envs" / "py311" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    # `venv` is a package here (like the standard library's); `.venv` and
    # `dist` are in ruff's default exclusions.
    assert checked(capsys, tmp_path, str(tmp_path)) == ["venv/__init__.py"]


def test_pyproject_without_tool_pyiq_is_passed_over(tmp_path: Path, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pyiq]\nselect = ["bug-risk"]\n')
    write(tmp_path, "sub/pkg/a.py", text=BAD + "def g():\n    yield 1\n")
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "sub"\n')
    _, out, _ = run(capsys, str(tmp_path / "sub"), "--output-format", "json")
    assert [f["rule"] for f in json.loads(out)] == ["mutable-default-argument"]


@pytest.mark.parametrize("name", ["pyiq.toml", ".pyiq.toml"])
def test_pyiq_toml_is_a_configuration_with_top_level_keys(
    tmp_path: Path, capsys, name: str
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pyiq]\nselect = ["concept"]\n')
    write(tmp_path, "pkg/a.py", text=BAD + "def g():\n    yield 1\n")
    (tmp_path / "pkg" / name).write_text('select = ["bug-risk"]\n')
    _, out, _ = run(capsys, str(tmp_path), "--output-format", "json")
    assert [f["rule"] for f in json.loads(out)] == ["mutable-default-argument"]
    (tmp_path / "pkg" / name).write_text('level = ["expert"]\n')
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2
    assert f"{tmp_path / 'pkg' / name}: level: expected one or more of junior" in err


def test_exclude_extend_exclude_and_per_file_ignores(tmp_path: Path, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.pyiq]\n"
        'extend-exclude = ["migrations", "src/gen/*.py"]\n'
        '[tool.pyiq.per-file-ignores]\n"tests/*" = ["bug-risk"]\n'
        '"legacy.py" = ["mutable-default-argument"]\n'
    )
    write(
        tmp_path,
        "app/migrations/m1.py",
        "src/gen/out.py",
        "src/ok.py",
        "tests/test_x.py",
        "legacy.py",
        "dist/skip.py",
    )
    assert checked(capsys, tmp_path, str(tmp_path)) == ["src/ok.py"]
    # A configured `exclude` replaces the defaults, as in ruff.
    (tmp_path / "pyproject.toml").write_text('[tool.pyiq]\nexclude = ["src"]\n')
    assert checked(capsys, tmp_path, str(tmp_path)) == [
        "app/migrations/m1.py",
        "dist/skip.py",
        "legacy.py",
        "tests/test_x.py",
    ]


def test_force_exclude_applies_exclusions_to_named_files(tmp_path: Path, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pyiq]\nextend-exclude = ["gen"]\n')
    write(tmp_path, "gen/a.py")
    named = str(tmp_path / "gen" / "a.py")
    assert checked(capsys, tmp_path, named) == ["gen/a.py"]
    assert checked(capsys, tmp_path, named, "--force-exclude") == []


def test_configuration_errors_are_one_message_naming_the_file(tmp_path: Path, capsys) -> None:
    write(tmp_path, "a.py", "b.py", "c.py")
    cases = {
        "tool = 1\n": "`tool` must be a table",
        "[tool]\npyiq = 3\n": "tool.pyiq must be a table",
        "x = " + "[" * 5000 + "]" * 5000 + "\n": "nested too deeply",
        "[tool.pyiq\n": "invalid TOML",
    }
    for text, problem in cases.items():
        (tmp_path / "pyproject.toml").write_text(text)
        code, out, err = run(capsys, str(tmp_path), "--output-format", "json")
        assert code == 2, text
        assert json.loads(out) == []
        assert err.count("error: ") == 1, err
        assert err.startswith(f"error: {tmp_path / 'pyproject.toml'}: ")
        assert problem in err
        assert "a.py" not in err and "Traceback" not in err
    # A pattern that does not compile is skipped, named once; the files are still checked.
    (tmp_path / "pyproject.toml").write_text("[tool.pyiq]\nextend-exclude = ['[a-']\n")
    code, out, err = run(capsys, str(tmp_path), "--output-format", "json")
    assert code == 2
    assert err == (
        f"error: {tmp_path / 'pyproject.toml'}: `extend-exclude`: invalid pattern '[a-' "
        "(unclosed character class in '[a-'), skipped\n"
    )
    assert sorted(Path(f["path"]).name for f in json.loads(out)) == ["a.py", "b.py", "c.py"]
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.pyiq]\nselect = ['\xff']\n")
    code, out, err = run(capsys, str(tmp_path), "--output-format", "sarif")
    assert code == 2
    assert f"{tmp_path / 'pyproject.toml'}: not valid UTF-8 at byte 23" in err
    notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == [
        f"{tmp_path / 'pyproject.toml'}: not valid UTF-8 at byte 23"
    ]
