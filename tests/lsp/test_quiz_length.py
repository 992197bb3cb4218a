"""``quizLength``: validated like every setting, and the quiz commands ask no more than it says."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from pyiq.cli.main import build_parser
from pyiq.lsp.rules import server_registry
from pyiq.lsp.settings import DEFAULTS, Settings, parse_settings
from pyiq.quiz.builder import DEFAULT_COUNT
from tests.lsp.helpers import TIMEOUT, open_and_wait, session
from tests.lsp.test_commands import MIXED  # a bug risk and a concept

# More questions than the default length, so that the default is what stops the quiz.
LONGER = (
    MIXED + '\n\nsquares = {n: n * n for n in range(3)}\nwith open("log.txt") as log:\n    pass\n'
)

MANIFEST = Path(__file__).resolve().parents[2] / "client" / "vscode" / "package.json"


def test_default_is_ten_everywhere() -> None:
    spec = json.loads(MANIFEST.read_text())["contributes"]["configuration"]["properties"]
    length = spec["pyiq.quizLength"]
    assert (length["type"], length["minimum"], length["maximum"]) == ("integer", 1, 100)
    cli = build_parser().parse_args(["quiz"])
    assert DEFAULTS["quizLength"] == length["default"] == DEFAULT_COUNT == cli.count == 10
    assert Settings().quiz_length == 10
    assert Settings().as_dict()["quizLength"] == 10


@pytest.mark.parametrize(("value", "expected"), [(1, 1), (2, 2), (100, 100), (7.0, 7)])
def test_valid_lengths(value: object, expected: int) -> None:
    settings, problems = parse_settings({"quizLength": value}, server_registry())
    assert problems == []
    assert settings.quiz_length == expected
    assert type(settings.quiz_length) is int
    assert settings.as_dict()["quizLength"] == expected


@pytest.mark.parametrize("value", [0, -3, 101, 2.5, float("nan"), "5", True, None, [5]])
def test_invalid_length_reported_with_key_and_default(value: object) -> None:
    base, _ = parse_settings({"quizLength": 4}, server_registry())
    settings, problems = parse_settings({"quizLength": value}, server_registry(), base)
    assert problems == [
        f"pyiq.quizLength: expected a whole number from 1 to 100, got {value!r}; "
        "using the default 10"
    ]
    # The message says the default is used, so it is, whatever was set before.
    assert settings.quiz_length == 10


def test_invalid_length_leaves_other_keys_alone() -> None:
    settings, problems = parse_settings(
        {"quizLength": "many", "quizUi": "data", "masteryThreshold": 0.5}, server_registry()
    )
    assert len(problems) == 1
    assert (settings.quiz_ui, settings.mastery_threshold, settings.quiz_length) == (
        "data",
        0.5,
        10,
    )


async def _execute(client, command: str, *arguments: Any) -> Any:
    return await asyncio.wait_for(
        client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command, arguments=list(arguments))
        ),
        TIMEOUT,
    )


async def test_quiz_file_asks_exactly_quiz_length(tmp_path: Path) -> None:
    uri = (tmp_path / "quiz.py").as_uri()
    prompts: list[types.ShowMessageRequestParams] = []
    async with session({"quizLength": 2}) as client:

        @client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
        def answer(params: types.ShowMessageRequestParams) -> types.MessageActionItem:
            prompts.append(params)
            return params.actions[0]  # never dismissed: only the length can end the quiz

        await open_and_wait(client, uri, MIXED)
        result = await _execute(client, "pyiq.quizFile", uri)
        asked_with_two = list(prompts)

        # The same session, longer quizzes: the file has more than two questions.
        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"pyiq": {"quizLength": 3}})
        )
        prompts.clear()
        longer = await _execute(client, "pyiq.quizFile", uri)
    assert result["asked"] == 2
    assert len(asked_with_two) == 2
    assert [q["chosen"] for q in result["questions"]] == [
        p.actions[0].title for p in asked_with_two
    ]
    assert longer["asked"] == 3
    assert len(prompts) == 3


async def test_quiz_at_and_data_quizzes_follow_quiz_length(tmp_path: Path) -> None:
    uri = (tmp_path / "quiz.py").as_uri()
    async with session({"quizUi": "data", "quizLength": 2}) as client:
        await open_and_wait(client, uri, MIXED)
        whole = await _execute(client, "pyiq.quizFile", uri)
        here = await _execute(client, "pyiq.quizAt", uri, {"line": 0, "character": 0})
        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"pyiq": {"quizLength": 1}})
        )
        one = await _execute(client, "pyiq.quizFile", uri)
    assert len(whole["questions"]) == 2
    assert len(here["questions"]) == 2
    assert {q["rule"] for q in here["questions"]} == {"mutable-default-argument"}
    assert len(one["questions"]) == 1
    assert one["questions"][0]["id"] == whole["questions"][0]["id"]


async def test_invalid_quiz_length_is_shown_and_the_default_used(tmp_path: Path) -> None:
    uri = (tmp_path / "quiz.py").as_uri()
    async with session({"quizUi": "data", "quizLength": 0}) as client:
        await open_and_wait(client, uri, LONGER)
        result = await _execute(client, "pyiq.quizFile", uri)
        messages = [m.message for m in client.messages]
    assert (
        "pyiq.quizLength: expected a whole number from 1 to 100, got 0; using the default 10"
        in messages
    )
    assert len(result["questions"]) == 10
