"""Live-coding practice in the editor: pick, scaffold, run the tests, see verdicts.

A practice file (``# pyiq practice: ID`` on its first line, or
``practice/ID.py``) gets code lenses on the exercise's function
("▶ Run tests · 3/7 passed", "Hint 1/3", "Solution"); running the tests
turns each failing test into a diagnostic with the call, the expected and
the actual value. Tests run only when the learner asks, never on open or on
typing, in a limited process on a worker thread: the server keeps
answering hovers and keystrokes meanwhile. After a passing run, the
learner is offered a short quiz on the constructs their solution used.

Commands (arguments as JSON):

- ``pyiq.practice [ID] [WORKSPACE_URI]``: without an id, the exercises with
  the learner's status (a client shows them in a picker); with one, writes
  the stub (never over existing work) and asks the client to open it.
- ``pyiq.practice.run URI [OPTIONS]``, ``pyiq.practice.hint URI [OPTIONS]``,
  ``pyiq.practice.solution URI [OPTIONS]``. OPTIONS ``{"messages": false}``
  is for a client that shows the returned result in its own window (a
  panel, a floating window, a help buffer): the server then sends no
  ``window/showMessage`` of its own, so a solution is not also squeezed into
  a notification, and after a passing run the quiz on what the solution
  used is not asked (a question the editor would show before the verdicts)
  but returned as ``offer``: its text, the constructs, and the command that
  starts the quiz (``pyiq.quizFile URI``).

Every result carries the text a client shows as is (``summary``, each
test's ``summary``, ``text``), so clients only lay it out.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import urlparse

from lsprotocol import types

from pyiq.lsp.convert import span
from pyiq.lsp.guard import guarded
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import OpenDocument, uri_to_path
from pyiq.practice.model import Exercise, RunResult

log = logging.getLogger(__name__)

SOURCE = "pyiq practice"
MAX_DIAGNOSTICS = 20


def _exercises() -> dict[str, Exercise]:
    from pyiq.practice.loader import load_exercises

    return load_exercises()


def _args(args: tuple[Any, ...]) -> list[Any]:
    """pygls passes command arguments either spread or as one list; accept both."""
    if len(args) == 1 and isinstance(args[0], list):
        return list(args[0])
    return list(args)


def exercise_of(document: OpenDocument) -> Exercise | None:
    """The exercise a document is a practice file for, if any (first 2 KB and its path)."""
    from pyiq.practice.workspace import identify

    return identify(document.path, document.engine.source[:2048], _exercises())


class PracticeState:
    """The last run per document, so lenses and diagnostics can show it."""

    def __init__(self) -> None:
        # uri -> (result, document version it ran on, the OpenDocument object):
        # a closed and reopened file is a new object, and forgets the old run.
        self.results: dict[str, tuple[RunResult, int, object]] = {}
        self.running: set[str] = set()

    def forget(self, uri: str) -> None:
        self.results.pop(uri, None)


def _state(ls: PyiqServer) -> PracticeState:
    state = getattr(ls, "practice_state", None)
    if state is None:
        state = PracticeState()
        ls.practice_state = state  # type: ignore[attr-defined]
    return state


def _def_offset(exercise: Exercise, source: bytes) -> int:
    from pyiq.practice.workspace import definition_line

    line = definition_line(exercise, source)
    offset = 0
    for _ in range(line):
        offset = source.index(b"\n", offset) + 1
    return offset


def practice_diagnostics(ls: PyiqServer, document: OpenDocument) -> list[types.Diagnostic]:
    """Failing tests of the last run, on the exercise's function (or the line that raised)."""
    found = _state(ls).results.get(document.uri)
    if found is None:
        return []
    result, version, owner = found
    if owner is not document:
        _state(ls).forget(document.uri)
        return []
    exercise = _exercises().get(result.exercise)
    if exercise is None:
        return []
    engine = document.engine
    source = engine.source
    start = _def_offset(exercise, source)
    end = source.find(b"\n", start)
    end = len(source) if end < 0 else end
    anchor = span(engine.lines, start, end, ls.encoding)
    unchanged = version == document.version

    def at_line(line: int | None) -> types.Range:
        if line is None or not unchanged or line < 1 or line > engine.lines.line_count:
            return anchor
        lo = engine.lines.line_start(line - 1)
        hi = engine.lines.line_end(line - 1)
        return span(engine.lines, lo, hi, ls.encoding)

    out: list[types.Diagnostic] = []
    if result.problem:
        out.append(
            types.Diagnostic(
                range=at_line(result.problem_line),
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
                code="practice-run",
                message=result.problem,
            )
        )
    failing = [t for t in result.tests if not t.ok and t.status != "not-run"]
    for test in failing[:MAX_DIAGNOSTICS]:
        lines = [test.summary()]
        if test.expected or test.actual:
            lines = [
                f"{test.input or test.name}",
                f"expected: {test.expected}",
                f"actual:   {test.actual}",
            ]
        elif test.message and test.input:
            lines = [test.input, test.message]
        out.append(
            types.Diagnostic(
                range=at_line(test.line),
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
                code=test.name,
                message="\n".join(lines),
            )
        )
    if len(failing) > MAX_DIAGNOSTICS:
        out.append(
            types.Diagnostic(
                range=anchor,
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
                code="practice-run",
                message=f"{len(failing) - MAX_DIAGNOSTICS} more failing tests",
            )
        )
    return out


def practice_lenses(ls: PyiqServer, document: OpenDocument) -> list[types.CodeLens]:
    """ "▶ Run tests · 3/7 passed", "Hint 1/3" and "Solution" on the exercise's function."""
    exercise = exercise_of(document)
    if exercise is None:
        return []
    from pyiq.practice.grader import count_tests

    state = _state(ls)
    engine = document.engine
    at = _def_offset(exercise, engine.source)
    rng = span(engine.lines, at, at, ls.encoding)
    found = state.results.get(document.uri)
    if found is not None and found[2] is not document:
        found = None
    if document.uri in state.running:
        title = "Running tests…"
    elif found is None:
        title = f"▶ Run tests ({count_tests(exercise)})"
    else:
        result = found[0]
        title = f"▶ Run tests · {result.passed}/{result.total} passed"
    args = [document.uri]
    return [
        types.CodeLens(
            range=rng, command=types.Command(title, "pyiq.practice.run", arguments=args)
        ),
        types.CodeLens(
            range=rng,
            command=types.Command(
                f"Hint ({len(exercise.hints)})", "pyiq.practice.hint", arguments=args
            ),
        ),
        types.CodeLens(
            range=rng, command=types.Command("Solution", "pyiq.practice.solution", arguments=args)
        ),
    ]


def _messages(options: Any) -> bool:
    """Whether the server should tell the result with window/showMessage (default yes)."""
    return not (isinstance(options, dict) and options.get("messages") is False)


def _workspace_root(ls: PyiqServer, hint: Any) -> str | None:
    if isinstance(hint, str) and hint:
        return uri_to_path(hint) if urlparse(hint).scheme else hint
    try:
        folders = ls.workspace.folders
    except RuntimeError:
        return None
    for folder in folders.values():
        path = uri_to_path(folder.uri)
        if path:
            return path
    root = ls.workspace.root_path
    return root or None


def listing(ls: PyiqServer) -> list[dict[str, Any]]:
    """Every exercise with the learner's status, in the order to practise them."""
    from pyiq.practice.order import learner_order
    from pyiq.practice.progress import PracticeLog, PracticeLogError

    try:
        statuses = PracticeLog().statuses()
    except PracticeLogError as exc:
        ls.report([f"pyiq practice: {exc}"])
        statuses = {}
    rows = []
    for exercise in learner_order(_exercises().values(), statuses):
        status = statuses.get(exercise.id)
        rows.append(
            {
                "id": exercise.id,
                "title": exercise.title,
                "level": exercise.level,
                "topic": exercise.topic,
                "status": status.label() if status else "new",
                "detail": status.detail() if status else "new",
                "label": f"{exercise.title} ({exercise.level}, {exercise.topic})",
            }
        )
    return rows


async def start(ls: PyiqServer, exercise_id: str, root_hint: Any) -> dict[str, Any]:
    from pyiq.practice.progress import PracticeLog, PracticeLogError
    from pyiq.practice.workspace import scaffold

    exercise = _exercises().get(exercise_id)
    if exercise is None:
        return {"error": f"unknown exercise {exercise_id!r}"}
    root = _workspace_root(ls, root_hint)
    if root is None:
        return {"error": "no workspace folder to put practice/ in"}
    try:
        made = scaffold(exercise, root)
    except OSError as exc:
        message = f"pyiq practice: cannot write the stub: {exc}"
        ls.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Error, message=message)
        )
        return {"error": message}
    try:
        PracticeLog().started(exercise)
    except PracticeLogError as exc:
        ls.report([f"pyiq practice: {exc}"])
    uri = made.path.resolve().as_uri()
    window = ls.client_capabilities().window
    if window is not None and window.show_document is not None:
        try:
            await ls.window_show_document_async(types.ShowDocumentParams(uri=uri, take_focus=True))
        except Exception:
            log.debug("client did not open %s", uri, exc_info=True)
    if not made.created:
        ls.window_show_message(
            types.ShowMessageParams(
                type=types.MessageType.Info,
                message=f"{made.path} already exists: your work there is kept.",
            )
        )
    return {"uri": uri, "path": str(made.path), "created": made.created, "id": exercise.id}


def _tell(ls: PyiqServer, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
    ls.window_show_message(types.ShowMessageParams(type=kind, message=message))


def _refresh(ls: PyiqServer, uri: str) -> None:
    from pyiq.lsp.features.diagnostics import pull_supported, refresh_pulled, schedule_publish

    if pull_supported(ls):
        refresh_pulled(ls)
    else:
        schedule_publish(ls, uri)
    workspace = ls.client_capabilities().workspace
    if workspace is not None and workspace.code_lens is not None:
        if workspace.code_lens.refresh_support:
            try:
                ls.workspace_code_lens_refresh(None)
            except Exception:
                log.debug("client refused code lens refresh", exc_info=True)


async def run(ls: PyiqServer, uri: Any, options: Any = None) -> dict[str, Any]:
    from pyiq.practice.grader import run_tests
    from pyiq.practice.progress import PracticeLog, PracticeLogError

    document = ls.documents.get(uri) if isinstance(uri, str) else None
    if document is None:
        return {"error": "open the practice file first"}
    exercise = exercise_of(document)
    if exercise is None:
        return {"error": "not a practice file (first line `# pyiq practice: ID`)"}
    state = _state(ls)
    if uri in state.running:
        return {"error": "the tests are already running"}
    state.running.add(uri)
    version = document.version
    source = bytes(document.engine.source)
    _refresh(ls, uri)
    try:
        result = await asyncio.to_thread(run_tests, exercise, source)
    finally:
        state.running.discard(uri)
    state.results[uri] = (result, version, document)
    recorded = None
    try:
        recorded = await asyncio.to_thread(
            PracticeLog().record, exercise, result, str(document.path or uri)
        )
    except PracticeLogError as exc:
        ls.report([f"pyiq practice: the run was not recorded: {exc}"])
    ls.learning.mark_dirty()
    _refresh(ls, uri)
    summary = f"{exercise.title}: {result.passed}/{result.total} tests passed"
    data = result.to_dict()
    for shown, test in zip(data["tests"], result.tests, strict=True):
        shown["summary"] = test.summary()  # type: ignore[index]
    data["title"] = exercise.title
    data["uri"] = uri
    data["reviewed"] = bool(recorded and recorded.reviewed)
    data["due"] = recorded.due.isoformat() if recorded and recorded.due else None
    if not result.ok:
        first = next((t for t in result.tests if not t.ok), None)
        detail = result.problem or (first.summary() if first else "")
        data["summary"] = f"{summary}. {detail}".strip()
        if _messages(options):
            ls.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Warning, message=data["summary"])
            )
        return data
    message = summary + "."
    # A pass before the review is due (a second click on Run tests) schedules
    # nothing new, but the learner still wants to know when it comes back.
    if recorded is not None and recorded.due is not None:
        message += f" Next review: {recorded.due:%Y-%m-%d}."
    data["summary"] = message
    if not _messages(options):
        data["offer"] = _quiz_offer(document, exercise, uri)
        return data
    data["quiz"] = await _offer_quiz(ls, document, exercise, message)
    return data


def _used(document: OpenDocument, exercise: Exercise) -> list[Any]:
    """What the passing solution used beyond its stub, most interview-worthy first."""
    from pyiq.practice.constructs import constructs_used

    used = constructs_used(
        bytes(document.engine.source), stub=exercise.stub, related=exercise.questions
    )
    return [u for u in used if u.question]


def _quiz_offer(document: OpenDocument, exercise: Exercise, uri: str) -> dict[str, Any] | None:
    """The quiz on what a passing solution used, as data for a client to offer itself."""
    used = _used(document, exercise)
    if not used:
        return None
    first = used[0]
    count = len(used)
    return {
        "message": f"You used {first.name} (line {first.line}): {first.question}",
        "title": f"Quiz me on the {count} construct{'s' if count != 1 else ''} I used",
        "constructs": [
            {"name": u.name, "line": u.line, "question": u.question, "rule": u.rule} for u in used
        ],
        "command": "pyiq.quizFile",
        "arguments": [uri],
    }


async def _offer_quiz(
    ls: PyiqServer, document: OpenDocument, exercise: Exercise, message: str
) -> Any:
    """After a pass: name what the solution used and offer its questions as a quiz."""
    from pyiq.lsp.features.commands import run_quiz

    used = _used(document, exercise)
    if not used:
        _tell(ls, message)
        return None
    first = used[0]
    prompt = (
        f"{message} You used {first.name} (line {first.line}): {first.question} "
        f"Quiz me on the {len(used)} construct{'s' if len(used) != 1 else ''} I used?"
    )
    try:
        answer = await ls.window_show_message_request_async(
            types.ShowMessageRequestParams(
                type=types.MessageType.Info,
                message=prompt,
                actions=[types.MessageActionItem("Quiz me"), types.MessageActionItem("Not now")],
            )
        )
    except Exception:
        log.debug("client did not answer the quiz offer", exc_info=True)
        return None
    if answer is None or answer.title != "Quiz me":
        return None
    return await run_quiz(ls, document, ls.findings(document))


def hint(ls: PyiqServer, uri: Any, options: Any = None) -> dict[str, Any]:
    from pyiq.practice.progress import PracticeLog, PracticeLogError

    document = ls.documents.get(uri) if isinstance(uri, str) else None
    exercise = exercise_of(document) if document is not None else None
    if exercise is None:
        return {"error": "not a practice file"}
    try:
        found = PracticeLog().next_hint(exercise)
    except PracticeLogError as exc:
        return {"error": str(exc)}
    total = len(exercise.hints)
    if found is None:
        text = f"All {total} hints shown. Last one: {exercise.hints[-1]}"
        number = total
    else:
        number, hint_text = found
        text = f"Hint {number} of {total}: {hint_text}"
    if _messages(options):
        _tell(ls, text)
    return {"hint": text, "number": number, "total": total, "title": exercise.title}


def solution(ls: PyiqServer, uri: Any, options: Any = None) -> dict[str, Any]:
    from pyiq.practice.progress import PracticeLog, PracticeLogError

    document = ls.documents.get(uri) if isinstance(uri, str) else None
    exercise = exercise_of(document) if document is not None else None
    if exercise is None:
        return {"error": "not a practice file"}
    log_ = PracticeLog()
    try:
        attempted = log_.attempted(exercise)
        if attempted:
            log_.solution_shown(exercise)
    except PracticeLogError as exc:
        return {"error": str(exc)}
    if not attempted:
        text = "Run the tests at least once before looking at the solution."
        if _messages(options):
            _tell(ls, text)
        return {"error": text}
    complexity = f"time {exercise.time_complexity}, space {exercise.space_complexity}"
    text = f"Reference solution ({complexity}):\n\n{exercise.solution}"
    if _messages(options):
        _tell(ls, text)
    return {
        "solution": exercise.solution,
        "id": exercise.id,
        "title": exercise.title,
        "complexity": complexity,
        "text": text,
    }


def setup(server: PyiqServer) -> None:
    server.diagnostic_providers.append(practice_diagnostics)
    server.lens_providers.append(practice_lenses)

    @server.command("pyiq.practice")
    @guarded(empty=None)
    async def practice_command(ls: PyiqServer, *args: Any) -> Any:
        flat = _args(args)
        exercise_id = flat[0] if flat and isinstance(flat[0], str) else None
        if exercise_id is None:
            return {"exercises": listing(ls)}
        return await start(ls, exercise_id, flat[1] if len(flat) > 1 else None)

    @server.command("pyiq.practice.run")
    @guarded(empty=None)
    async def run_command(ls: PyiqServer, *args: Any) -> Any:
        flat = _args(args)
        return await run(ls, flat[0] if flat else None, flat[1] if len(flat) > 1 else None)

    @server.command("pyiq.practice.hint")
    @guarded(empty=None)
    def hint_command(ls: PyiqServer, *args: Any) -> Any:
        flat = _args(args)
        return hint(ls, flat[0] if flat else None, flat[1] if len(flat) > 1 else None)

    @server.command("pyiq.practice.solution")
    @guarded(empty=None)
    def solution_command(ls: PyiqServer, *args: Any) -> Any:
        flat = _args(args)
        return solution(ls, flat[0] if flat else None, flat[1] if len(flat) > 1 else None)
