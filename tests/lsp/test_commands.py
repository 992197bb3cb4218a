"""The quiz and explain commands end to end, answering through client handlers."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types

from pyiq.links import questions_for
from tests.lsp.helpers import TIMEOUT, open_and_wait, session

SAMPLE = (
    "def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n\nok = add(1) is 1\n"
)


def _quizzable() -> list:
    found = []
    for rule in ("mutable-default-argument", "is-literal"):
        found += [
            q for q in questions_for(rule) if q.quiz.choices and q.id not in {f.id for f in found}
        ]
    return found


async def _execute(client, command: str, *arguments):
    return await asyncio.wait_for(
        client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command, arguments=list(arguments))
        ),
        TIMEOUT,
    )


async def test_quiz_file_through_message_requests(tmp_path: Path) -> None:
    questions = _quizzable()
    if not questions:
        pytest.skip("question bank unavailable")
    uri = (tmp_path / "quiz.py").as_uri()
    asked: list[str] = []
    async with session({"select": ["bug-risk"]}) as client:

        @client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
        def answer(params: types.ShowMessageRequestParams) -> types.MessageActionItem | None:
            asked.append(params.message)
            if len(asked) > 2:
                return None  # dismissing ends the quiz
            return params.actions[0]

        await open_and_wait(client, uri, SAMPLE)
        result = await _execute(client, "pyiq.quizFile", uri)
        messages = [m.message for m in client.messages]
    expected = questions[:2]
    assert result["asked"] == len(expected)
    assert [q["id"] for q in result["questions"]] == [q.id for q in expected]
    for entry, question in zip(result["questions"], expected, strict=True):
        first = question.quiz.choices[0]
        assert entry["chosen"] == first.text
        assert entry["correct"] == first.correct
    assert result["correct"] == sum(q.quiz.choices[0].correct for q in expected)
    assert asked[0].startswith(expected[0].quiz.prompt.strip())
    verdicts = [m for m in messages if m.startswith(("Correct!", "Not quite."))]
    assert len(verdicts) == len(expected)
    assert expected[0].quiz.choices[0].explanation in verdicts[0]


async def test_quiz_as_data(tmp_path: Path) -> None:
    questions = _quizzable()
    if not questions:
        pytest.skip("question bank unavailable")
    uri = (tmp_path / "quiz.py").as_uri()
    async with session({"select": ["bug-risk"], "quizUi": "data"}) as client:

        @client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
        def refuse(params: types.ShowMessageRequestParams) -> None:
            raise AssertionError("data mode must not ask")

        await open_and_wait(client, uri, SAMPLE)
        result = await _execute(client, "pyiq.quizFile", uri)
    assert [q["id"] for q in result["questions"]] == [q.id for q in questions]
    first = result["questions"][0]
    assert first["prompt"] == questions[0].quiz.prompt
    assert [c["text"] for c in first["choices"]] == [c.text for c in questions[0].quiz.choices]
    assert first["correct_index"] == questions[0].quiz.correct_index


async def test_quiz_at_code_lens_position(tmp_path: Path) -> None:
    if not _quizzable():
        pytest.skip("question bank unavailable")
    uri = (tmp_path / "quiz.py").as_uri()
    async with session({"select": ["bug-risk"], "quizUi": "data"}) as client:
        await open_and_wait(client, uri, SAMPLE)
        result = await _execute(client, "pyiq.quizAt", uri, {"line": 0, "character": 0})
    ids = [q["id"] for q in result["questions"]]
    assert ids == [q.id for q in questions_for("mutable-default-argument") if q.quiz.choices]


async def test_explain_rule_and_unknown(tmp_path: Path) -> None:
    async with session() as client:
        text = await _execute(client, "pyiq.explain", "is-literal")
        unknown = await _execute(client, "pyiq.explain", "no-such-thing")
        # The server still answers after a command with bad arguments.
        await _execute(client, "pyiq.quizFile", 42)
        again = await _execute(client, "pyiq.explain", "is-literal")
    assert text.startswith("# Identity comparison with a literal")
    assert "no-such-thing" in unknown
    assert again == text
