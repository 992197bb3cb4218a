"""End to end: ``pyiq serve`` as a subprocess over JSON-RPC, one feature per test."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from lsprotocol import types

from pyiq.links import questions_for
from tests.lsp.helpers import TIMEOUT, apply_edits, open_and_wait, session

SAMPLE = '''def add(item, bucket=[]):
    """Collect items."""
    bucket.append(item)
    return bucket


if add(1) is 1:
    pass
'''

BUG_RISKS = {"select": ["bug-risk"]}


def _uri(tmp_path: Path, name: str = "sample.py") -> str:
    return (tmp_path / name).as_uri()


def _message(rule_id: str, name: str) -> str:
    questions = questions_for(rule_id)
    return f"{name} — interview: {questions[0].question}" if questions else ""


async def test_diagnostics_exact(tmp_path: Path) -> None:
    async with session(BUG_RISKS) as client:
        diagnostics = await open_and_wait(client, _uri(tmp_path), SAMPLE)
    got = [
        (
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
            d.severity,
            d.source,
        )
        for d in diagnostics
    ]
    assert got == [
        ("mutable-default-argument", 0, 21, 0, 23, types.DiagnosticSeverity.Warning, "pyiq"),
        ("is-literal", 6, 3, 6, 14, types.DiagnosticSeverity.Warning, "pyiq"),
    ]
    by_code = {d.code: d for d in diagnostics}
    mutable = by_code["mutable-default-argument"]
    if questions_for("mutable-default-argument"):
        assert mutable.message == _message("mutable-default-argument", "Mutable default argument")
    assert mutable.code_description is not None
    assert mutable.code_description.href.endswith("mutable-default-argument.md")


async def test_concepts_are_hints_and_can_be_off(tmp_path: Path) -> None:
    text = "def gen(n):\n    yield n\n"
    async with session() as client:
        diagnostics = await open_and_wait(client, _uri(tmp_path), text)
    assert diagnostics and all(d.severity == types.DiagnosticSeverity.Hint for d in diagnostics)
    async with session({"conceptDiagnostics": "off"}) as client:
        assert await open_and_wait(client, _uri(tmp_path), text) == []


async def test_hover_inside_construct_off_the_reported_span(tmp_path: Path) -> None:
    async with session(BUG_RISKS) as client:
        uri = _uri(tmp_path)
        await open_and_wait(client, uri, SAMPLE)
        hover = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=types.Position(line=2, character=6),  # `bucket.append`
                )
            ),
            TIMEOUT,
        )
    assert hover is not None
    value = hover.contents.value
    assert "*Line 1:* Default `bucket=[]` is created once" in value
    # The hover answers on the whole function, for the span of the head that names it.
    assert (hover.range.start.line, hover.range.end.line) == (0, 3)
    questions = questions_for("mutable-default-argument")
    if questions:
        assert questions[0].question in value
        assert questions[0].short.strip() in value
        assert "<details>" not in value


async def test_hover_on_ignore_comment_explains_rule(tmp_path: Path) -> None:
    text = "x = 1\nif x is 1:  # pyiq: ignore[is-literal]\n    pass\n"
    async with session() as client:
        uri = _uri(tmp_path)
        await open_and_wait(client, uri, text)
        hover = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=types.Position(line=1, character=30),
                )
            ),
            TIMEOUT,
        )
    assert hover is not None
    assert "Identity comparison with a literal" in hover.contents.value


FIX_CASES = [
    (
        'def f(x=[]):\n    """Doc."""\n    return x\n',
        (0, 8),
        "mutable-default-argument",
        'def f(x=None):\n    """Doc."""\n    if x is None:\n        x = []\n    return x\n',
    ),
    (
        "fs = []\nfor i in range(3):\n    fs.append(lambda: i)\n",
        (2, 22),
        "loop-variable-closure",
        "fs = []\nfor i in range(3):\n    fs.append(lambda i=i: i)\n",
    ),
    ("x = 2\nok = x is 1\n", (1, 5), "is-literal", "x = 2\nok = x == 1\n"),
    ("x = 2\nok = x != None\n", (1, 5), "none-comparison", "x = 2\nok = x is not None\n"),
    (
        "square = lambda n: n * n\n",
        (0, 0),
        "lambda-assignment",
        "def square(n):\n    return n * n\n",
    ),
    (
        "try:\n    pass\nexcept KeyError as err:\n    raise LookupError(err.args)\n",
        (3, 4),
        "raise-without-from",
        "try:\n    pass\nexcept KeyError as err:\n    raise LookupError(err.args) from err\n",
    ),
    ("ok = not key in cache\n", (0, 10), "not-in-test", "ok = key not in cache\n"),
    (
        "import yaml\n\nconfig = yaml.load(text, Loader=yaml.Loader)\n",
        (2, 35),
        "unsafe-yaml-load",
        "import yaml\n\nconfig = yaml.safe_load(text)\n",
    ),
]


async def _actions(
    client, uri: str, line: int, character: int, only: list[str] | None = None
) -> list[types.CodeAction]:
    result = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(
                    start=types.Position(line=line, character=character),
                    end=types.Position(line=line, character=character),
                ),
                context=types.CodeActionContext(diagnostics=[], only=only),
            )
        ),
        TIMEOUT,
    )
    return list(result or [])


async def test_code_actions_honour_context_only(tmp_path: Path) -> None:
    """VS Code asks for `quickfix` only at times; the quiz action (kind `pyiq.quiz`) must not
    come back then, or VS Code drops it and logs a warning on every Ctrl+."""
    text = "x = 2\nok = x != None\n"
    async with session() as client:
        uri = _uri(tmp_path)
        await open_and_wait(client, uri, text)
        everything = await _actions(client, uri, 1, 5)
        fixes = await _actions(client, uri, 1, 5, only=["quickfix"])
        quiz = await _actions(client, uri, 1, 5, only=["pyiq"])
        exact = await _actions(client, uri, 1, 5, only=["pyiq.quiz"])
        refactors = await _actions(client, uri, 1, 5, only=["refactor"])
    assert [(a.title, a.kind) for a in fixes] == [
        ("Test identity with `is not None`", "quickfix"),
        ("Ignore none-comparison on this line", "quickfix"),
    ]
    assert [a.title for a in quiz] == ["Quiz me on this (none-comparison)"]
    assert [a.title for a in exact] == ["Quiz me on this (none-comparison)"]
    assert [a.title for a in everything] == [a.title for a in fixes + quiz]
    assert refactors == []


async def test_quick_fixes_exact_edits(tmp_path: Path) -> None:
    async with session() as client:
        for index, (text, (line, character), rule, expected) in enumerate(FIX_CASES):
            uri = _uri(tmp_path, f"fix{index}.py")
            await open_and_wait(client, uri, text)
            actions = await _actions(client, uri, line, character)
            preferred = [a for a in actions if isinstance(a, types.CodeAction) and a.is_preferred]
            assert preferred, (rule, [a.title for a in actions])
            edits = preferred[0].edit.changes[uri]
            assert apply_edits(text, edits) == expected, rule
            titles = [a.title for a in actions]
            assert f"Ignore {rule} on this line" in titles
            # The client library decodes a command-only CodeAction as a Command
            # (with the nested command stringified); accept either shape.
            quiz = [
                a
                for a in actions
                if a.title.startswith("Quiz me on this") and "pyiq.quizAt" in str(a.command)
            ]
            assert quiz


async def test_ignore_action_extends_existing_comment(tmp_path: Path) -> None:
    text = "x = 2\nok = x != None  # pyiq: ignore[is-literal]\n"
    async with session() as client:
        uri = _uri(tmp_path)
        await open_and_wait(client, uri, text)
        actions = await _actions(client, uri, 1, 5)
    ignore = next(a for a in actions if a.title == "Ignore none-comparison on this line")
    assert apply_edits(text, ignore.edit.changes[uri]) == (
        "x = 2\nok = x != None  # pyiq: ignore[is-literal, none-comparison]\n"
    )


async def test_code_lens_titles(tmp_path: Path) -> None:
    text = "def f(x=[]):\n    return x\n\n\ndef plain():\n    return 1\n"
    async with session(BUG_RISKS) as client:
        uri = _uri(tmp_path)
        await open_and_wait(client, uri, text)
        lenses = await asyncio.wait_for(
            client.text_document_code_lens_async(
                types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
            ),
            TIMEOUT,
        )
    assert [(lens.range.start.line, lens.command.title) for lens in lenses] == [
        (0, "Quiz me on this file · 1 interview topic"),
        (0, "Bug risk: Mutable default argument · Quiz me"),
    ]
    assert [lens.command.command for lens in lenses] == ["pyiq.quizFile", "pyiq.quizAt"]
    assert list(lenses[0].command.arguments) == [uri]


async def test_utf8_and_utf32_columns(tmp_path: Path) -> None:
    text = 's = "🐍"; ok = s is "x"\n'
    expected = {"utf-8": (17, 25), "utf-32": (14, 22), "utf-16": (15, 23)}
    for encoding, (start, end) in expected.items():
        async with session(BUG_RISKS, encodings=[encoding]) as client:
            diagnostics = await open_and_wait(client, _uri(tmp_path), text)
        assert [(d.range.start.character, d.range.end.character) for d in diagnostics] == [
            (start, end)
        ], encoding


async def test_invalid_initialization_options_show_message(tmp_path: Path) -> None:
    async with session({"codeLens": "yes", "level": ["guru"]}) as client:
        diagnostics = await open_and_wait(client, _uri(tmp_path), SAMPLE)
        messages = [m.message for m in client.messages]
    assert any("pyiq.codeLens" in m and "default True" in m for m in messages), messages
    assert any("pyiq.level" in m for m in messages), messages
    assert {"mutable-default-argument", "is-literal"} <= {d.code for d in diagnostics}


async def test_pull_diagnostics(tmp_path: Path) -> None:
    async with session(BUG_RISKS, pull=True) as client:
        uri = _uri(tmp_path)
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="python", version=1, text=SAMPLE
                )
            )
        )
        report = await asyncio.wait_for(
            client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
            ),
            TIMEOUT,
        )
    assert [d.code for d in report.items] == ["mutable-default-argument", "is-literal"]


@pytest.mark.parametrize("refresh", [False, True])
async def test_pull_refresh_only_when_the_client_supports_it(tmp_path: Path, refresh: bool) -> None:
    """A settings change re-pulls through workspace/diagnostic/refresh, asked only of a client
    that announced refreshSupport (Neovim 0.11 pulls without it, and logs MethodNotFound)."""
    async with session(BUG_RISKS, pull=True, refresh=refresh) as client:
        refreshed = asyncio.Event()

        features = client.protocol.fm.features
        default = features[types.WORKSPACE_DIAGNOSTIC_REFRESH]

        def on_refresh(params: None) -> None:
            refreshed.set()
            return default(params)

        features[types.WORKSPACE_DIAGNOSTIC_REFRESH] = on_refresh

        await asyncio.sleep(0.5)  # the refresh that initialized may send
        refreshed.clear()
        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={"pyiq": {"codeLens": False}})
        )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(refreshed.wait(), 3 if not refresh else TIMEOUT)
    assert refreshed.is_set() is refresh


async def test_ruff_config_hides_peer(tmp_path: Path) -> None:
    (tmp_path / "ruff.toml").write_text('[lint]\nselect = ["B"]\n')
    async with session(BUG_RISKS) as client:
        diagnostics = await open_and_wait(client, _uri(tmp_path), SAMPLE)
    # B006 is selected through "B"; F632 (is-literal) is not selected at all.
    assert [d.code for d in diagnostics] == ["is-literal"]
    async with session({**BUG_RISKS, "respectRuff": False}) as client:
        diagnostics = await open_and_wait(client, _uri(tmp_path), SAMPLE)
    assert [d.code for d in diagnostics] == ["mutable-default-argument", "is-literal"]


async def test_ruff_per_file_ignores_show_the_peer_where_ruff_is_silent(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ruff.lint]\nselect = ["B006"]\n'
        '[tool.ruff.lint.per-file-ignores]\n"tests/*" = ["B006"]\n'
    )
    (tmp_path / "tests").mkdir()
    async with session(BUG_RISKS) as client:
        in_tests = await open_and_wait(client, _uri(tmp_path, "tests/test_x.py"), SAMPLE)
    async with session(BUG_RISKS) as client:
        elsewhere = await open_and_wait(client, _uri(tmp_path, "app.py"), SAMPLE)
    assert [d.code for d in in_tests] == ["mutable-default-argument", "is-literal"]
    assert [d.code for d in elsewhere] == ["is-literal"]
