"""The hover's Markdown shows the user's code and names as they are, in any Markdown renderer.

In process, through the hover's own functions; rendered with markdown-it (CommonMark, as VS
Code's marked and Neovim's Markdown highlighting read it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from pyiq.analysis import Document
from pyiq.lsp.features.hover import code_span, findings_at, markdown_message
from pyiq.lsp.server import create_server
from pyiq.lsp.store import OpenDocument

RULES = Path(__file__).resolve().parents[1] / "rules"
MD = MarkdownIt("commonmark")


@pytest.fixture(scope="module")
def server():
    """A server object, never started: rendering a hover's parts reads no progress."""
    return create_server()


def _document(server, text: str) -> OpenDocument:
    return OpenDocument(
        uri="file:///tmp/sample.py",
        version=1,
        engine=Document(text.encode(), server.registry),
        path=Path("/tmp/sample.py"),
    )


def _codes(markdown: str) -> list[str]:
    return re.findall(r"<code>(.*?)</code>", MD.render(markdown))


@pytest.mark.parametrize(
    "text", ["plain", "a`b", "``", "`start", "end`", " padded ", "x ``` y", "*not* _em_"]
)
def test_code_span_keeps_any_text_as_one_code_element(text: str) -> None:
    html_text = text.replace("&", "&amp;").replace("<", "&lt;")
    assert _codes(code_span(text)) == [html_text]


def test_user_code_with_a_backtick_stays_in_its_code_span(server) -> None:
    document = _document(server, 'def check(s):\n    return s is "`*x*`"\n')
    (finding,) = [f for f in server.findings(document) if f.rule == "is-literal"]
    markdown = markdown_message(server, finding)
    assert _codes(markdown) == ["is", "&quot;`*x*`&quot;", "==", "!="]
    assert "<em>" not in MD.render(markdown)


def test_markdown_message_is_the_message_wherever_the_code_has_no_backtick(server) -> None:
    """The rebuilt message equals the engine's on every finding of every rule's example."""
    checked = 0
    for bad in sorted(RULES.glob("*/bad.py")):
        document = _document(server, bad.read_text())
        for finding in server.findings(document):
            if "`" in "".join(value for _, value in finding.bindings):
                continue
            assert markdown_message(server, finding) == finding.message, (bad, finding.rule)
            checked += 1
    assert checked > 300


def test_the_decorator_under_the_cursor_is_the_one_shown(server) -> None:
    text = (
        "import click\n\n"
        "@click.command()\n"
        '@click.option("--count", default=1)\n'
        '@click.argument("name")\n'
        "def hello(count, name):\n"
        "    pass\n"
    )
    document = _document(server, text)
    for decorator in ("click.command", "click.option", "click.argument"):
        at = text.index(decorator) + 2
        first = findings_at(server, document, at)[0]
        assert (first.rule, first.binding("_callee")) == ("decorator-factory", decorator)
