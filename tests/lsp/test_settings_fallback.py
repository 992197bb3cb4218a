"""Invalid settings end to end: a message naming the key and the default, and the default in force.

Each session ends in the same observable state as a session without any
setting: the diagnostics (which rules, which severities), the code lenses,
and a quiz (how it is asked, how many questions). Every key's valid value
below changes one of these on its own, so a key that kept its previous
value instead of the default would show.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from tests.lsp.helpers import TIMEOUT, open_and_wait, session
from tests.lsp.test_commands import _execute, _lenses, _seed
from tests.lsp.test_units import FALLBACKS

# A bug risk ruff reports too (B006), one it does not (F632), a concept at every
# level (generator function), one for juniors only (enumerate, twice in one
# scope: hinted once by default) and one the user has mastered (list comprehension).
SOURCE = """\
def add(item, bucket=[]):
    bucket.append(item)
    return bucket


def numbers(n):
    yield n


def pairs(items):
    first = next(enumerate(items))
    return [(i, v) for i, v in enumerate(items)], first


ok = add(1) is 1
"""
VALID = {key: valid for key, valid, _, _ in FALLBACKS}
INVALID = {key: invalid for key, _, invalid, _ in FALLBACKS}
MESSAGES = [message for *_, message in FALLBACKS]


def _project(tmp_path: Path) -> tuple[str, Path]:
    """The file's URI, and a progress store where the generator function is half-forgotten.

    Answered two weeks ago: recall probability about 0.8, mastered at a
    threshold of 0.5 but not at the default 0.9, so ``masteryThreshold`` shows
    in the diagnostics. ruff selects B006 only, so ``respectRuff`` shows too.
    The list comprehension was answered a minute ago: mastered, its hint
    hidden unless ``showMastered``.
    """
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "ruff.toml").write_text('[lint]\nselect = ["B006"]\n')
    data = tmp_path / "data"
    _seed(data, "generator-function", timedelta(days=14))
    _seed(data, "list-comprehension", timedelta(minutes=1))
    return (tmp_path / "mod.py").as_uri(), data


async def _effect(client, uri: str) -> dict[str, Any]:
    """What the settings decide, observed as the user sees it; the quiz goes last (it records)."""
    prompts: list[types.ShowMessageRequestParams] = []

    @client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
    def answer(params: types.ShowMessageRequestParams) -> types.MessageActionItem:
        prompts.append(params)
        return params.actions[0]  # never dismissed: only the quiz length ends the quiz

    diagnostics = sorted((d.code, d.severity) for d in client.diagnostics[uri])
    lenses = [lens.command.title for lens in await _lenses(client, uri)]
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=6, character=4),  # `yield`
            )
        ),
        TIMEOUT,
    )
    quiz = await _execute(client, "pyiq.quizFile", uri)
    return {
        "diagnostics": diagnostics,
        "lenses": lenses,
        "hover": hover.contents.value if hover else None,
        "prompts": len(prompts),
        "questions": len(quiz["questions"]),
    }


async def _messages(client, expected: list[str]) -> list[str]:
    """The messages shown, once every expected one has arrived (or as many as came in time)."""

    async def arrived() -> None:
        while not set(expected) <= {m.message for m in client.messages}:
            await asyncio.sleep(0.01)

    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(arrived(), TIMEOUT)
    return [m.message for m in client.messages]


async def _defaults(tmp_path: Path) -> dict[str, Any]:
    uri, data = _project(tmp_path)
    async with session(data_dir=data) as client:
        await open_and_wait(client, uri, SOURCE)
        assert client.messages == []
        effect = await _effect(client, uri)
    return effect


async def test_every_key_has_an_effect_of_its_own(tmp_path: Path) -> None:
    """Guards the tests below: a key whose value went unseen would pass them vacuously."""
    defaults = await _defaults(tmp_path / "defaults")
    assert defaults["prompts"] == defaults["questions"] == 10
    assert ("enumerate", types.DiagnosticSeverity.Hint) in defaults["diagnostics"]
    assert ("generator-function", types.DiagnosticSeverity.Hint) in defaults["diagnostics"]
    assert [code for code, _ in defaults["diagnostics"]].count("enumerate") == 1
    assert "list-comprehension" not in {code for code, _ in defaults["diagnostics"]}
    assert defaults["hover"]
    assert ("is-literal", types.DiagnosticSeverity.Warning) in defaults["diagnostics"]
    assert "mutable-default-argument" not in {code for code, _ in defaults["diagnostics"]}
    assert defaults["lenses"]
    for key, valid in VALID.items():
        uri, data = _project(tmp_path / key)
        async with session({key: valid}, data_dir=data) as client:
            await open_and_wait(client, uri, SOURCE)
            effect = await _effect(client, uri)
        assert effect != defaults, key


async def test_invalid_initialization_options_give_the_defaults(tmp_path: Path) -> None:
    defaults = await _defaults(tmp_path / "defaults")
    uri, data = _project(tmp_path / "invalid")
    async with session(INVALID, data_dir=data) as client:
        await open_and_wait(client, uri, SOURCE)
        messages = await _messages(client, MESSAGES)
        effect = await _effect(client, uri)
    assert messages == MESSAGES
    assert effect == defaults


async def test_invalid_configuration_change_gives_the_defaults_not_the_previous_values(
    tmp_path: Path,
) -> None:
    defaults = await _defaults(tmp_path / "defaults")
    uri, data = _project(tmp_path / "changed")
    async with session(VALID, data_dir=data) as client:
        before = await open_and_wait(client, uri, SOURCE)
        lenses = await _lenses(client, uri)
        republished = asyncio.ensure_future(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        )
        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"pyiq": INVALID})
        )
        await asyncio.wait_for(republished, TIMEOUT)
        messages = await _messages(client, MESSAGES)
        effect = await _effect(client, uri)
    # The valid values were in force: select and ignore together leave no finding, no
    # lenses; the tiny maxFileSizeMB leaves its note that the file is analysed in part.
    assert [d.code for d in before] == ["size-limit"]
    assert list(lenses) == []
    assert messages == MESSAGES
    assert effect == defaults


@pytest.mark.parametrize("pulled", [INVALID, ["not", "an", "object"]])
async def test_invalid_pulled_configuration_gives_the_defaults(tmp_path: Path, pulled: Any) -> None:
    """``workspace/configuration`` answers after ``initializationOptions`` set valid values."""
    defaults = await _defaults(tmp_path / "defaults")
    uri, data = _project(tmp_path / "pulled")
    expected = (
        MESSAGES
        if isinstance(pulled, dict)
        else ["pyiq: expected an object of settings, got list; using the defaults"]
    )
    async with session(VALID, data_dir=data, client_settings=pulled) as client:
        messages = await _messages(client, expected)
        await open_and_wait(client, uri, SOURCE)
        effect = await _effect(client, uri)
    assert messages == expected
    assert effect == defaults
