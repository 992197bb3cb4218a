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
