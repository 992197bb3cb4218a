"""Unit tests: the sweep giving findings to definitions, and scopes, against brute force."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import pytest

from pyiq.analysis import Config, Document
from pyiq.lsp.features.code_lens import _owners, definitions
from pyiq.lsp.hints import MODULE, Scopes, scope_of
from pyiq.lsp.rules import server_registry

STDLIB = Path(sysconfig.get_paths()["stdlib"])
FILES = ["functools.py", "enum.py", "json/decoder.py", "asyncio/tasks.py"]


def _document(name: str) -> Document:
    return Document((STDLIB / name).read_bytes(), server_registry())


@pytest.mark.parametrize("name", FILES)
def test_owners_is_the_innermost_definition(name: str) -> None:
    document = _document(name)
    nodes = definitions(document.tree.root_node)
    findings = document.findings(Config())
    expected: dict[int, list] = {}
    for finding in findings:
        holders = [
            i
            for i, node in enumerate(nodes)
            if node.start_byte <= finding.start_byte < node.end_byte
        ]
        if holders:
            innermost = min(holders, key=lambda i: nodes[i].end_byte - nodes[i].start_byte)
            expected.setdefault(innermost, []).append(finding)
    assert expected  # the files have definitions with findings
    assert _owners(nodes, findings) == expected


@pytest.mark.parametrize("name", FILES)
def test_scope_is_the_innermost_body_holding_the_finding(name: str) -> None:
    document = _document(name)
    root = document.tree.root_node
    bodies = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type in ("function_definition", "class_definition"):
            body = node.child_by_field_name("body")
            bodies.append((body.start_byte, body.end_byte, node.start_byte))
        stack.extend(node.children)
    for finding in document.findings(Config()):
        at = finding.start_byte
        holding = [b for b in bodies if b[0] <= at < b[1]]
        expected = min(holding, key=lambda b: b[1] - b[0])[2] if holding else MODULE
        assert scope_of(root, at) == expected, (finding.rule, at)


def test_a_definition_name_belongs_to_the_scope_around_it() -> None:
    source = b"class Cart:\n    def __init__(self):\n        pass\n"
    document = Document(source, server_registry())
    root = document.tree.root_node
    assert scope_of(root, source.index(b"__init__")) == 0  # the class body
    assert scope_of(root, source.index(b"pass")) == source.index(b"def")
    assert scope_of(root, 0) == MODULE


def _every_edge(root: object) -> set[int]:
    """Each node's start and end: where a body's edge and the tree's answer matter."""
    offsets: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        offsets.update((node.start_byte, node.end_byte))  # type: ignore[attr-defined]
        stack.extend(node.children)  # type: ignore[attr-defined]
    return offsets


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("cut", [None, 0.37, 0.81])
def test_indexed_scopes_equal_walking_the_tree(name: str, cut: float | None) -> None:
    """The bisection ``hinted`` uses on big files answers as ``scope_of``, broken code too."""
    source = (STDLIB / name).read_bytes()
    if cut is not None:
        source = source[: int(len(source) * cut)]  # a file cut mid-statement: error nodes
    root = Document(source, server_registry()).tree.root_node
    scopes = Scopes(root)
    offsets = sorted(_every_edge(root) | set(range(0, len(source) + 1, 7)))
    answers = [scopes(at) for at in offsets]  # the first ones walk, the rest bisect
    assert answers == [scope_of(root, at) for at in offsets]
    assert MODULE in answers and len(set(answers)) > 5
