"""A hostile ``.gitignore``: answered in linear time, with pathspec's answers on ordinary rules."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pathspec import GitIgnoreSpec

from pyiq.ignore_rules import MAX_LINE, _LinearRule, git_ignore_spec

BUG = "def add(item, bucket=[]):\n    return bucket\n"
STARS = "*a" * 25 + "b"


def _all_linear(lines: list[str]) -> GitIgnoreSpec:
    spec = GitIgnoreSpec.from_lines(lines)
    for rule in spec.patterns:
        if getattr(rule, "regex", None) is not None:
            rule.regex = _LinearRule(rule.regex.pattern)  # type: ignore[attr-defined]
    return spec


def _random_rule(rng: random.Random) -> str:
    parts = [rng.choice(["*", "**", "a", "b", "a*", "?", "[ab]", "x.py", "d"]) for _ in range(3)]
    rule = "/".join(p for p in parts if p)
    return rng.choice(["", "!", "/"]) + rule + rng.choice(["", "/"])


def _random_path(rng: random.Random) -> str:
    names = ["a", "b", "ab", "ba", "aab", "d", "x.py", "a.py", "dd"]
    return "/".join(rng.choice(names) for _ in range(rng.randint(1, 4)))


def test_linear_rules_give_pathspecs_answers() -> None:
    """Differential: 400 random rule sets, 40 paths each, the NFA against ``re``."""
    rng = random.Random(18)
    compared = 0
    for _ in range(400):
        lines = [_random_rule(rng) for _ in range(rng.randint(1, 4))]
        plain = GitIgnoreSpec.from_lines(lines)
        linear = _all_linear(lines)
        for _ in range(40):
            path = _random_path(rng)
            for candidate in (path, path + "/"):
                expected = plain.check_file(candidate).include
                assert linear.check_file(candidate).include == expected, (lines, candidate)
                compared += 1
    assert compared == 400 * 40 * 2


def test_many_stars_are_answered_at_once() -> None:
    spec = git_ignore_spec([STARS, "*.log"])
    began = time.perf_counter()
    assert spec.check_file("a" * 200 + ".py").include is None
    assert spec.check_file("a" * 60 + "b").include is True
    assert spec.check_file("debug.log").include is True
    assert time.perf_counter() - began < 2


def test_a_line_longer_than_any_path_is_left_out() -> None:
    spec = git_ignore_spec(["x" * (MAX_LINE + 1), "*.log"])
    assert spec.check_file("x" * (MAX_LINE + 1)).include is None
    assert spec.check_file("a.log").include is True


def test_check_walks_past_a_hostile_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text(f"{STARS}\n{'x' * 1_000_000}\n*.skip.py\n")
    (tmp_path / ("a" * 200 + ".py")).write_text(BUG)
    (tmp_path / ("a" * 60 + "b")).mkdir()
    (tmp_path / ("a" * 60 + "b") / "hidden.py").write_text(BUG)
    (tmp_path / "gone.skip.py").write_text(BUG)
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "check", "--output-format", "concise", "--select",
         "bug-risk", "."],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert [line.split(":")[0] for line in run.stdout.splitlines() if ".py:" in line] == [
        "a" * 200 + ".py"
    ]


@pytest.mark.parametrize("depth", [400])
def test_deep_folders_and_symlink_loops(tmp_path: Path, depth: int) -> None:
    deep = tmp_path.joinpath(*["d"] * depth)
    deep.mkdir(parents=True)
    (deep / "x.py").write_text(BUG)
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "up").symlink_to("..")
    (tmp_path / "loop" / "self").symlink_to("self")
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "check", "--output-format", "json", "."],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    import json

    assert [f["path"] for f in json.loads(run.stdout) if f["category"] == "bug-risk"] == [
        str(Path(*["d"] * depth) / "x.py")
    ]
