"""Hostile files in a checked tree: each becomes a named error, exit 2, and the run goes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run

BAD = "def add(item, bucket=[]):\n    return bucket\n"


@pytest.mark.parametrize(
    "cookie, problem",
    [
        ("rot13", "the coding comment names 'rot13', which is not a text encoding"),
        ("base64", "the coding comment names 'base64', which is not a text encoding"),
        ("zlib_codec", "not a text encoding"),
        ("no-such-codec", "unknown encoding 'no-such-codec' declared"),
        ("punycode", "not valid punycode at byte"),
    ],
)
@pytest.mark.parametrize("output", ["json", "sarif", "text"])
def test_a_strange_coding_cookie_is_a_named_error(
    tmp_path: Path, capsys, cookie: str, problem: str, output: str
) -> None:
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "b.py").write_bytes(f"# -*- coding: {cookie} -*-\nx = 'é\xff'\n".encode("latin-1"))
    code, out, err = run(capsys, str(tmp_path), "--output-format", output)
    assert code == 2
    assert f"error: {tmp_path / 'b.py'}: " in err and problem in err
    assert "Traceback" not in err
    if output == "json":
        assert [f["path"] for f in json.loads(out) if f["category"] == "bug-risk"] == [
            str(tmp_path / "a.py")
        ]
    elif output == "sarif":
        run_ = json.loads(out)["runs"][0]
        assert [r["ruleId"] for r in run_["results"]] == ["mutable-default-argument"]
        assert run_["invocations"][0]["executionSuccessful"] is False
    else:
        assert "1 file could not be checked" in out.splitlines()[-1]


def test_an_unreadable_folder_is_named_and_the_rest_checked(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    (tmp_path / "a.py").write_text(BAD)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.py").write_text(BAD)
    real = os.scandir

    def scandir(path):  # the test runs as root, who can read any folder
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(capsys, str(tmp_path), "--output-format", "json")
    assert code == 2
    assert f"error: {locked}: cannot read folder: Permission denied" in err
    assert [f["path"] for f in json.loads(out) if f["category"] == "bug-risk"] == [
        str(tmp_path / "a.py")
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifos_devices_and_links_to_them_are_never_opened(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(BAD)
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "zero.py").symlink_to("/dev/zero")
    (tmp_path / "null.pyi").symlink_to("/dev/null")
    (tmp_path / "gone.py").symlink_to(tmp_path / "nowhere.py")
    command = [sys.executable, "-m", "pyiq", "check", "--output-format", "json"]
    walked = subprocess.run(
        [*command, str(tmp_path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert walked.returncode == 2
    assert [f["path"] for f in json.loads(walked.stdout) if f["category"] == "bug-risk"] == [
        str(tmp_path / "a.py")
    ]
    err = walked.stderr
    assert f"{tmp_path / 'pipe.py'}: is a FIFO, not a regular file, skipped" in err
    assert f"{tmp_path / 'zero.py'}: is a character device, not a regular file, skipped" in err
    assert f"{tmp_path / 'null.pyi'}: is a character device" in err
    assert f"{tmp_path / 'gone.py'}: cannot read: No such file or directory" in err
    # Named on the command line, they are refused the same way.
    named = subprocess.run(
        [*command, str(tmp_path / "pipe.py"), str(tmp_path / "zero.py"), str(tmp_path / "a.py")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert named.returncode == 2
    assert f"{tmp_path / 'pipe.py'}: is a FIFO, not a regular file" in named.stderr
    assert f"{tmp_path / 'zero.py'}: is a character device, not a regular file" in named.stderr
    assert len(json.loads(named.stdout)) >= 1


def test_a_crash_in_one_file_does_not_lose_the_others(tmp_path: Path, capsys, monkeypatch) -> None:
    import pyiq.checking as checking

    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "b.py").write_text(BAD.replace("add", "boom"))
    real = checking.locate

    def locate(path, source, config, cells=None):
        if path.endswith("b.py"):
            raise KeyError("surprise")
        return real(path, source, config, cells)

    monkeypatch.setattr(checking, "locate", locate)
    code, out, err = run(capsys, str(tmp_path), "--output-format", "json")
    assert code == 2
    assert f"{tmp_path / 'b.py'}: internal error: KeyError: 'surprise'" in err
    assert len([f for f in json.loads(out) if f["category"] == "bug-risk"]) == 1


def test_control_characters_from_a_file_never_reach_the_terminal(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.py").write_text("def f(a=['\x1b[2J\x1b]52;c;aGk=\x07']):\n    return a\n")
    _, out, _ = run(capsys, str(tmp_path), "--output-format", "concise")
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out


def test_a_ruff_configuration_the_reader_chokes_on_is_a_warning(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "ruff.toml").write_text("[lint]\nselect = " + "[" * 5000 + "]" * 5000 + "\n")
    code, out, err = run(capsys, str(tmp_path), "--output-format", "json")
    # pyiq reports its own bug risk there, and says once why ruff's settings were not used.
    assert code == 1
    assert [f["rule"] for f in json.loads(out) if f["category"] == "bug-risk"] == [
        "mutable-default-argument"
    ]
    assert err.count("warning: ") == 1
    assert err == (
        f"warning: ignoring ruff configuration in {tmp_path}: {tmp_path / 'ruff.toml'}: "
        "invalid TOML: nested too deeply\n"
    )


def test_a_named_file_under_a_broken_configuration(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "b.py").write_text(BAD)
    (tmp_path / "pyproject.toml").write_text("tool = 1\n")
    code, out, err = run(
        capsys, str(tmp_path / "a.py"), str(tmp_path / "b.py"), "--output-format", "json"
    )
    assert (code, json.loads(out)) == (2, [])
    assert err == f"error: {tmp_path / 'pyproject.toml'}: `tool` must be a table, got int\n"
