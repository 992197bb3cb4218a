"""The VS Code extension's own checks, run from pytest so ``make test`` covers them.

Type check (``tsc --noEmit``), lint (eslint), unit tests of the extension logic (node's test
runner, the VS Code API behind ``EditorHost``), the bundled extension activated against a
stand-in ``vscode`` module and the real server, and the quiz webview in Debian's Chromium
driven by Playwright. ``npm ci`` installs the locked dependencies when node_modules is missing
or older than the lock file. Skipped, saying so, only when node or npm is not installed.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.clients.conftest import CLIENT, pyiq_command

VSCODE = CLIENT / "vscode"
CHROMIUM = Path(os.environ.get("PYIQ_CHROMIUM", "/usr/bin/chromium"))

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or shutil.which("npm") is None,
    reason="node and npm are needed for the VS Code extension tests (apt-get install nodejs npm)",
)


def run(args: list[str], timeout: float = 240, env: dict[str, str] | None = None) -> None:
    """Runs a command in client/vscode; fails the test with the end of its output."""
    proc = subprocess.run(
        args,
        cwd=VSCODE,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        output = (proc.stdout + proc.stderr)[-6000:]
        pytest.fail(f"{' '.join(args)} exited {proc.returncode}:\n{output}")


def _stale(target: Path, sources: list[Path]) -> bool:
    if not target.exists():
        return True
    built = target.stat().st_mtime
    return any(p.stat().st_mtime > built for p in sources if p.exists())


@pytest.fixture(scope="module")
def prepared() -> Iterator[None]:
    """node_modules from the lock file and a fresh dist/, once across xdist workers (file lock)."""
    lock_path = VSCODE / ".test.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            marker = VSCODE / "node_modules" / ".package-lock.json"
            if _stale(marker, [VSCODE / "package-lock.json"]):
                run(["npm", "ci", "--no-audit", "--no-fund"], timeout=280)
            sources = [*VSCODE.glob("src/**/*.ts"), VSCODE / "media" / "quiz.css"]
            if _stale(VSCODE / "dist" / "quiz.js", sources) or _stale(
                VSCODE / "dist" / "extension.js", sources
            ):
                run(["npm", "run", "build"])
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    yield


def test_typecheck(prepared: None) -> None:
    run(["npm", "run", "--silent", "typecheck"])


def test_lint(prepared: None) -> None:
    run(["npm", "run", "--silent", "lint"])


def test_unit(prepared: None) -> None:
    run(["node", "scripts/run-tests.mjs", "unit"])


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
)
def test_quiz_panel_in_chromium(prepared: None) -> None:
    env = dict(os.environ, PYIQ_CHROMIUM=str(CHROMIUM), PYIQ_SERVER=" ".join(pyiq_command()))
    run(["node", "scripts/run-tests.mjs", "browser"], env=env)


def test_extension_with_the_real_server(prepared: None, tmp_path: Path) -> None:
    env = dict(
        os.environ,
        PYIQ_PYTHON=sys.executable,
        PYIQ_SERVER=" ".join(pyiq_command()),
        PYIQ_DATA_DIR=str(tmp_path / "data"),
    )
    run(["node", "scripts/run-tests.mjs", "host"], env=env)
