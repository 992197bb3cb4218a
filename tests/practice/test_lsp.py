"""Practice in the editor over JSON-RPC: pick, scaffold, wrong, right, and a runaway."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from lsprotocol import types

from pyiq.practice.loader import load_exercises
from pyiq.quiz import Store
from tests.lsp.helpers import TIMEOUT, session

TWO_SUM = load_exercises()["two-sum"]
WRONG = "# pyiq practice: two-sum\ndef two_sum(nums, target):\n    return (0, 1)\n"
RIGHT = "# pyiq practice: two-sum\n" + TWO_SUM.solution
LOOP = "# pyiq practice: two-sum\ndef two_sum(nums, target):\n    while True:\n        pass\n"


async def _execute(client: Any, command: str, *arguments: Any) -> Any:
    return await asyncio.wait_for(
        client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command, arguments=list(arguments))
        ),
        TIMEOUT * 4,
    )


def _replace(client: Any, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def _lenses(client: Any, uri: str) -> list[str]:
    lenses = await asyncio.wait_for(
        client.text_document_code_lens_async(
            types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
        ),
        TIMEOUT,
    )
    return [
        lens.command.title for lens in lenses if lens.command.command.startswith("pyiq.practice")
    ]


async def _open(client: Any, uri: str, text: str) -> None:
    """Opens a document and waits for its own diagnostics (not another file's republish)."""
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="python", version=1, text=text
            )
        )
    )

    async def arrived() -> None:
        while uri not in client.diagnostics:
            await asyncio.sleep(0.01)

    await asyncio.wait_for(arrived(), TIMEOUT)


async def _practice_diagnostics(client: Any, uri: str, count: int) -> list[types.Diagnostic]:
    async def wait() -> list[types.Diagnostic]:
        while True:
            found = [d for d in client.diagnostics.get(uri, []) if d.source == "pyiq practice"]
            if len(found) == count:
                return found
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(wait(), TIMEOUT)


async def test_scaffold_wrong_then_right(tmp_path: Path) -> None:
    data = tmp_path / "data"
    offers: list[types.ShowMessageRequestParams] = []
    async with session(root=tmp_path, data_dir=data) as client:

        @client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
        def answer(params: types.ShowMessageRequestParams) -> types.MessageActionItem:
            offers.append(params)
            return types.MessageActionItem("Not now")

        listing = await _execute(client, "pyiq.practice")
        ids = [row["id"] for row in listing["exercises"]]
        # New ones in the learner's order: junior before mid before senior, by title.
        levels = [row["level"] for row in listing["exercises"]]
        assert levels == sorted(levels, key=["junior", "mid", "senior"].index)
        assert sorted(ids) == sorted(load_exercises())
        junior = [row["title"] for row in listing["exercises"] if row["level"] == "junior"]
        assert junior == sorted(junior, key=str.casefold)
        row = next(r for r in listing["exercises"] if r["id"] == "two-sum")
        assert (row["status"], row["label"]) == ("new", "Two sum (junior, hashing)")

        started = await _execute(client, "pyiq.practice", "two-sum", tmp_path.as_uri())
        path = tmp_path / "practice" / "two-sum.py"
        assert started["created"] is True
        assert Path(started["path"]) == path
        uri = path.as_uri()
        text = path.read_text()
        await _open(client, uri, text)
        assert await _lenses(client, uri) == ["▶ Run tests (10)", "Hint (3)", "Solution"]

        # Wrong: the failing cases become diagnostics on the function.
        _replace(client, uri, 2, WRONG)
        result = await _execute(client, "pyiq.practice.run", uri)
        assert (result["passed"], result["total"], result["ok"]) == (2, 10, False)
        diagnostics = await _practice_diagnostics(client, uri, 8)
        first = diagnostics[0]
        assert first.range.start.line == 1  # `def two_sum` in WRONG
        assert first.severity == types.DiagnosticSeverity.Error
        assert first.message == ("two_sum([1, 2, 3, 4], 7)\nexpected: (2, 3)\nactual:   (0, 1)")
        assert first.code == "test_pair_at_the_end"
        assert await _lenses(client, uri) == [
            "▶ Run tests · 2/10 passed",
            "Hint (3)",
            "Solution",
        ]
        warning = [m.message for m in client.messages if m.message.startswith("Two sum: ")]
        assert warning == [
            "Two sum: 2/10 tests passed. two_sum([1, 2, 3, 4], 7): expected (2, 3), got (0, 1)"
        ]

        # Right: all green, the quiz on the constructs used is offered.
        _replace(client, uri, 3, RIGHT)
        result = await _execute(client, "pyiq.practice.run", uri)
        assert (result["passed"], result["total"], result["ok"]) == (10, 10, True)
        assert result["reviewed"] is True
        await _practice_diagnostics(client, uri, 0)
        assert len(offers) == 1
        assert offers[0].message.startswith("Two sum: 10/10 tests passed. Next review: ")
        assert "You used enumerate (line 5): " in offers[0].message
        assert "Type hints" not in offers[0].message
        assert offers[0].message.endswith("Quiz me on the 3 constructs I used?")

    with Store.open(data_dir=data) as store:
        reviews = store.reviews("practice:two-sum")
        card = store.card("practice:two-sum")
    assert [(r.correct, r.kind) for r in reviews] == [(True, "practice")]
    assert card is not None and card.due.isoformat() == result["due"]


async def test_runaway_solution_is_stopped_and_the_server_stays_responsive(
    tmp_path: Path,
) -> None:
    path = tmp_path / "practice" / "two-sum.py"
    path.parent.mkdir()
    path.write_text(LOOP)
    other = (tmp_path / "other.py").as_uri()
    async with session(root=tmp_path) as client:
        uri = path.as_uri()
        await _open(client, uri, LOOP)
        await _open(client, other, "def f(x=[]):\n    return x\n")
        running = asyncio.ensure_future(_execute(client, "pyiq.practice.run", uri))
        await asyncio.sleep(0.5)
        assert not running.done()
        asked = time.monotonic()
        hover = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=other),
                    position=types.Position(line=0, character=8),
                )
            ),
            TIMEOUT,
        )
        assert hover is not None
        assert time.monotonic() - asked < 1.0
        assert "Running tests…" in await _lenses(client, uri)
        result = await running
    statuses = [t["status"] for t in result["tests"]]
    assert statuses[:2] == ["timeout", "timeout"]
    assert set(statuses[2:]) == {"not-run"}
    assert result["ok"] is False


async def test_hint_and_solution_commands(tmp_path: Path) -> None:
    path = tmp_path / "practice" / "two-sum.py"
    path.parent.mkdir()
    path.write_text(WRONG)
    async with session(root=tmp_path) as client:
        uri = path.as_uri()
        await _open(client, uri, WRONG)
        first = await _execute(client, "pyiq.practice.hint", uri)
        assert first["hint"] == f"Hint 1 of 3: {TWO_SUM.hints[0]}"
        refused = await _execute(client, "pyiq.practice.solution", uri)
        assert refused == {"error": "Run the tests at least once before looking at the solution."}
        await _execute(client, "pyiq.practice.run", uri)
        shown = await _execute(client, "pyiq.practice.solution", uri)
        assert shown["solution"] == TWO_SUM.solution
        not_practice = (tmp_path / "x.py").as_uri()
        await _open(client, not_practice, "x = 1\n")
        assert await _lenses(client, not_practice) == []
        assert await _execute(client, "pyiq.practice.run", not_practice) == {
            "error": "not a practice file (first line `# pyiq practice: ID`)"
        }


def test_shutdown_while_a_run_is_in_flight_exits(tmp_path: Path) -> None:
    """An editor closing mid-run: pending requests are cancelled and the server exits."""
    import json
    import os
    import subprocess
    import sys

    path = tmp_path / "practice" / "two-sum.py"
    path.parent.mkdir()
    path.write_text(LOOP)

    def frame(message: dict[str, Any]) -> bytes:
        body = json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    server = subprocess.Popen(
        [sys.executable, "-m", "pyiq", "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYIQ_DATA_DIR": str(tmp_path / "data")},
    )
    assert server.stdin is not None
    item = {"uri": path.as_uri(), "languageId": "python", "version": 1, "text": LOOP}
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": item}},
        {
            "jsonrpc": "2.0",
            "id": 2,
            "method": "workspace/executeCommand",
            "params": {"command": "pyiq.practice.run", "arguments": [path.as_uri()]},
        },
    ]
    for message in messages:
        server.stdin.write(frame(message))
    server.stdin.flush()
    time.sleep(1.0)
    server.stdin.write(frame({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}))
    server.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    server.stdin.flush()
    try:
        code = server.wait(timeout=15)
    finally:
        server.kill()
    assert server.stderr is not None
    errors = server.stderr.read().decode()
    assert "dictionary changed size during iteration" not in errors
    assert code == 0


async def test_results_for_a_client_that_shows_them_itself(tmp_path: Path) -> None:
    """``{"messages": false}``: the texts come back as data and no notification is sent."""
    path = tmp_path / "practice" / "two-sum.py"
    path.parent.mkdir()
    path.write_text(WRONG)
    quiet = {"messages": False}
    offers: list[types.ShowMessageRequestParams] = []
    async with session(root=tmp_path, data_dir=tmp_path / "data") as client:

        @client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
        def answer(params: types.ShowMessageRequestParams) -> None:
            offers.append(params)

        uri = path.as_uri()
        await _open(client, uri, WRONG)
        before = len(client.messages)
        refused = await _execute(client, "pyiq.practice.solution", uri, quiet)
        assert refused == {"error": "Run the tests at least once before looking at the solution."}
        hinted = await _execute(client, "pyiq.practice.hint", uri, quiet)
        assert hinted == {
            "hint": f"Hint 1 of 3: {TWO_SUM.hints[0]}",
            "number": 1,
            "total": 3,
            "title": "Two sum",
        }
        result = await _execute(client, "pyiq.practice.run", uri, quiet)
        assert result["title"] == "Two sum"
        assert result["uri"] == uri
        assert result["summary"] == (
            "Two sum: 2/10 tests passed. two_sum([1, 2, 3, 4], 7): expected (2, 3), got (0, 1)"
        )
        failing = next(t for t in result["tests"] if t["name"] == "test_pair_at_the_end")
        assert failing["summary"] == "two_sum([1, 2, 3, 4], 7): expected (2, 3), got (0, 1)"
        shown = await _execute(client, "pyiq.practice.solution", uri, quiet)
        assert shown["title"] == "Two sum"
        assert shown["complexity"] == (
            f"time {TWO_SUM.time_complexity}, space {TWO_SUM.space_complexity}"
        )
        assert shown["text"].endswith(TWO_SUM.solution)
        # The failing run still becomes diagnostics; only the notifications are left out.
        await _practice_diagnostics(client, uri, 8)
        assert client.messages[before:] == []

        listing = await _execute(client, "pyiq.practice")
        row = next(r for r in listing["exercises"] if r["id"] == "two-sum")
        assert (row["status"], row["detail"]) == ("attempted (2/10)", "passed 2/10 · 1 attempt")
        untouched = next(r for r in listing["exercises"] if r["id"] != "two-sum")
        assert untouched["detail"] == "new"
        # Attempted but unsolved comes before every new exercise.
        assert listing["exercises"][0]["id"] == "two-sum"

        # A pass: the verdicts come back at once, the quiz is offered as data, not asked.
        _replace(client, uri, 2, RIGHT)
        passed = await _execute(client, "pyiq.practice.run", uri, quiet)
        assert passed["ok"] is True
        assert passed["summary"].startswith("Two sum: 10/10 tests passed. Next review: ")
        offer = passed["offer"]
        assert offer["command"] == "pyiq.quizFile" and offer["arguments"] == [uri]
        # What the learner wrote, not the stub's own signature (its type hints).
        assert [(c["rule"], c["line"]) for c in offer["constructs"]] == [
            ("enumerate", 5),
            ("dict-get", 6),
            ("identity-comparison", 7),
        ]
        assert offer["message"] == (
            "You used enumerate (line 5): What does `enumerate()` do, and how is it "
            "different from `range(len(...))`?"
        )
        assert offer["title"] == "Quiz me on the 3 constructs I used"
        assert offers == [] and client.messages[before:] == []

        # A second pass before the review is due (Run tests clicked again) schedules
        # nothing new, and still says when the exercise comes back.
        again = await _execute(client, "pyiq.practice.run", uri, quiet)
        assert again["reviewed"] is False
        assert again["summary"] == passed["summary"]

        # Solved and not yet due: last in the picker.
        listing = await _execute(client, "pyiq.practice")
        last = listing["exercises"][-1]
        assert last["id"] == "two-sum"
        assert last["detail"].startswith("passed 10/10 · next review "), last


def test_status_detail_reads_like_a_picker_line() -> None:
    from datetime import datetime, timedelta, timezone

    from pyiq.practice.progress import Status

    now = datetime(2026, 12, 3, 12, tzinfo=timezone.utc)
    assert Status().detail(now) == "new"
    assert Status(attempts=3, last_passed=3, last_total=7).detail(now) == "passed 3/7 · 3 attempts"
    due = Status(attempts=2, last_passed=7, last_total=7, solved=True, due=now)
    assert due.detail(now) == "passed 7/7 · due for review"
    later = Status(attempts=1, last_passed=7, last_total=7, solved=True, due=now + timedelta(3))
    assert later.detail(now) == "passed 7/7 · next review 2026-12-06"
    assert Status(attempts=1, last_passed=7, last_total=7, solved=True).detail(now) == (
        "passed 7/7 · solved"
    )
