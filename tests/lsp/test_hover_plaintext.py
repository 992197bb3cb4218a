"""A client that shows hovers as plain text gets the words, not the Markdown marks.

Eglot without markdown-mode announces ``hover.contentFormat: ["plaintext"]`` and shows the
text as it comes: ``**`` and backticks around every name, unless the server drops them.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types

from pyiq.markdown_plain import to_plain
from tests.lsp.helpers import TIMEOUT, open_and_wait, session

SAMPLE = "def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n"


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**Why?**\n\n*Line 1:* `eval(...)` runs", "Why?\n\nLine 1: eval(...) runs"),
        ("### Mutable default\n\n`x` · bug-risk", "Mutable default\n\nx · bug-risk"),
        ("a `*args` and `__init__` b", "a *args and __init__ b"),
        ("`` a`b `` and ``` `x` ```", "a`b and `x`"),
        ("snake_case and 2*3*4 stay", "snake_case and 2*3*4 stay"),
        (
            "[Quiz me](command:pyiq.quizAt?%5B%5D) · [docs](https://x.org/r)",
            "Quiz me · docs (https://x.org/r)",
        ),
        ("```python\nprint(1)\n\nx = 2\n```\nafter", "    print(1)\n\n    x = 2\nafter"),
        ("an unclosed ` tick and \\*escaped\\*", "an unclosed ` tick and *escaped*"),
        ("- one\n- `two`", "- one\n- two"),
        ('emits **`SyntaxWarning: "is"`**, and', 'emits SyntaxWarning: "is", and'),
        ("`a` \U000f0005 stays", "a \U000f0005 stays"),
    ],
)
def test_to_plain(markdown: str, plain: str) -> None:
    assert to_plain(markdown) == plain


async def _hover(formats: list[str] | None, tmp_path: Path) -> types.MarkupContent:
    uri = (tmp_path / "cart.py").as_uri()
    async with session(hover_formats=formats) as client:
        await open_and_wait(client, uri, SAMPLE)
        hover = await asyncio.wait_for(
            client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=types.Position(line=0, character=21),
                )
            ),
            TIMEOUT,
        )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    return hover.contents


async def test_a_plaintext_client_gets_the_hover_without_markdown(tmp_path: Path) -> None:
    markdown = await _hover(None, tmp_path)
    assert markdown.kind == types.MarkupKind.Markdown
    assert "**" in markdown.value and "`bucket=[]`" in markdown.value
    plain = await _hover(["plaintext"], tmp_path)
    assert plain.kind == types.MarkupKind.PlainText
    assert plain.value == to_plain(markdown.value)
    assert "**" not in plain.value and "`" not in plain.value
    assert "Default bucket=[] is created once" in plain.value
    assert "Full answer: pyiq explain mutable-default-arguments" in plain.value
    # A client that renders Markdown, listing it anywhere, still gets Markdown.
    both = await _hover(["plaintext", "markdown"], tmp_path)
    assert both == markdown
