"""The predict-the-output runner: a hard wall-clock kill of everything the child started."""

from __future__ import annotations

import os
import time

import pytest

from pyiq.quiz import runner

ESCAPE = """
import os, sys, time
pid = os.fork()
if pid == 0:
    os.setsid()
    sys.stdout.write("grandchild\\n"); sys.stdout.flush()
    time.sleep(60)
    os._exit(0)
time.sleep(60)
"""

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and sessions")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def _grandchildren_of_script() -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as handle:
                    if b"pyiq-escape-marker" in handle.read():
                        found.append(int(entry))
            except OSError:
                pass
    return found


def test_child_that_forks_and_calls_setsid_is_killed_on_time() -> None:
    # Without the prelude, the way a template bug escaping it would behave.
    script = "import sys\n# pyiq-escape-marker\nexec(sys.stdin.read())\n"
    began = time.monotonic()
    result = runner._run(ESCAPE, 2.0, prelude=script)
    took = time.monotonic() - began
    assert result.timed_out
    assert took < 2.0 + 3 * runner._DRAIN + 1.0, took
    time.sleep(0.2)
    assert [pid for pid in _grandchildren_of_script() if _alive(pid)] == []


@pytest.mark.parametrize(
    "code",
    [
        "import os; os.system('echo hi')",
        "import subprocess; subprocess.run(['echo', 'hi'])",
        "import os; os.open('made.txt', os.O_CREAT | os.O_WRONLY)",
        "import os; os.setsid()",
        "import ctypes",
        "import os; os.fork()",
    ],
)
def test_prelude_blocks_processes_sessions_and_writes(code: str) -> None:
    result = runner._run(code, 5.0)
    assert not result.ok
    assert (
        "PermissionError" in result.stderr
        or "ImportError" in result.stderr
        or ("ModuleNotFoundError" in result.stderr)
    ), result.stderr
    assert "hi" not in result.stdout


def test_ordinary_snippet_still_runs() -> None:
    result = runner._run("print(sum(range(4)))", 5.0)
    assert result.ok and result.output == "6"
