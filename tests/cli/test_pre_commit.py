"""The pre-commit hook, run as users run it: ``pre-commit try-repo`` in a fresh repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_pre_commit_hook_fails_on_a_bug_risk_and_passes_clean_code(tmp_path: Path) -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs the project as a git repository")
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (it is in the dev extras)")
    head = git(ROOT, "rev-parse", "HEAD")
    repo = tmp_path / "project"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "cart.py").write_text("def add(item, bucket=[]):\n    return bucket\n")
    (repo / "clean.py").write_text("def add(item, bucket=None):\n    return [item]\n")
    git(repo, "add", "cart.py", "clean.py")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    env.pop("VIRTUAL_ENV", None)
    command = [str(pre_commit), "try-repo", str(ROOT), "pyiq", "--ref", head, "--all-files"]
    failed = subprocess.run(
        command, cwd=repo, env=env, capture_output=True, text=True, timeout=800, check=False
    )
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "cart.py:1:22: mutable-default-argument Default `bucket=[]`" in failed.stdout
    assert "clean.py" not in failed.stdout.split("- exit code: 1", 1)[1]
    (repo / "cart.py").write_text("def add(item, bucket=None):\n    return [item]\n")
    passed = subprocess.run(
        command, cwd=repo, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "pyiq" in passed.stdout and "Passed" in passed.stdout
