"""Every example runs and prints exactly its documented output.

Each example runs in a fresh interpreter (the venv's, which has numpy,
pandas and PyYAML), in an empty temporary directory, with hash
randomisation left on: ``PYTHONHASHSEED`` is removed from the environment so
an example whose output depends on set or dict-of-str ordering fails here
rather than in a reader's terminal.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.bank.bank_data import raw_questions

TIMEOUT = 20

EXAMPLES = [q for _, q in raw_questions() if isinstance(q.get("example"), str)]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.mark.parametrize("question", EXAMPLES, ids=lambda q: str(q.get("id")))
def test_example_prints_its_output(question: dict[str, Any], tmp_path: Path) -> None:
    try:
        result = subprocess.run(
            [sys.executable, "-c", question["example"]],
            cwd=tmp_path,
            env=_env(),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"example did not finish within {TIMEOUT}s", pytrace=False)
    assert result.returncode == 0, f"example failed:\n{result.stderr[-2000:]}"
    assert result.stdout == question.get("output"), f"stderr:\n{result.stderr[-1000:]}"
