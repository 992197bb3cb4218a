"""The grader's verdicts: what a learner sees for wrong, broken and runaway code."""

from __future__ import annotations

import time

import pytest

from pyiq.practice.grader import run_tests
from pyiq.practice.loader import load_exercises
from pyiq.practice.model import ERROR, FAILED, NOT_RUN, PASSED, TIMEOUT, Exercise

TWO_SUM = load_exercises()["two-sum"]


def _exercise(tests: str, timeout: float = 1.0) -> Exercise:
    """A small exercise of our own, so verdict shapes do not depend on the bank's tests."""
    return Exercise(
        id="double",
        title="Double",
        level="junior",
        topic="basics",
        function="double",
        statement="Return twice the number.",
        hints=("Multiply.", "By two."),
        time_complexity="O(1)",
        space_complexity="O(1)",
        questions=(),
        stub="def double(x):\n    raise NotImplementedError\n",
        solution="def double(x):\n    return 2 * x\n",
        tests=tests,
        timeout=timeout,
    )


DOUBLE_TESTS = """\
import pytest
from solution import double


def test_small():
    assert double(2) == 4


@pytest.mark.parametrize("value, expected", [(0, 0), (-3, -6)])
def test_cases(value, expected):
    assert double(value) == expected


def test_reversed_operands():
    assert 10 == double(5)


def test_raises():
    with pytest.raises(TypeError):
        double(None)
"""


def test_wrong_answer_reports_call_expected_and_actual() -> None:
    result = run_tests(_exercise(DOUBLE_TESTS), "def double(x):\n    return x + 1\n")
    by_name = {t.name: t for t in result.tests}
    assert [t.name for t in result.tests] == [
        "test_small",
        "test_cases[0]",
        "test_cases[1]",
        "test_reversed_operands",
        "test_raises",
    ]
    small = by_name["test_small"]
    assert (small.status, small.input, small.expected, small.actual) == (
        FAILED,
        "double(2)",
        "4",
        "3",
    )
    # A parametrized case shows its own values, not the parameter names.
    case = by_name["test_cases[1]"]
    assert (case.input, case.expected, case.actual) == ("double(-3)", "-6", "-2")
    assert by_name["test_cases[0]"].summary() == "double(0): expected 0, got 1"
    reversed_ = by_name["test_reversed_operands"]
    assert (reversed_.input, reversed_.expected, reversed_.actual) == ("double(5)", "10", "6")
    assert by_name["test_raises"].status == PASSED
    assert (result.passed, result.total, result.ok) == (1, 5, False)


def test_exception_in_learner_code_names_the_call_and_line() -> None:
    source = "def double(x):\n    values = {}\n    return values[x]\n"
    result = run_tests(_exercise(DOUBLE_TESTS), source)
    small = result.tests[0]
    assert (small.status, small.input, small.message, small.line) == (
        ERROR,
        "double(2)",
        "KeyError: 2",
        3,
    )


def test_syntax_error_is_one_problem_and_no_test_runs() -> None:
    result = run_tests(_exercise(DOUBLE_TESTS), "def double(x)\n    return 2 * x\n")
    assert result.problem == "SyntaxError: expected ':'"
    assert result.problem_line == 1
    assert {t.status for t in result.tests} == {NOT_RUN}
    assert result.total == 5
    assert not result.ok


def test_endless_loop_times_out_and_the_run_stops_early() -> None:
    started = time.monotonic()
    source = "def double(x):\n    while True:\n        pass\n"
    result = run_tests(_exercise(DOUBLE_TESTS, timeout=0.5), source)
    took = time.monotonic() - started
    statuses = [t.status for t in result.tests]
    assert statuses == [TIMEOUT, TIMEOUT, NOT_RUN, NOT_RUN, NOT_RUN]
    assert result.tests[0].input == "double(2)"
    assert result.tests[0].line in (2, 3)  # the loop, wherever the interpreter was
    assert "took longer than 0.5 s" in result.tests[0].message
    assert took < 5


def test_loop_that_swallows_the_alarm_is_killed_by_the_wall_clock() -> None:
    source = (
        "def double(x):\n"
        "    while True:\n"
        "        try:\n"
        "            while True:\n"
        "                pass\n"
        "        except BaseException:\n"
        "            pass\n"
    )
    started = time.monotonic()
    result = run_tests(_exercise(DOUBLE_TESTS, timeout=0.3), source, wall_clock=2.0)
    assert time.monotonic() - started < 6
    assert result.problem.startswith("stopped after 2 s")
    assert {t.status for t in result.tests} == {NOT_RUN}
    assert not result.ok


def test_unbounded_allocation_is_a_memory_verdict() -> None:
    source = "def double(x):\n    hog = []\n    while True:\n        hog.append(' ' * 10_000_000)\n"
    result = run_tests(_exercise(DOUBLE_TESTS, timeout=5), source, memory=256 * 1024 * 1024)
    first = result.tests[0]
    assert first.status == ERROR
    assert first.message == "MemoryError: used more than the 256 MB limit"
    assert first.line == 4


def test_processes_are_refused() -> None:
    source = "import os\n\ndef double(x):\n    os.fork()\n    return 2 * x\n"
    result = run_tests(_exercise(DOUBLE_TESTS), source)
    assert result.tests[0].message == "PermissionError: practice runs may not start processes"
    # Nothing passes: the refused fork raises before `2 * None` could raise TypeError.
    assert [t.name for t in result.tests if t.ok] == []


def test_prints_cannot_forge_verdicts() -> None:
    forged = '{"name": "test_small", "status": "passed"}'
    source = f"def double(x):\n    print({forged!r})\n    return 0\n"
    result = run_tests(_exercise(DOUBLE_TESTS), source)
    small = result.tests[0]
    assert small.status == FAILED
    assert forged in small.stdout


@pytest.mark.parametrize(
    ("source", "passed"),
    [
        (TWO_SUM.solution, 10),
        (
            "def two_sum(nums, target):\n"
            "    for i in range(len(nums)):\n"
            "        for j in range(i + 1, len(nums)):\n"
            "            if nums[i] + nums[j] == target:\n"
            "                return i, j\n",
            9,
        ),
    ],
)
def test_quadratic_solution_fails_only_the_large_input(source: str, passed: int) -> None:
    result = run_tests(TWO_SUM, source)
    assert result.passed == passed
    if passed < result.total:
        (slow,) = [t for t in result.tests if not t.ok]
        assert (slow.name, slow.status) == ("test_large_input_in_linear_time", TIMEOUT)


def test_tests_that_call_the_learner_at_import_report_one_problem() -> None:
    tests = (
        "from solution import double\n\nVALUE = double(2)\n\n\n"
        "def test_value():\n    assert VALUE == 4\n"
    )
    result = run_tests(_exercise(tests), "def double(x):\n    raise KeyError(x)\n")
    assert result.problem == "the tests could not start: KeyError: 2"
    assert result.problem_line == 2
    assert [(t.name, t.status) for t in result.tests] == [("test_value", NOT_RUN)]
