"""``pyiq practice`` end to end, as a learner uses it in a terminal."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fsrs import Rating

from pyiq.practice.loader import load_exercises
from pyiq.quiz.store import Store

TWO_SUM = load_exercises()["two-sum"]
WRONG = "# pyiq practice: two-sum\ndef two_sum(nums, target):\n    return (0, 1)\n"


def pyiq(tmp_path: Path, *args: str, columns: int = 200) -> subprocess.CompletedProcess[str]:
    """The real command in a fresh process, with its own progress directory."""
    return subprocess.run(
        [sys.executable, "-m", "pyiq", "practice", *args, "--data-dir", str(tmp_path / "data")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": str(columns), "TERM": "dumb"},
    )


def test_list_shows_every_exercise_as_new(tmp_path: Path) -> None:
    done = pyiq(tmp_path, "--format", "json")
    rows = json.loads(done.stdout)
    assert done.returncode == 0
    assert len(rows) == len(load_exercises())
    two_sum = next(r for r in rows if r["id"] == "two-sum")
    assert two_sum == {
        "id": "two-sum",
        "title": "Two sum",
        "level": "junior",
        "topic": "hashing",
        "status": "new",
        "attempts": 0,
        "due": None,
    }
    text = pyiq(tmp_path).stdout
    assert "two-sum" in text and "Start one with `pyiq practice ID`." in text


def test_list_in_a_narrow_terminal_keeps_every_id_whole(tmp_path: Path) -> None:
    """The id is what the learner types next: an 80-column list drops titles, never ids."""
    narrow = pyiq(tmp_path, columns=80).stdout
    assert all(len(line) <= 80 for line in narrow.splitlines())
    for exercise_id in load_exercises():
        assert f"  {exercise_id}  " in narrow
    assert "title" not in narrow.splitlines()[2] and "Two sum" not in narrow
    wide = pyiq(tmp_path, columns=140).stdout
    row = next(line for line in wide.splitlines() if "  two-sum  " in line)
    assert row.split() == ["two-sum", "junior", "hashing", "new", "0", "Two", "sum"]


def test_scaffold_writes_the_stub_and_never_overwrites(tmp_path: Path) -> None:
    first = pyiq(tmp_path, "two-sum")
    target = tmp_path / "practice" / "two-sum.py"
    assert first.returncode == 0
    assert "Wrote practice/two-sum.py." in first.stdout
    text = target.read_text()
    assert text.startswith("# pyiq practice: two-sum\n")
    assert text.rstrip().endswith(TWO_SUM.stub.rstrip())
    target.write_text(WRONG)
    again = pyiq(tmp_path, "two-sum")
    assert "already exists: your work there is kept" in again.stdout
    assert target.read_text() == WRONG


def test_wrong_then_right_solution(tmp_path: Path) -> None:
    pyiq(tmp_path, "two-sum")
    target = tmp_path / "practice" / "two-sum.py"
    target.write_text(WRONG)
    wrong = pyiq(tmp_path, "test", "practice/two-sum.py")
    assert wrong.returncode == 1
    lines = wrong.stdout.splitlines()
    at = lines.index("✗ test_pair_at_the_end: failed")
    assert lines[at + 1 : at + 4] == [
        "    input:    two_sum([1, 2, 3, 4], 7)",
        "    expected: (2, 3)",
        "    actual:   (0, 1)",
    ]
    assert "✓ test_example" in lines
    assert any(line.startswith("2/10 tests passed in ") for line in lines)
    assert "Stuck? pyiq practice two-sum --hint" in lines

    target.write_text("# pyiq practice: two-sum\n" + TWO_SUM.solution)
    right = pyiq(tmp_path, "test", "practice/two-sum.py", "--format", "json")
    data = json.loads(right.stdout)
    assert right.returncode == 0
    assert (data["passed"], data["total"], data["ok"], data["reviewed"]) == (10, 10, True, True)
    due = datetime.fromisoformat(data["due"])
    assert due > datetime.now(timezone.utc)

    with Store.open(data_dir=tmp_path / "data") as store:
        reviews = store.reviews("practice:two-sum")
    # One review for the solved exercise; the failing run is an attempt, not a lapse.
    assert [(r.correct, r.kind, r.topic, r.level, r.source) for r in reviews] == [
        (True, "practice", "practice", "junior", "two-sum")
    ]
    listed = json.loads(pyiq(tmp_path, "--format", "json").stdout)
    row = next(r for r in listed if r["id"] == "two-sum")
    assert (row["status"], row["attempts"]) == ("solved", 2)


def test_passing_run_names_the_constructs_used(tmp_path: Path) -> None:
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text("# pyiq practice: two-sum\n" + TWO_SUM.solution)
    done = pyiq(tmp_path, "test", str(target))
    assert done.returncode == 0
    tail = done.stdout.split("An interviewer would now ask about what you used:\n", 1)[1]
    asked = [line.split(":", 1)[0].strip() for line in tail.splitlines() if line.startswith("  ")]
    # The stub's signature carries the type hints: the learner's own constructs come first.
    assert asked == ["line 5, enumerate", "line 6, dict.get", "line 7, Identity comparison"]
    assert "Type hints" not in done.stdout
    assert f"Quiz yourself: pyiq quiz {target} --count 3" in done.stdout


def test_hints_in_order_then_the_last_again(tmp_path: Path) -> None:
    shown = [pyiq(tmp_path, "two-sum", "--hint").stdout.strip() for _ in range(4)]
    total = len(TWO_SUM.hints)
    assert shown[0].startswith(f"Hint 1 of {total}: ")
    assert shown[1].startswith(f"Hint 2 of {total}: ")
    assert shown[3].startswith(f"All {total} hints shown already.")


def test_solution_only_after_an_attempt_and_rated_again(tmp_path: Path) -> None:
    refused = pyiq(tmp_path, "two-sum", "--solution")
    assert refused.returncode == 2
    assert "run the tests at least once first" in refused.stderr
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text(WRONG)
    pyiq(tmp_path, "test", str(target))
    shown = pyiq(tmp_path, "two-sum", "--solution")
    assert shown.returncode == 0
    assert "position.get(target - value)" in shown.stdout
    target.write_text("# pyiq practice: two-sum\n" + TWO_SUM.solution)
    pyiq(tmp_path, "test", str(target))
    with Store.open(data_dir=tmp_path / "data") as store:
        (review,) = store.reviews("practice:two-sum")
    assert review.rating == int(Rating.Again)


def test_not_a_practice_file_and_unknown_ids(tmp_path: Path) -> None:
    other = tmp_path / "other.py"
    other.write_text("x = 1\n")
    done = pyiq(tmp_path, "test", str(other))
    assert done.returncode == 2
    assert "is not a practice file" in done.stderr
    unknown = pyiq(tmp_path, "two-summ")
    assert unknown.returncode == 2
    assert "unknown exercise 'two-summ'" in unknown.stderr


def test_endless_loop_is_stopped_with_a_clear_verdict(tmp_path: Path) -> None:
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text(
        "# pyiq practice: two-sum\ndef two_sum(nums, target):\n    while True:\n        pass\n"
    )
    done = pyiq(tmp_path, "test", str(target))
    assert done.returncode == 1
    assert "✗ test_example: timeout" in done.stdout
    assert "took longer than 2 s" in done.stdout
    assert "test_no_pair: not-run" in done.stdout


@pytest.mark.parametrize(
    "payload", ["\x1b[2J", "\x1b]52;c;aGk=\x07", "[link=file:///etc/passwd]x[/link]"]
)
def test_learner_text_reaches_the_terminal_escaped(tmp_path: Path, payload: str) -> None:
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text(
        f"# pyiq practice: two-sum\ndef two_sum(nums, target):\n    return {payload!r}\n"
    )
    done = pyiq(tmp_path, "test", str(target))
    assert "\x1b" not in done.stdout
    assert "\x07" not in done.stdout


def test_stats_shows_practice_progress(tmp_path: Path) -> None:
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text(WRONG)
    pyiq(tmp_path, "test", str(target))
    target.write_text("# pyiq practice: two-sum\n" + TWO_SUM.solution)
    pyiq(tmp_path, "test", str(target))
    stats = subprocess.run(
        [
            sys.executable,
            "-m",
            "pyiq",
            "stats",
            "--format",
            "json",
            "--data-dir",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    practice = json.loads(stats.stdout)["practice"]
    assert practice == {
        "exercises": len(load_exercises()),
        "solved": 1,
        "attempted": 0,
        "due": 0,
        "runs": 2,
    }


def test_list_puts_work_in_progress_first_and_solved_last(tmp_path: Path) -> None:
    """An attempted exercise leads the list; a solved one (not due yet) ends it."""
    from pyiq.practice.order import learner_order

    fresh = [r["id"] for r in json.loads(pyiq(tmp_path, "--format", "json").stdout)]
    assert fresh == [e.id for e in learner_order(load_exercises().values(), {})]
    levels = [load_exercises()[i].level for i in fresh]
    assert levels == sorted(levels, key=["junior", "mid", "senior"].index)

    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text(WRONG)
    pyiq(tmp_path, "test", str(target))
    rows = json.loads(pyiq(tmp_path, "--format", "json").stdout)
    assert (rows[0]["id"], rows[0]["status"]) == ("two-sum", "attempted (2/10)")

    target.write_text("# pyiq practice: two-sum\n" + TWO_SUM.solution)
    pyiq(tmp_path, "test", str(target))
    rows = json.loads(pyiq(tmp_path, "--format", "json").stdout)
    assert (rows[-1]["id"], rows[-1]["status"]) == ("two-sum", "solved")
    assert [r["id"] for r in rows[:-1]] == [i for i in fresh if i != "two-sum"]


def test_piped_solution_is_the_whole_code_never_cut_at_the_width(tmp_path: Path) -> None:
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text(WRONG)
    pyiq(tmp_path, "test", str(target))
    shown = pyiq(tmp_path, "two-sum", "--solution", columns=40)
    assert shown.returncode == 0
    # Every line of the reference, its long docstring included, as it is in the file.
    assert shown.stdout.endswith("\n\n" + TWO_SUM.solution.rstrip("\n") + "\n")


def test_solved_run_says_when_the_review_is_as_an_interval(tmp_path: Path) -> None:
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text("# pyiq practice: two-sum\n" + TWO_SUM.solution)
    first = pyiq(tmp_path, "test", str(target))
    # A first clean solve is rated good: FSRS brings it back in minutes, not "on <today>".
    assert re.search(
        r"^Solved\. Rated good; this exercise comes back for review in \d+ minutes\.$",
        first.stdout,
        re.MULTILINE,
    ), first.stdout
    again = pyiq(tmp_path, "test", str(target))
    assert re.search(
        r"^Solved before; its next review is in \d+ minutes\.$", again.stdout, re.MULTILINE
    ), again.stdout


def test_wrapped_lines_keep_their_indent(tmp_path: Path) -> None:
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text("# pyiq practice: two-sum\n" + TWO_SUM.solution)
    done = pyiq(tmp_path, "test", str(target), columns=60)
    tail = done.stdout.split("An interviewer would now ask about what you used:\n", 1)[1]
    assert tail.splitlines()[:2] == [
        "  line 5, enumerate: What does `enumerate()` do, and how is",
        "                     it different from `range(len(...))`?",
    ]


def test_missing_files_and_unknown_ids_say_what_to_do(tmp_path: Path) -> None:
    missing = pyiq(tmp_path, "test", "practice/nope.py")
    assert (missing.returncode, missing.stderr) == (
        2,
        "pyiq practice: cannot read practice/nope.py: no such file\n",
    )
    unknown = pyiq(tmp_path, "nope")
    assert (unknown.returncode, unknown.stderr) == (
        2,
        "pyiq practice: unknown exercise 'nope'; `pyiq practice` lists them\n",
    )
    close = pyiq(tmp_path, "two-su")
    assert close.stderr == (
        "pyiq practice: unknown exercise 'two-su' (did you mean two-sum?); "
        "`pyiq practice` lists them\n"
    )


def test_an_80_column_list_keeps_the_status_whole(tmp_path: Path) -> None:
    """A long status ("attempted (2/10)") once pushed the last column off an 80-column list."""
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text(WRONG)
    pyiq(tmp_path, "test", str(target))
    narrow = pyiq(tmp_path, columns=80).stdout.splitlines()
    assert all(len(line) <= 80 for line in narrow)
    assert narrow[2].split() == ["id", "level", "topic", "status"]  # the runs go first
    row = next(line for line in narrow if "  two-sum  " in line)
    assert row.split() == ["two-sum", "junior", "hashing", "attempted", "(2/10)"]
    wider = pyiq(tmp_path, columns=100).stdout.splitlines()
    assert wider[2].split() == ["id", "level", "topic", "status", "runs"]


def test_a_file_that_does_not_import_is_one_line_not_one_per_test(tmp_path: Path) -> None:
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text("# pyiq practice: two-sum\ndef two_sum(nums, target)\n    return None\n")
    done = pyiq(tmp_path, "test", str(target))
    assert done.returncode == 1
    assert done.stdout.splitlines()[:3] == [
        "✗ SyntaxError: expected ':' (line 2)",
        "- 10 tests not run: the file did not import",
        "",
    ]


def test_long_printed_output_wraps_under_its_label(tmp_path: Path) -> None:
    target = tmp_path / "practice" / "two-sum.py"
    target.parent.mkdir()
    target.write_text(
        "# pyiq practice: two-sum\ndef two_sum(nums, target):\n    print('x' * 100)\n"
    )
    done = pyiq(tmp_path, "test", str(target), columns=60)
    lines = done.stdout.splitlines()
    at = lines.index("    printed:  " + "x" * 46)
    assert lines[at + 1 : at + 4] == [
        " " * 14 + "x" * 46,
        " " * 14 + "x" * 8,
        "✗ test_pair_at_the_end: failed",
    ]
