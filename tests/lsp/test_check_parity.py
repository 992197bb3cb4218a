"""Editor and CI give the same answer: the server's warnings equal ``pyiq check``'s bug risks.

``# noqa`` with a peer code, ``per-file-ignores`` and ``pyiq.toml`` in the
server, ruff's peers in the CLI: each file below is answered the same way by
both.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

from lsprotocol import types

from tests.lsp.helpers import TIMEOUT, open_and_wait, session

SOURCE = (
    "def f(a=[]):  # noqa: B006\n    return a\n"
    "def g(a=[]):\n    return a\n"
    "ok = g() is 1\n"
    "empty = g() == None  # NOQA\n"
    "square = lambda x: x\n"
)


def _check(path: Path) -> list[dict[str, object]]:
    """``pyiq check``'s JSON findings for a file or folder, from a real process."""
    out = subprocess.run(
        [sys.executable, "-m", "pyiq", "check", "--output-format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    return json.loads(out)


def _cli(path: Path) -> list[tuple[int, int, str]]:
    return sorted(
        (f["line"] - 1, f["column"] - 1, f["rule"])
        for f in _check(path)
        if f["category"] == "bug-risk"
    )


def _warnings(diagnostics: list[types.Diagnostic]) -> list[tuple[int, int, str]]:
    return sorted(
        (d.range.start.line, d.range.start.character, str(d.code))
        for d in diagnostics
        if d.severity == types.DiagnosticSeverity.Warning
    )


async def test_noqa_per_file_ignores_and_ruff_peers_agree(tmp_path: Path) -> None:
    (tmp_path / "pyiq.toml").write_text(
        '[per-file-ignores]\n"legacy_*.py" = ["lambda-assignment"]\n'
    )
    (tmp_path / "ruff.toml").write_text('[lint]\nselect = ["F632"]\n')
    main = tmp_path / "main.py"
    legacy = tmp_path / "legacy_code.py"
    main.write_text(SOURCE)
    legacy.write_text(SOURCE)
    # f: noqa B006; g: shown (ruff selects only F632); `is 1`: ruff reports
    # F632; `== None`: a bare NOQA; the lambda: per-file ignored in legacy_*.
    expected_main = [
        (2, 8, "mutable-default-argument"),
        (6, 0, "lambda-assignment"),
    ]
    assert _cli(main) == expected_main
    assert _cli(legacy) == [(2, 8, "mutable-default-argument")]
    async with session() as client:
        assert _warnings(await open_and_wait(client, main.as_uri(), SOURCE)) == expected_main
        assert _warnings(await open_and_wait(client, legacy.as_uri(), SOURCE)) == [
            (2, 8, "mutable-default-argument")
        ]


async def test_an_excluded_file_is_not_analysed_in_the_editor_either(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pyiq]\nextend-exclude = ["generated"]\n')
    (tmp_path / "generated").mkdir()
    excluded = tmp_path / "generated" / "out.py"
    kept = tmp_path / "kept.py"
    for path in (excluded, kept):
        path.write_text("def g(a=[]):\n    return a\n")
    assert {f["path"] for f in _check(tmp_path)} == {str(kept)}
    async with session() as client:
        text = excluded.read_text()
        # The kept file first: once its diagnostics are in, the excluded one's
        # (published in order after it) are final.
        assert _warnings(await open_and_wait(client, kept.as_uri(), text)) == [
            (0, 8, "mutable-default-argument")
        ]
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=excluded.as_uri(), language_id="python", version=1, text=text
                )
            )
        )

        async def published() -> None:
            while excluded.as_uri() not in client.diagnostics:
                await asyncio.sleep(0.005)

        await asyncio.wait_for(published(), TIMEOUT)
        assert list(client.diagnostics[excluded.as_uri()]) == []


async def test_a_broken_ruff_configuration_hides_nothing_in_either(tmp_path: Path) -> None:
    """``ruff check`` refuses a broken configuration, so both show pyiq's bug risk and say why.

    ``ruff server`` would lint with its defaults (B006 among them) and hide
    the mutable default in the editor only; CI would then report it nowhere.
    """
    (tmp_path / "ruff.toml").write_text('[lint]\nselect = "B"\n')
    main = tmp_path / "main.py"
    main.write_text(SOURCE)
    expected = [
        (2, 8, "mutable-default-argument"),
        (4, 5, "is-literal"),
        (6, 0, "lambda-assignment"),
    ]
    assert _cli(main) == expected
    async with session() as client:
        assert _warnings(await open_and_wait(client, main.as_uri(), SOURCE)) == expected

        async def shown() -> list[str]:
            while not client.messages:
                await asyncio.sleep(0.01)
            return [m.message for m in client.messages]

        messages = await asyncio.wait_for(shown(), TIMEOUT)
    assert [m for m in messages if str(tmp_path / "ruff.toml") in m and "select" in m], messages
