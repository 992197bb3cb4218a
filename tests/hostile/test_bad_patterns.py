"""A pattern in ``[tool.pyiq]`` that does not compile: named once, skipped, the rest applies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.hostile.wire_client import BUG, WireClient

CONFIG = (
    "[tool.pyiq]\n"
    'ignore = ["lambda-assignment"]\n'
    'extend-exclude = ["vendor", "gen[erated"]\n'
    '[tool.pyiq.per-file-ignores]\n"legacy_*.py" = ["mutable-default-argument"]\n'
    '"{a,b.py" = ["bug-risk"]\n'
)
SOURCE = BUG + "square = lambda x: x\n"


def _tree(root: Path) -> None:
    (root / "pyproject.toml").write_text(CONFIG)
    (root / "vendor").mkdir()
    (root / "vendor" / "lib.py").write_text(SOURCE)
    (root / "main.py").write_text(SOURCE)
    (root / "legacy_main.py").write_text(SOURCE)


def test_check_names_each_bad_pattern_and_applies_the_rest(tmp_path: Path) -> None:
    _tree(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "check", "--output-format", "concise", "."],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    config = str(tmp_path / "pyproject.toml")
    assert run.returncode == 2
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {config}: `extend-exclude`: invalid pattern 'gen[erated' "
        "(unclosed character class in 'gen[erated'), skipped",
        f"error: {config}: `per-file-ignores`: invalid pattern '{{a,b.py' "
        "(unclosed alternation in '{a,b.py'), skipped",
    ]
    # vendor/ is still excluded, legacy_* still ignores the mutable default,
    # the lambda is still ignored everywhere.
    assert [line.split(" ")[:2] for line in run.stdout.splitlines() if ".py:" in line] == [
        ["main.py:1:22:", "mutable-default-argument"]
    ]


def test_server_shows_the_bad_pattern_once_and_still_publishes(tmp_path: Path) -> None:
    _tree(tmp_path)
    client = WireClient(tmp_path / "data", cwd=tmp_path)
    try:
        client.initialize()
        for name in ("main.py", "legacy_main.py"):
            uri = client.open(tmp_path / name)
            codes = [d["code"] for d in client.diagnostics(uri)]
            expected = [] if name.startswith("legacy") else ["mutable-default-argument"]
            assert [c for c in codes if c in ("mutable-default-argument", "lambda-assignment")] == (
                expected
            )
        shown = [m for m in client.shown_messages() if "invalid pattern" in m]
        config = str(tmp_path / "pyproject.toml")
        assert sorted(shown) == [
            f"{config}: `extend-exclude`: invalid pattern 'gen[erated' "
            "(unclosed character class in 'gen[erated'), skipped",
            f"{config}: `per-file-ignores`: invalid pattern '{{a,b.py' "
            "(unclosed alternation in '{a,b.py'), skipped",
        ]
        assert client.alive()
    finally:
        client.close()
