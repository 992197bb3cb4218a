"""Live-coding exercises: what one is, and the learner's verdicts on it.

An exercise is data, one folder per exercise beside the question bank
(``questions/exercises/<id>/``): ``exercise.yaml`` holds the statement,
hints, complexity and related questions; ``stub.py`` is what the learner
starts from; ``solution.py`` is the reference; ``tests.py`` holds
pytest-style tests that import the learner's code as ``solution``. Keeping
code in ``.py`` files (not YAML strings) lets the tests run the reference
and the stub exactly as they run a learner's file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LEVELS = ("junior", "mid", "senior")

# A test's outcome as the learner sees it.
PASSED = "passed"
FAILED = "failed"
ERROR = "error"
TIMEOUT = "timeout"
NOT_RUN = "not-run"


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise, loaded and validated from its folder."""

    id: str
    title: str
    level: str
    topic: str
    function: str
    statement: str
    hints: tuple[str, ...]
    time_complexity: str
    space_complexity: str
    questions: tuple[str, ...]
    stub: str
    solution: str
    tests: str
    timeout: float = 2.0
    tags: tuple[str, ...] = ()

    @property
    def card_id(self) -> str:
        """The spaced-repetition card of this exercise in the progress store."""
        return f"practice:{self.id}"

    @property
    def file_name(self) -> str:
        """Where ``pyiq practice ID`` writes the stub, relative to the workspace."""
        return f"practice/{self.id}.py"


@dataclass(frozen=True, slots=True)
class TestResult:
    """One test of one run: what was called, what was expected, what came back."""

    name: str
    status: str
    input: str = ""
    expected: str = ""
    actual: str = ""
    message: str = ""
    # 1-based line in the learner's file where an exception was raised, if any.
    line: int | None = None
    duration_ms: int = 0
    stdout: str = ""

    @property
    def ok(self) -> bool:
        return self.status == PASSED

    def summary(self) -> str:
        """One line: the call, what was expected and what came back."""
        if self.ok:
            return f"{self.name}: passed"
        if self.status == NOT_RUN:
            return f"{self.name}: not run ({self.message})" if self.message else self.name
        head = self.input or self.name
        if self.status == TIMEOUT:
            return f"{head}: {self.message}"
        if self.expected or self.actual:
            return f"{head}: expected {self.expected}, got {self.actual}"
        return f"{head}: {self.message}"


@dataclass(slots=True)
class RunResult:
    """All tests of one run of an exercise against one file."""

    exercise: str
    tests: list[TestResult] = field(default_factory=list)
    # Set when the run as a whole failed: the file did not import, or the
    # process was killed by the wall-clock limit.
    problem: str = ""
    problem_line: int | None = None
    duration_ms: int = 0

    @property
    def passed(self) -> int:
        return sum(t.ok for t in self.tests)

    @property
    def total(self) -> int:
        return len(self.tests)

    @property
    def ok(self) -> bool:
        return not self.problem and self.total > 0 and self.passed == self.total

    def to_dict(self) -> dict[str, object]:
        return {
            "exercise": self.exercise,
            "passed": self.passed,
            "total": self.total,
            "ok": self.ok,
            "problem": self.problem,
            "problem_line": self.problem_line,
            "duration_ms": self.duration_ms,
            "tests": [
                {
                    "name": t.name,
                    "status": t.status,
                    "input": t.input,
                    "expected": t.expected,
                    "actual": t.actual,
                    "message": t.message,
                    "line": t.line,
                    "duration_ms": t.duration_ms,
                }
                for t in self.tests
            ],
        }
