"""The benchmark's own checks: bytecode that every start would have to compile again."""

from __future__ import annotations

import py_compile
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_lsp import stale_bytecode  # noqa: E402 - benchmarks/ is not a package


def test_modules_without_matching_bytecode_are_counted(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    first, second = package / "a.py", package / "sub" / "b.py"
    first.write_text("x = 1\n")
    second.write_text("y = 2\n")
    assert stale_bytecode(package) == 2  # never compiled
    py_compile.compile(str(first))
    py_compile.compile(str(second))
    assert stale_bytecode(package) == 0
    first.write_text("x = 10\n")  # edited since: another size
    assert stale_bytecode(package) == 1
