"""Runs an exercise's tests against a learner's file, in a process that can be killed.

A learner's code is run, unlike the predict-the-output snippets, because
running it is the point. It still runs with hard limits so that no attempt
can hang the terminal or the editor:

- a separate ``python -I -B`` process in its own session, in an empty
  temporary directory, with a minimal environment;
- memory (``RLIMIT_AS``), CPU time and file size capped in the child before
  the learner's file is imported (:mod:`pyiq.practice.harness`);
- each test with its own alarm, and the whole run with a wall-clock limit
  after which every process of the session is killed (a child that forks
  and ignores signals dies with it);
- results come back on a pipe of their own, so the learner's prints cannot
  forge a verdict, and every read is bounded.
"""

from __future__ import annotations

import ast
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from pyiq.practice.model import ERROR, NOT_RUN, Exercise, RunResult, TestResult

HARNESS = Path(__file__).with_name("harness.py")
DEFAULT_MEMORY = 512 * 1024 * 1024
MAX_RESULT_BYTES = 1024 * 1024
_ENV_KEEP = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "SYSTEMROOT", "TZ")


def count_tests(exercise: Exercise) -> int:
    """How many test cases a run reports (parametrized cases count one each), without running."""
    return len(_expected_names(exercise))


def _kill_session(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.kill()
    except ProcessLookupError:
        pass


def run_tests(
    exercise: Exercise,
    source: str | bytes,
    *,
    memory: int = DEFAULT_MEMORY,
    wall_clock: float | None = None,
    python: str | None = None,
) -> RunResult:
    """The verdict of every test of ``exercise`` on ``source`` (the learner's file contents).

    ``wall_clock`` bounds the whole run (default: each test's timeout times
    the number of tests, plus start-up, at most 60 s).
    """
    expected_names = _expected_names(exercise)
    limit = wall_clock or min(60.0, exercise.timeout * max(1, len(expected_names)) + 5.0)
    started = time.perf_counter()
    data = source.encode("utf-8") if isinstance(source, str) else source
    with tempfile.TemporaryDirectory(prefix="pyiq-practice-") as work:
        learner = os.path.join(work, "solution.py")
        tests = os.path.join(work, "tests_" + exercise.id.replace("-", "_") + ".py")
        with open(learner, "wb") as handle:
            handle.write(data)
        with open(tests, "w", encoding="utf-8") as handle:
            handle.write(exercise.tests)
        read_fd, write_fd = os.pipe()
        env = {k: v for k, v in os.environ.items() if k in _ENV_KEEP}
        env["PYTHONIOENCODING"] = "utf-8"
        env["PYTHONHASHSEED"] = "0"
        try:
            process = subprocess.Popen(
                [
                    python or sys.executable,
                    "-I",
                    "-B",
                    str(HARNESS),
                    learner,
                    tests,
                    str(write_fd),
                    str(exercise.timeout),
                    str(memory),
                ],
                cwd=work,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                pass_fds=(write_fd,),
                start_new_session=True,
            )
        finally:
            os.close(write_fd)
        chunks: list[bytes] = []
        errors: list[bytes] = []

        def drain(fd: int, into: list[bytes]) -> None:
            size = 0
            while True:
                block = os.read(fd, 65536)
                if not block:
                    return
                if size < MAX_RESULT_BYTES:
                    into.append(block)
                    size += len(block)

        reader = threading.Thread(target=drain, args=(read_fd, chunks), daemon=True)
        assert process.stderr is not None
        err_reader = threading.Thread(
            target=drain, args=(process.stderr.fileno(), errors), daemon=True
        )
        reader.start()
        err_reader.start()
        killed = False
        try:
            process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            killed = True
        # Whatever the child left behind in its session goes too.
        _kill_session(process)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        reader.join(timeout=5)
        err_reader.join(timeout=5)
        os.close(read_fd)
        process.stderr.close()
    result = _parse(exercise, b"".join(chunks), expected_names)
    result.duration_ms = round((time.perf_counter() - started) * 1000)
    if killed:
        result.problem = (
            f"stopped after {limit:g} s: the run did not finish (an endless loop that "
            "ignores the per-test timeout?)"
        )
    elif not result.tests and not result.problem:
        tail = b"".join(errors).decode("utf-8", "replace").strip().splitlines()[-3:]
        code = process.returncode
        why = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        if code is not None and code < 0 and -code == signal.SIGXCPU:
            why = "CPU time limit reached"
        result.problem = f"the test run ended without a verdict ({why})" + (
            f": {' '.join(tail)}" if tail else ""
        )
    _mark_missing(result, expected_names)
    return result


def _expected_names(exercise: Exercise) -> list[str]:
    """Names the harness will report, so tests a killed run never reached show as not run."""
    names: list[str] = []
    for node in ast.parse(exercise.tests).body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
            cases = _parametrized_cases(node)
            if cases is None:
                names.append(node.name)
            else:
                names.extend(f"{node.name}[{i}]" for i in range(cases))
    return names


def _parametrized_cases(node: ast.FunctionDef) -> int | None:
    """The number of cases of a ``parametrize`` with a literal list, else None."""
    for decorator in node.decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and ast.unparse(decorator.func).endswith("parametrize")
            and len(decorator.args) >= 2
            and isinstance(decorator.args[1], (ast.List, ast.Tuple))
        ):
            return len(decorator.args[1].elts)
    return None


def _parse(exercise: Exercise, raw: bytes, expected: list[str]) -> RunResult:
    result = RunResult(exercise.id)
    for line in raw.decode("utf-8", "replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict):
            continue
        if "problem" in record:
            result.problem = str(record["problem"])
            line_no = record.get("line")
            result.problem_line = line_no if isinstance(line_no, int) else None
            continue
        result.tests.append(
            TestResult(
                name=str(record.get("name", "?")),
                status=str(record.get("status", ERROR)),
                input=str(record.get("input", "")),
                expected=str(record.get("expected", "")),
                actual=str(record.get("actual", "")),
                message=str(record.get("message", "")),
                line=record.get("line") if isinstance(record.get("line"), int) else None,
                duration_ms=int(record.get("duration_ms", 0) or 0),
                stdout=str(record.get("stdout", "")),
            )
        )
    return result


def _mark_missing(result: RunResult, expected: list[str]) -> None:
    """Tests the run never reported (import failed, run killed) are listed as not run."""
    seen = {t.name for t in result.tests}
    why = "the file did not import" if result.problem and not seen else "the run was stopped"
    for name in expected:
        if name not in seen:
            result.tests.append(TestResult(name, NOT_RUN, message=why))
