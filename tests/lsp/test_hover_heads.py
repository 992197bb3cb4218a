"""Hover answers on every token of the head a finding names, for every rule's examples.

A finding reported on a definition's name or on a keyword (``async``,
``await``, ``import``, ``class``) is about the whole construct that name or
keyword introduces, so each token of that construct's head (up to its
indented body) must find it. In process, through the hover's own lookup.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tree_sitter import Node

from pyiq.analysis import Document
from pyiq.lsp.features.hover import findings_at
from pyiq.lsp.server import create_server
from pyiq.lsp.store import OpenDocument

RULES = Path(__file__).resolve().parents[1] / "rules"


def _head_tokens(node: Node) -> list[Node]:
    tokens = []
    for child in node.children:
        if child.type == "block":
            break
        tokens.append(child)
    return tokens


@pytest.fixture(scope="module")
def server():
    """A server object, never started: finding what a hover answers on reads no progress."""
    return create_server()


@pytest.mark.parametrize("bad", sorted(RULES.glob("*/bad.py")), ids=lambda p: p.parent.name)
def test_every_head_token_finds_the_finding(server, bad: Path) -> None:
    document = OpenDocument(
        uri=bad.as_uri(),
        version=1,
        engine=Document(bad.read_bytes(), server.registry),
        path=bad,
    )
    root = document.engine.tree.root_node
    missed = []
    for finding in server.findings(document):
        node = root.descendant_for_byte_range(finding.start_byte, finding.end_byte)
        parent = node.parent
        if parent is None:
            continue
        name = parent.child_by_field_name("name")
        names_it = name is not None and (name.start_byte, name.end_byte) == (
            node.start_byte,
            node.end_byte,
        )
        if not (names_it or not node.is_named):
            continue
        for token in _head_tokens(parent):
            if finding not in findings_at(server, document, token.start_byte):
                missed.append((finding.rule, token.type, token.start_point))
    assert missed == []


def test_the_main_guard_answers_on_its_if_keyword(server, tmp_path: Path) -> None:
    """The ``if`` of ``if __name__ == "__main__":`` finds the guard; the block under it does not."""
    source = b'def main():\n    pass\n\n\nif __name__ == "__main__":\n    main()\n'
    path = tmp_path / "script.py"
    path.write_bytes(source)
    document = OpenDocument(
        uri=path.as_uri(), version=1, engine=Document(source, server.registry), path=path
    )
    for at in (source.index(b"if "), source.index(b"if ") + 1, source.index(b"__name__")):
        rules = [f.rule for f in findings_at(server, document, at)]
        assert rules[:1] == ["main-guard"], (at, rules)
    for elsewhere in (b"pass", b"main()\n"):
        in_block = findings_at(server, document, source.rindex(elsewhere))
        assert "main-guard" not in [f.rule for f in in_block], elsewhere
