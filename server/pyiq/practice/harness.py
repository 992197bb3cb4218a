"""The child side of a practice run: imports the learner's file, runs the tests.

This file runs as a script in a separate ``python -I -B`` process (see
:mod:`pyiq.practice.grader`) and imports nothing from pyiq, so a learner's
code can neither reach pyiq's state nor crash the editor. It:

- caps memory, CPU time and file size with ``resource`` before any learner
  code runs (an endless loop or allocation ends as a verdict, not a hang);
- imports the learner's file as the module ``solution``, which the tests
  import (``from solution import two_sum``), as Exercism's tests do;
- rewrites the tests' ``assert left == right`` statements, as pytest does,
  so that a failure reports the call, the expected and the actual value;
- gives each test its own wall-clock alarm;
- writes one JSON line per test to the file descriptor given on the command
  line, never to stdout, which belongs to the learner's ``print`` calls.

Usage: ``harness.py LEARNER_FILE TESTS_FILE RESULT_FD PER_TEST_SECONDS MEMORY_BYTES``.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import io
import json
import os
import signal
import sys
import time
import traceback
import types
from collections.abc import Callable, Iterator

MAX_REPR = 300
MAX_STDOUT = 2000


class _TestTimeout(BaseException):
    """Raised by the per-test alarm; a BaseException so `except Exception` cannot swallow it."""


class _Mismatch(AssertionError):
    """A rewritten assert that failed, with what was called and what came back."""

    def __init__(self, source: str, expected: str, actual: str, message: str) -> None:
        super().__init__(message or f"expected {expected}, got {actual}")
        self.source = source
        self.expected = expected
        self.actual = actual


def _short(value: object) -> str:
    try:
        text = repr(value)
    except Exception as exc:  # a learner's __repr__ may raise
        text = f"<unprintable {type(value).__name__}: {exc}>"
    return text if len(text) <= MAX_REPR else text[: MAX_REPR - 3] + "..."


def _check(ok: bool, left: object, right: object, op: str, source: str, message: object) -> None:
    """The body of a rewritten comparison assert."""
    if ok:
        return
    text = "" if message is None else str(message)
    if op in ("==", "is"):
        raise _Mismatch(source, _short(right), _short(left), text)
    raise _Mismatch(source, f"a value {op} {_short(right)}", _short(left), text)


def _truthy(value: object, source: str, message: object) -> None:
    if not value:
        text = "" if message is None else str(message)
        raise _Mismatch(source, "a true value", _short(value), text)


class _AssertRewriter(ast.NodeTransformer):
    """``assert a OP b, msg`` -> ``_check((a OP b), a, b, "OP", "a", msg)`` evaluating a, b once."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.counter = 0

    def visit_Assert(self, node: ast.Assert) -> ast.AST:
        test = node.test
        message = node.msg or ast.Constant(None)
        text = ast.get_source_segment(self.source, test) or ""
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, right = test.left, test.comparators[0]
            op = type(test.ops[0])
            # Show the side holding the call as the input: `assert 3 == f(x)` reads f(x).
            shown = left
            if not isinstance(left, ast.Call) and isinstance(right, ast.Call) and op is ast.Eq:
                left, right = right, left
                shown = left
            self.counter += 1
            a, b = f"_pyiq_l{self.counter}", f"_pyiq_r{self.counter}"
            assign = ast.parse(f"{a} = 0\n{b} = 0").body
            assign[0].value = left  # type: ignore[attr-defined]
            assign[1].value = right  # type: ignore[attr-defined]
            compare = ast.Compare(
                left=ast.Name(a, ast.Load()), ops=[op()], comparators=[ast.Name(b, ast.Load())]
            )
            symbol = {
                ast.Eq: "==",
                ast.NotEq: "!=",
                ast.Is: "is",
                ast.IsNot: "is not",
                ast.In: "in",
                ast.NotIn: "not in",
                ast.Lt: "<",
                ast.LtE: "<=",
                ast.Gt: ">",
                ast.GtE: ">=",
            }.get(op, "==")
            call = ast.Expr(
                ast.Call(
                    func=ast.Name("_pyiq_check", ast.Load()),
                    args=[
                        compare,
                        ast.Name(a, ast.Load()),
                        ast.Name(b, ast.Load()),
                        ast.Constant(symbol),
                        ast.Constant(ast.get_source_segment(self.source, shown) or text),
                        message,
                    ],
                    keywords=[],
                )
            )
            new: list[ast.stmt] = [*assign, call]
        else:
            new = [
                ast.Expr(
                    ast.Call(
                        func=ast.Name("_pyiq_truthy", ast.Load()),
                        args=[test, ast.Constant(text), message],
                        keywords=[],
                    )
                )
            ]
        for stmt in new:
            ast.copy_location(stmt, node)
            ast.fix_missing_locations(stmt)
        return new  # type: ignore[return-value]


# -- a small stand-in for the parts of pytest the tests use ------------------


class _Raises:
    def __init__(self, expected: type[BaseException], match: str | None = None) -> None:
        self.expected = expected
        self.match = match
        self.value: BaseException | None = None

    def __enter__(self) -> _Raises:
        return self

    def __exit__(self, kind: type | None, value: BaseException | None, tb: object) -> bool:
        name = getattr(self.expected, "__name__", str(self.expected))
        if kind is None:
            raise _Mismatch("", f"{name} raised", "no exception", "")
        if not issubclass(kind, self.expected):
            return False
        if self.match is not None:
            import re

            if not re.search(self.match, str(value)):
                raise _Mismatch("", f"{name} matching {self.match!r}", _short(value), "")
        self.value = value
        return True


def _parametrize(names: str | list[str], values: list[object], ids: object = None) -> Callable:
    arg_names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)

    def mark(func: Callable) -> Callable:
        func._pyiq_params = (arg_names, list(values))  # type: ignore[attr-defined]
        return func

    return mark


def _pytest_shim() -> types.ModuleType:
    module = types.ModuleType("pytest")
    module.raises = _Raises  # type: ignore[attr-defined]
    module.mark = types.SimpleNamespace(parametrize=_parametrize)  # type: ignore[attr-defined]

    def approx(expected: float, rel: float = 1e-6, **tolerance: float) -> object:
        absolute = tolerance.get("abs", 1e-12)

        class _Approx:
            def __eq__(self, other: object) -> bool:
                if not isinstance(other, (int, float)):
                    return False
                return builtins.abs(other - expected) <= max(rel * builtins.abs(expected), absolute)

            def __repr__(self) -> str:
                return f"approx({expected!r})"

        return _Approx()

    module.approx = approx  # type: ignore[attr-defined]
    return module


# -- running -----------------------------------------------------------------


def _limit(memory: int, cpu: int) -> None:
    try:
        import resource
    except ImportError:  # not on this platform: the parent's wall-clock kill still holds
        return
    for name, value in (
        ("RLIMIT_AS", memory),
        ("RLIMIT_CPU", cpu),
        ("RLIMIT_FSIZE", 16 * 1024 * 1024),
        ("RLIMIT_CORE", 0),
    ):
        with contextlib.suppress(ValueError, OSError, AttributeError):
            resource.setrlimit(getattr(resource, name), (value, value))


def _no_processes() -> None:
    """Exercises never need a process of their own; one that forks could outlive the run.

    The parent kills the whole session on its wall clock, but a child that
    forks and calls ``setsid`` would leave it; so starting processes is
    refused outright (threads, which the concurrency exercises use, are fine).
    """

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("practice runs may not start processes")

    for name in (
        "fork",
        "forkpty",
        "setsid",
        "setpgid",
        "system",
        "popen",
        "posix_spawn",
        "posix_spawnp",
        "execv",
        "execve",
        "execvp",
        "execvpe",
        "execl",
        "execle",
        "execlp",
        "execlpe",
        "spawnv",
        "spawnve",
        "spawnl",
        "spawnle",
    ):
        if hasattr(os, name):
            setattr(os, name, refuse)
    import subprocess

    subprocess.Popen.__init__ = refuse  # type: ignore[method-assign, assignment]
    try:
        import _posixsubprocess

        _posixsubprocess.fork_exec = refuse  # type: ignore[attr-defined]
    except ImportError:
        pass


def _learner_line(tb: types.TracebackType | None, learner: str) -> int | None:
    """The deepest line of the learner's file in a traceback."""
    line = None
    for frame, lineno in traceback.walk_tb(tb):
        if os.path.abspath(frame.f_code.co_filename) == learner:
            line = lineno
    return line


def _test_cases(
    namespace: dict[str, object],
) -> Iterator[tuple[str, Callable, dict[str, object]]]:
    for name, func in list(namespace.items()):
        if not (name.startswith("test") and callable(func)):
            continue
        params = getattr(func, "_pyiq_params", None)
        if params is None:
            yield name, func, {}
            continue
        names, values = params
        for index, value in enumerate(values):
            args = value if len(names) > 1 else (value,)
            yield f"{name}[{index}]", func, dict(zip(names, args, strict=True))


def _call_of(line: str) -> str:
    """``assert f(x) == 3`` -> ``f(x)``: the call a failing line made, for the verdict."""
    try:
        statement = ast.parse(line.strip()).body[0]
    except (SyntaxError, IndexError):
        return line.strip()
    if isinstance(statement, ast.Assert):
        test = statement.test
        if isinstance(test, ast.Compare):
            for side in (test.left, *test.comparators):
                if isinstance(side, ast.Call):
                    return ast.unparse(side)
        return ast.unparse(test)
    return line.strip()


def _with_values(source: str, values: dict[str, object]) -> str:
    """``two_sum(nums, target)`` -> ``two_sum([3, 3], 6)`` for a parametrized case."""
    if not source or not values:
        return source
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError:
        return source

    class _Fill(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.AST:
            if node.id in values:
                return ast.Name(_short(values[node.id]), ast.Load())
            return node

    return ast.unparse(_Fill().visit(tree))


def _test_line(exc: BaseException, tests_path: str) -> str:
    """The call made by the test line an exception passed through."""
    call = ""
    for entry in traceback.extract_tb(exc.__traceback__):
        if entry.filename == tests_path and entry.line:
            call = _call_of(entry.line)
    return call


def _failure(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _on_alarm(signum: int, frame: object) -> None:
    raise _TestTimeout


def main(argv: list[str]) -> int:
    learner, tests_path, fd, per_test, memory = argv[1:6]
    learner = os.path.abspath(learner)
    out = os.fdopen(int(fd), "w", buffering=1, encoding="utf-8")
    seconds = float(per_test)

    def emit(record: dict[str, object]) -> None:
        out.write(json.dumps(record) + "\n")

    _limit(int(memory), int(seconds * 8) + 10)
    sys.modules["pytest"] = _pytest_shim()
    _no_processes()
    sys.dont_write_bytecode = True
    signal.signal(signal.SIGALRM, _on_alarm)

    # The learner's module, as `solution`, with its own directory importable.
    sys.path.insert(0, os.path.dirname(learner))
    try:
        with open(learner, "rb") as handle:
            code = compile(handle.read(), learner, "exec")
        module = types.ModuleType("solution")
        module.__file__ = learner
        sys.modules["solution"] = module
        buffer = io.StringIO()
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 2.0))
        try:
            with contextlib.redirect_stdout(buffer):
                exec(code, module.__dict__)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except SyntaxError as exc:
        emit({"problem": f"SyntaxError: {exc.msg}", "line": exc.lineno})
        return 0
    except _TestTimeout:
        emit({"problem": "importing the file did not finish (an endless loop at module level?)"})
        return 0
    except BaseException as exc:  # the learner's module raised while importing
        line = _learner_line(exc.__traceback__, learner)
        emit({"problem": _failure(exc), "line": line})
        return 0

    with open(tests_path, encoding="utf-8") as handle:
        source = handle.read()
    tree = _AssertRewriter(source).visit(ast.parse(source, tests_path))
    ast.fix_missing_locations(tree)
    namespace: dict[str, object] = {
        "__name__": "tests",
        "_pyiq_check": _check,
        "_pyiq_truthy": _truthy,
    }
    try:
        exec(compile(tree, tests_path, "exec"), namespace)
    except BaseException as exc:  # the tests' module-level code called the learner's code
        line = _learner_line(exc.__traceback__, learner)
        emit({"problem": f"the tests could not start: {_failure(exc)}", "line": line})
        return 0

    timeouts = 0
    for name, func, args in _test_cases(namespace):
        if timeouts >= 2:
            emit(
                {
                    "name": name,
                    "status": "not-run",
                    "message": "skipped after two tests timed out",
                }
            )
            continue
        buffer = io.StringIO()
        record: dict[str, object] = {"name": name, "status": "passed"}
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            with contextlib.redirect_stdout(buffer):
                func(**args)
        except _TestTimeout as exc:
            timeouts += 1
            record.update(
                input=_with_values(_test_line(exc, tests_path), args),
                line=_learner_line(exc.__traceback__, learner),
                status="timeout",
                message=f"took longer than {seconds:g} s (an endless loop, or a slower "
                "algorithm than the task needs)",
            )
        except _Mismatch as exc:
            record.update(
                status="failed",
                input=_with_values(exc.source, args),
                expected=exc.expected,
                actual=exc.actual,
                message=str(exc),
            )
        except MemoryError as exc:
            record.update(
                status="error",
                message=f"MemoryError: used more than the {int(memory) >> 20} MB limit",
                line=_learner_line(exc.__traceback__, learner),
            )
        except BaseException as exc:
            line = _learner_line(exc.__traceback__, learner)
            record.update(
                status="error",
                input=_with_values(_test_line(exc, tests_path), args),
                message=_failure(exc)[:MAX_REPR],
                line=line,
            )
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        record["duration_ms"] = round((time.perf_counter() - started) * 1000)
        printed = buffer.getvalue()
        if printed and record["status"] != "passed":
            record["stdout"] = printed[:MAX_STDOUT]
        emit(record)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
