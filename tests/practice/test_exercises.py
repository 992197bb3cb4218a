"""Every exercise is sound: it loads, its reference passes, its untouched stub fails.

These run each exercise's own tests through the same limited process a
learner's file goes through, so what is proven here is what a learner gets.
"""

from __future__ import annotations

import ast

import pytest

from pyiq.bank import load_bank
from pyiq.practice.grader import count_tests, run_tests
from pyiq.practice.loader import exercises_dir, load_exercises, problems
from pyiq.practice.model import NOT_RUN

EXERCISES = load_exercises()
MINIMUM = 40


def test_every_folder_loads() -> None:
    assert problems() == []
    folders = [p.name for p in exercises_dir().iterdir() if p.is_dir()]
    assert sorted(EXERCISES) == sorted(folders)


def test_there_are_enough_exercises_across_levels() -> None:
    assert len(EXERCISES) >= MINIMUM
    levels = {e.level for e in EXERCISES.values()}
    assert levels == {"junior", "mid", "senior"}


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_metadata_is_consistent(exercise_id: str) -> None:
    exercise = EXERCISES[exercise_id]
    bank = load_bank()
    assert exercise.questions, "every exercise links the questions it practises"
    missing = [q for q in exercise.questions if bank.get(q) is None]
    assert missing == []
    for name, source in (("stub", exercise.stub), ("solution", exercise.solution)):
        defined = {
            node.name
            for node in ast.parse(source).body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        }
        assert exercise.function in defined, f"{name}.py lacks {exercise.function}"
    assert "raise NotImplementedError" in exercise.stub
    assert count_tests(exercise) >= 5, "edge cases: empty input, duplicates, large input, ..."


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_reference_solution_passes(exercise_id: str) -> None:
    exercise = EXERCISES[exercise_id]
    result = run_tests(exercise, exercise.solution)
    failing = [t.summary() for t in result.tests if not t.ok]
    assert (result.problem, failing) == ("", [])
    assert result.total == count_tests(exercise)


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_untouched_stub_fails_every_test(exercise_id: str) -> None:
    exercise = EXERCISES[exercise_id]
    result = run_tests(exercise, exercise.stub)
    assert result.problem == ""
    assert result.passed == 0
    assert all(t.status != NOT_RUN for t in result.tests)
    assert result.total == count_tests(exercise)


def test_constructs_used_leave_out_what_the_stub_had_and_lead_with_bug_risks() -> None:
    """The stub's type hints are not the learner's; a bug risk outranks any concept."""
    from pyiq.practice.constructs import constructs_used

    stub = "def f(items: list[int]) -> int:\n    raise NotImplementedError\n"
    solution = (
        "def f(items: list[int], seen=[]) -> int:\n"
        "    total: int = 0\n"
        "    for i, value in enumerate(items):\n"
        "        total += i * value\n"
        "    return total\n"
    )
    used = constructs_used(solution.encode(), stub=stub)
    assert [(u.rule, u.line, u.bug_risk) for u in used] == [
        ("mutable-default-argument", 1, True),
        ("enumerate", 3, False),
    ]
    # Without the stub the signature's type hints are counted (the CLI of any file).
    assert "type-hints" in [u.rule for u in constructs_used(solution.encode())]


def test_learner_order_due_then_attempted_then_new_by_level_then_solved() -> None:
    """Anki/Exercism order: reviews due, work in progress, new by level and title, done."""
    from dataclasses import replace
    from datetime import datetime, timedelta, timezone

    from pyiq.practice.model import Exercise
    from pyiq.practice.order import learner_order
    from pyiq.practice.progress import Status

    now = datetime(2026, 12, 3, 12, tzinfo=timezone.utc)
    base = next(iter(EXERCISES.values()))

    def ex(id_: str, title: str, level: str) -> Exercise:
        return replace(base, id=id_, title=title, level=level)

    exercises = [
        ex("a", "Zeta senior", "senior"),
        ex("b", "beta mid", "mid"),
        ex("c", "Alpha mid", "mid"),
        ex("d", "Gamma junior", "junior"),
        ex("e", "Solved later", "junior"),
        ex("f", "Solved sooner", "senior"),
        ex("g", "Overdue long", "senior"),
        ex("h", "Overdue a bit", "junior"),
        ex("i", "Tried", "senior"),
    ]
    solved = Status(attempts=2, last_passed=5, last_total=5, solved=True)
    statuses = {
        "e": replace(solved, due=now + timedelta(days=9)),
        "f": replace(solved, due=now + timedelta(days=2)),
        "g": replace(solved, due=now - timedelta(days=5)),
        "h": replace(solved, due=now - timedelta(hours=1)),
        "i": Status(attempts=1, last_passed=1, last_total=5),
    }
    ordered = learner_order(exercises, statuses, now=now)
    assert [e.id for e in ordered] == ["g", "h", "i", "d", "c", "b", "a", "f", "e"]
