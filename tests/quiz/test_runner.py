"""The sandboxed snippet runner."""

from __future__ import annotations

import time

from pyiq.quiz.runner import run_many, run_snippet


def test_prints_are_captured():
    result = run_snippet("print('hello')\nprint(6 * 7)\n")
    assert result.ok
    assert result.output == "hello\n42"


def test_errors_are_reported_not_raised():
    result = run_snippet("raise ValueError('boom')\n")
    assert not result.ok
    assert "ValueError: boom" in result.stderr
    assert 'File "<snippet>", line 1' in result.stderr


def test_a_runaway_snippet_is_killed_at_the_timeout():
    started = time.monotonic()
    result = run_snippet("while True:\n    pass\n", timeout=1.0)
    assert result.timed_out and not result.ok
    assert time.monotonic() - started < 5


def test_network_is_refused():
    code = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('127.0.0.1', 9))\n"
        "except PermissionError as exc:\n"
        "    print('refused')\n"
    )
    assert run_snippet(code).output == "refused"


def test_files_cannot_be_written_and_cwd_is_empty(tmp_path):
    target = tmp_path / "victim.txt"
    target.write_text("precious")
    code = (
        "import os\n"
        "print(os.listdir('.'))\n"
        "try:\n"
        f"    open({str(target)!r}, 'w')\n"
        "except PermissionError:\n"
        "    print('refused')\n"
        "try:\n"
        f"    os.remove({str(target)!r})\n"
        "except PermissionError:\n"
        "    print('refused')\n"
    )
    assert run_snippet(code).output == "[]\nrefused\nrefused"
    assert target.read_text() == "precious"


def test_environment_is_minimal(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    monkeypatch.setenv("SECRET_TOKEN", "hunter2")
    output = run_snippet("import os\nprint(sorted(os.environ))\n", timeout=4.5).output
    assert "HTTPS_PROXY" not in output and "SECRET_TOKEN" not in output


def test_isolated_mode_ignores_the_users_path(tmp_path, monkeypatch):
    (tmp_path / "json.py").write_text("raise SystemExit('shadowed')\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    assert run_snippet("import json\nprint(json.dumps([1]))\n", timeout=4.6).output == "[1]"


def test_run_many_keeps_order():
    results = run_many([f"print({n})" for n in range(6)])
    assert [r.output for r in results] == [str(n) for n in range(6)]
