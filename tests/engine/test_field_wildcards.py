"""Nested node types written as wildcards where a field decides them: same matches, cheaper."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import pytest
from tree_sitter import Node, Query, QueryError

from pyiq.analysis.engine import run_rules
from pyiq.analysis.language import new_parser, python_language
from pyiq.analysis.planner import CHILD_FIELD_OWNERS, FIELD_OWNERS, FIELD_TYPES, field_wildcards
from pyiq.analysis.registry import Registry, load_registry, load_rules_from

ROOT = Path(__file__).resolve().parents[2]
PYDECIMAL = Path(sysconfig.get_paths()["stdlib"]) / "_pydecimal.py"


def test_a_nested_type_its_field_decides_becomes_a_wildcard() -> None:
    source = '((call function: (attribute object: (identifier) @o) @f) @c (#eq? @o "os"))'
    assert field_wildcards(source) == (
        '((call function: (_ object: (identifier) @o) @f) @c (#eq? @o "os"))'
    )


def test_every_nested_step_is_rewritten_and_text_around_is_kept() -> None:
    source = (
        "(decorator ; a comment (with brackets)\n"
        "  (call function: (attribute attribute: (identifier) @a)\n"
        '        arguments: (argument_list))) @d (#set! message "(call function:")'
    )
    assert field_wildcards(source) == (
        "(decorator ; a comment (with brackets)\n"
        "  (_ function: (_ attribute: (identifier) @a)\n"
        '        arguments: (argument_list))) @d (#set! message "(call function:")'
    )


def test_a_nested_type_the_field_it_sits_in_decides_becomes_a_wildcard() -> None:
    source = "(class_definition body: (block (expression_statement (assignment))) @b)"
    assert field_wildcards(source) == (
        "(class_definition body: (_ (expression_statement (assignment))) @b)"
    )


def test_a_nested_type_a_field_decides_among_its_parents_children_becomes_a_wildcard() -> None:
    source = '(comparison_operator [(float) (binary_operator left: (float))] . operators: "==")'
    assert field_wildcards(source) == (
        '(comparison_operator [(float) (_ left: (float))] . operators: "==")'
    )


@pytest.mark.parametrize(
    "source",
    [
        # the root: a wildcard root would be tried at every node of the tree
        "(call function: (identifier))",
        "[(call function: (identifier)) (attribute object: (identifier))] @x",
        "((call function: (identifier)) @c)",
        # the field's child may be absent, so other node types would match
        "(expression_statement (attribute object: (identifier)? @o))",
        "(expression_statement (attribute object: (identifier)* @o))",
        # the field is one branch of an alternation or inside a group
        "(expression_statement (attribute [object: (identifier) (identifier)]))",
        "(expression_statement (attribute ((identifier) object: (identifier))))",
        # a field that several node types have, also among the parent's possible children
        "(block (assignment left: (identifier)))",
        "(list (binary_operator left: (list)))",
        # a negated field says nothing about the type
        "(expression_statement (call !arguments))",
        # a field that holds several types, or a child in an alternation under the field
        "(call arguments: (argument_list (identifier)))",
        "(class_definition body: [(block (pass_statement)) (comment)])",
        # a node without children: nothing to analyse
        "(class_definition body: (block))",
    ],
)
def test_steps_a_field_does_not_decide_are_kept(source: str) -> None:
    assert field_wildcards(source) == source


def _kinds() -> list[str]:
    language = python_language()
    return sorted(
        {
            language.node_kind_for_id(kind)
            for kind in range(language.node_kind_count)
            if language.node_kind_is_named(kind) and language.node_kind_is_visible(kind)
        }
    )


def _can_have(kind: str, field: str) -> bool:
    """Whether tree-sitter's analysis of the grammar lets ``kind`` have a ``field`` child."""
    try:
        Query(python_language(), f"({kind} {field}: _)")  # no predicate: safe to free
    except QueryError:
        return False
    return True


# tree-sitter gives up analysing ``for_in_clause`` and accepts any field there,
# so its fields are read from parsed comprehensions instead (below).
_UNANALYSED = "for_in_clause"


@pytest.mark.parametrize("field", sorted(FIELD_OWNERS))
def test_each_field_belongs_to_its_node_type_alone(field: str) -> None:
    owners = [k for k in _kinds() if k != _UNANALYSED and _can_have(k, field)]
    assert owners == [FIELD_OWNERS[field]]


# Extras may stand anywhere, in a field too; they are leaves, and a rewritten step has children.
_LEAVES_ANYWHERE = ("comment", "line_continuation")


@pytest.mark.parametrize(("parent", "field"), sorted(FIELD_TYPES))
def test_each_field_holds_its_node_type_alone(parent: str, field: str) -> None:
    held = []
    for kind in _kinds():
        if kind in _LEAVES_ANYWHERE:
            continue
        try:
            Query(python_language(), f"({parent} {field}: ({kind}))")
        except QueryError:
            continue
        held.append(kind)
    assert held == [FIELD_TYPES[parent, field]]


def _all(node: Node) -> list[Node]:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack += current.children
    return out


def test_what_may_stand_anywhere_is_a_leaf() -> None:
    code = (
        b"class A:  # a\n    x = 1 + \\\n        2  # b\n    # c\n    def f(self):\n        pass\n"
    )
    nodes = _all(new_parser().parse(code).root_node)
    extras = [n for n in nodes if n.type in _LEAVES_ANYWHERE]
    assert {n.type for n in extras} == set(_LEAVES_ANYWHERE)
    assert all(n.child_count == 0 for n in extras)


def _owners(field: str) -> set[str]:
    owners = {kind for kind in _kinds() if kind != _UNANALYSED and _can_have(kind, field)}
    # The parse-based test below shows what the analysis cannot: its fields.
    return owners | ({_UNANALYSED} if field in ("left", "right") else set())


def _can_be_child(parent: str, kind: str) -> bool:
    try:
        Query(python_language(), f"({parent} ({kind}))")
    except QueryError:
        return False
    return True


@pytest.mark.parametrize(("parent", "field"), sorted(CHILD_FIELD_OWNERS))
def test_each_field_belongs_to_one_type_of_the_parents_children(parent: str, field: str) -> None:
    children = {kind for kind in _kinds() if _can_be_child(parent, kind)}
    assert children & _owners(field) == {CHILD_FIELD_OWNERS[parent, field]}


def _for_in_fields(node: Node, found: set[str]) -> None:
    for index, child in enumerate(node.children):
        if node.type == "for_in_clause":
            name = node.field_name_for_child(index)
            if name is not None:
                found.add(name)
        _for_in_fields(child, found)


def test_comprehension_clauses_have_none_of_these_fields() -> None:
    code = (
        b"a = [x.y for x, *y in f(z) if x]\n"
        b"b = {k: v async for (k, v) in g.items() for w in k[1] if not w}\n"
        b"c = (s for s in t, u)\n"
        b"d = {q for q in r if q is not None}\n"
    )
    found: set[str] = set()
    _for_in_fields(new_parser().parse(code).root_node, found)
    assert found == {"left", "right"}
    assert not found & set(FIELD_OWNERS)


def test_the_rule_query_has_rewritten_steps() -> None:
    rewritten = [e for e in load_registry().entries if "( _ " in e.source or "(_ " in e.source]
    assert len(rewritten) >= 10


@pytest.fixture(scope="module")
def as_written() -> Registry:
    return load_rules_from(ROOT / "server" / "pyiq" / "rules", merge=False)


def _findings(source: bytes, registry: Registry) -> list[tuple]:
    tree = new_parser().parse(source)
    return [
        (f.rule, f.start_byte, f.end_byte, f.message, f.construct_start, f.construct_end)
        for f in run_rules(tree, source, registry)
    ]


def _broken(cut: str) -> bytes:
    """``_pydecimal.py`` with a half-typed line at the first blank line past the middle."""
    text = PYDECIMAL.read_text()
    at = text.index("\n\n", len(text) // 2) + 1
    return (text[:at] + cut + text[at:]).encode()


@pytest.mark.parametrize(
    "cut",
    [
        "x = [value for value in range(10) if value is not None",
        "    self.attr.(\n",
        "class Broken(object.\n",
        "f(a=, b.c\n",
        "    def broken(self:\n",
        "if x\n    y = [\n",
        "class Half(Base):\nfor\n",
    ],
)
def test_broken_code_finds_the_same_as_the_rules_as_written(cut: str, as_written: Registry) -> None:
    # Error recovery builds ERROR nodes and odd shapes; a wildcard must not match any of them
    # where the written type would not.
    source = _broken(cut)
    assert _findings(source, load_registry()) == _findings(source, as_written)
