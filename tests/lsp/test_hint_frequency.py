"""Which occurrences of a concept are hinted, with each ``conceptHints`` setting, end to end.

Also the code lenses (where a learner starts a quiz) and mastery made
visible: the file's lens says how many mastered topics are hidden, and
``pyiq.showMastered`` brings them back.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from lsprotocol import types

from tests.lsp.helpers import TIMEOUT, open_and_wait, session
from tests.lsp.test_commands import _execute, _lenses, _seed

# `enumerate` (a concept hinted once per scope) three times in `first` and
# once in `second` and at module level; `x is None` (identity comparison,
# everyday idiom: once per file) in both functions; a bug risk twice.
SOURCE = """\
def first(items, seen=[]):
    for i, item in enumerate(items):
        if item is None:
            continue
    pairs = list(enumerate(items))
    return [p for p in enumerate(pairs)]


def second(items, more=[]):
    if items is None:
        return None
    return list(enumerate(items))


TOP = list(enumerate("ab"))
"""


def _positions(diagnostics: list[types.Diagnostic], code: str) -> list[tuple[int, int]]:
    return sorted(
        (d.range.start.line, d.range.start.character) for d in diagnostics if d.code == code
    )


async def _open(tmp_path: Path, settings: dict | None = None) -> list[types.Diagnostic]:
    async with session(settings) as client:
        return await open_and_wait(client, (tmp_path / "hints.py").as_uri(), SOURCE)


async def test_once_per_scope_is_the_default(tmp_path: Path) -> None:
    diagnostics = await _open(tmp_path)
    assert _positions(diagnostics, "enumerate") == [(1, 19), (11, 16), (14, 11)]
    assert _positions(diagnostics, "identity-comparison") == [(2, 11)]
    # Bug risks are not lessons: every one is shown.
    assert _positions(diagnostics, "mutable-default-argument") == [(0, 22), (8, 23)]


async def test_every_occurrence(tmp_path: Path) -> None:
    diagnostics = await _open(tmp_path, {"conceptHints": "everyOccurrence"})
    assert _positions(diagnostics, "enumerate") == [(1, 19), (4, 17), (5, 23), (11, 16), (14, 11)]
    assert _positions(diagnostics, "identity-comparison") == [(2, 11), (9, 7)]


async def test_none_keeps_the_bug_risks(tmp_path: Path) -> None:
    diagnostics = await _open(tmp_path, {"conceptHints": "none"})
    assert sorted({d.code for d in diagnostics}) == ["mutable-default-argument"]


async def test_hover_answers_on_an_occurrence_without_a_hint(tmp_path: Path) -> None:
    uri = (tmp_path / "hints.py").as_uri()
    async with session() as client:
        await open_and_wait(client, uri, SOURCE)
        hover = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=types.Position(line=9, character=10),  # the second `is None`
                )
            ),
            TIMEOUT,
        )
    assert hover is not None
    assert "*Line 10:* Identity comparison `items is None`" in hover.contents.value


async def test_a_setting_change_rehints(tmp_path: Path) -> None:
    uri = (tmp_path / "hints.py").as_uri()
    async with session() as client:
        before = await open_and_wait(client, uri, SOURCE)
        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(
                settings={"pyiq": {"conceptHints": "everyOccurrence"}}
            )
        )

        async def republished() -> list[types.Diagnostic]:
            while len(client.diagnostics[uri]) == len(before):
                await asyncio.sleep(0.01)
            return list(client.diagnostics[uri])

        after = await asyncio.wait_for(republished(), TIMEOUT)
    assert len(_positions(after, "enumerate")) == 5 > len(_positions(before, "enumerate"))


# -- code lenses -------------------------------------------------------------------

LENSES = """\
class Cart:
    def __init__(self, items):
        self.items = items

    def __repr__(self):
        return f"Cart({self.items!r})"

    @property
    def total(self):
        return sum(price for price in self.items)

    def add(self, item, log=[]):
        log.append(item)


def report(rows):
    with open("out.txt", "w") as out:
        for i, row in enumerate(rows):
            out.write(f"{i}: {row}")
    return sorted(rows, key=lambda row: row[0])


def plain(x):
    return x
"""


async def test_lenses_only_where_a_quiz_helps(tmp_path: Path) -> None:
    uri = (tmp_path / "lenses.py").as_uri()
    async with session() as client:
        await open_and_wait(client, uri, LENSES)
        lenses = await _lenses(client, uri)
    assert [(lens.range.start.line, lens.command.title) for lens in lenses] == [
        (0, "Quiz me on this file · 8 interview topics"),
        (11, "Bug risk: Mutable default argument · Quiz me"),
        (15, "3 interview topics · Quiz me"),
    ]
    # Nothing above `__init__`, `__repr__`, the property or `plain`.
    assert [lens.command.command for lens in lenses] == [
        "pyiq.quizFile",
        "pyiq.quizAt",
        "pyiq.quizAt",
    ]
    assert list(lenses[2].command.arguments) == [uri, {"line": 15, "character": 0}]


# -- mastery made visible ------------------------------------------------------------


async def test_mastered_topics_are_counted_and_can_be_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    uri = (tmp_path / "lenses.py").as_uri()
    _seed(data, "enumerate", timedelta(minutes=1))
    _seed(data, "str-repr", timedelta(minutes=1))
    async with session(data_dir=data) as client:
        hidden = await open_and_wait(client, uri, LENSES)
        hidden_lenses = await _lenses(client, uri)
        shown = await _execute(client, "pyiq.showMastered", True)

        async def republished() -> list[types.Diagnostic]:
            while "enumerate" not in {d.code for d in client.diagnostics[uri]}:
                await asyncio.sleep(0.01)
            return list(client.diagnostics[uri])

        again = await asyncio.wait_for(republished(), TIMEOUT)
        shown_lenses = await _lenses(client, uri)
        hidden_again = await _execute(client, "pyiq.showMastered", False)
    assert {"enumerate", "str-repr"}.isdisjoint({d.code for d in hidden})
    assert [lens.command.title for lens in hidden_lenses if lens.range.start.line == 0] == [
        "Quiz me on this file · 6 interview topics",
        "2 mastered topics hidden · Show",
    ]
    show = next(lens for lens in hidden_lenses if lens.command.command == "pyiq.showMastered")
    assert list(show.command.arguments) == [True]
    assert shown is True and hidden_again is False
    assert {"enumerate", "str-repr"} <= {d.code for d in again}
    assert [lens.command.title for lens in shown_lenses if lens.range.start.line == 0] == [
        "Quiz me on this file · 8 interview topics",
        "2 mastered topics shown · Hide",
    ]


async def test_show_mastered_setting(tmp_path: Path) -> None:
    data = tmp_path / "data"
    uri = (tmp_path / "lenses.py").as_uri()
    _seed(data, "enumerate", timedelta(minutes=1))
    async with session({"showMastered": True}, data_dir=data) as client:
        diagnostics = await open_and_wait(client, uri, LENSES)
        hover = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=types.Position(line=17, character=21),
                )
            ),
            TIMEOUT,
        )
    assert "enumerate" in {d.code for d in diagnostics}
    assert hover is not None and "mastered" not in hover.contents.value
