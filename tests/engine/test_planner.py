"""The planned query finds exactly what the rules find when compiled as written."""

from __future__ import annotations

import gc
import sys
import sysconfig
from pathlib import Path

import pytest
from tree_sitter import Query, QueryCursor

from pyiq.analysis.engine import run_rules
from pyiq.analysis.language import new_parser, python_language
from pyiq.analysis.planner import (
    Member,
    PlanError,
    evaluate,
    parse_pattern,
    split_patterns,
)
from pyiq.analysis.predicates import MatchContext
from pyiq.analysis.registry import Registry, load_registry, load_rules_from

ROOT = Path(__file__).resolve().parents[2]
STDLIB = Path(sysconfig.get_paths()["stdlib"])
SAMPLES = sorted((ROOT / "tests" / "rules").glob("*/*.py")) + sorted(
    (ROOT / "examples").glob("*.py")
)
STDLIB_SAMPLES = [
    STDLIB / name
    for name in (
        "_pydecimal.py",
        "argparse.py",
        "dataclasses.py",
        "functools.py",
        "typing.py",
        "asyncio/base_events.py",
        "unittest/mock.py",
        "logging/__init__.py",
        "concurrent/futures/process.py",
        "collections/__init__.py",
    )
]


@pytest.fixture(scope="module")
def as_written() -> Registry:
    return load_rules_from(ROOT / "server" / "pyiq" / "rules", merge=False)


def _findings(path: Path, registry: Registry) -> list[tuple]:
    source = path.read_bytes()
    tree = new_parser().parse(source)
    return [
        (f.rule, f.start_byte, f.end_byte, f.message, f.construct_start, f.construct_end)
        for f in run_rules(tree, source, registry)
    ]


@pytest.mark.parametrize("path", SAMPLES + STDLIB_SAMPLES, ids=lambda p: p.name)
def test_planned_and_as_written_queries_agree(path: Path, as_written: Registry) -> None:
    planned = _findings(path, load_registry())
    assert planned == _findings(path, as_written)


def test_rules_that_share_a_shape_become_one_pattern() -> None:
    registry = load_registry()
    patterns = sum(len(entry.members) for entry in registry.entries)
    assert len(registry.entries) <= patterns * 0.6


def test_shapes_ignore_capture_names_predicates_and_a_redundant_group() -> None:
    one = parse_pattern('((call function: (identifier) @f) @call (#eq? @f "print") (#set! id "x"))')
    other = parse_pattern('(call function: (identifier) @name (#any-of? @name "len")) @usage')
    assert one.shape == "( call function: ( identifier ) @_p0 ) @_p1"
    assert other.shape == "( call function: ( identifier ) @_p0 ) @_p1"
    assert one.captures == ("f", "call")
    assert other.captures == ("name", "usage")
    assert [p.name for p in one.predicates] == ["eq?"]
    assert one.settings == (("id", "x"),)


def test_a_sibling_group_is_not_mistaken_for_a_redundant_one() -> None:
    pattern = parse_pattern("((comment) @doc . (function_definition) @fn)")
    assert pattern.shape.startswith("( ( comment )")


def test_string_escapes_follow_tree_sitter() -> None:
    pattern = parse_pattern(r'((identifier) @x (#match? @x "^a\\.b\"c$"))')
    assert pattern.predicates[0].args == (("x", "capture"), ('^a\\.b"c$', "string"))


def test_patterns_split_at_top_level_with_their_trailing_captures() -> None:
    source = ';; doc (not a pattern)\n(a (b) @x) @y\n\n[(c) (d)] @z\n((e) @w (#eq? @w ")"))\n'
    assert split_patterns(source) == [
        "(a (b) @x) @y",
        "[(c) (d)] @z",
        '((e) @w (#eq? @w ")"))',
    ]
    with pytest.raises(PlanError):
        split_patterns("(a (b)")
    with pytest.raises(PlanError):
        split_patterns("identifier")


TEXT_PREDICATES = [
    '(#eq? @x "b")',
    '(#not-eq? @x "b")',
    '(#any-eq? @x "b")',
    '(#any-not-eq? @x "b")',
    '(#match? @x "^[ab]$")',
    '(#not-match? @x "^[ab]$")',
    '(#any-match? @x "^b")',
    '(#any-not-match? @x "^b")',
    '(#any-of? @x "a" "b")',
    "(#eq? @x @y)",
    "(#not-eq? @x @y)",
]


@pytest.mark.parametrize("predicate", TEXT_PREDICATES)
@pytest.mark.parametrize("code", [b"f(a, b)\n", b"f(b, b)\n", b"f(a)\n", b"f()\n"])
def test_text_predicates_in_python_agree_with_tree_sitter(predicate: str, code: bytes) -> None:
    # A quantified capture (every argument) is where the semantics are subtle.
    shape = "(call arguments: (argument_list (identifier)* @x) @y"
    tree = new_parser().parse(code)
    native = Query(python_language(), f"({shape} {predicate}))")
    expected = len(QueryCursor(native).matches(tree.root_node))
    plain = Query(python_language(), f"({shape}))")
    pattern = parse_pattern(f"({shape} {predicate}))")
    member = Member.of(None, {}, pattern.predicates)  # type: ignore[arg-type]
    ctx = MatchContext(code, tree=tree)
    accepted = [
        captures
        for _, captures in QueryCursor(plain).matches(tree.root_node)
        if evaluate(member, captures, ctx)
    ]
    assert len(accepted) == expected


def test_matching_leaves_no_reference_to_the_tree() -> None:
    # py-tree-sitter leaks every captured node when matches() gets a predicate
    # callback, and each node keeps its tree alive: the planned query needs none.
    source = (ROOT / "examples" / "cart.py").read_bytes()
    tree = new_parser().parse(source)
    before = sys.getrefcount(tree)
    assert run_rules(tree, source, load_registry())
    gc.collect()
    assert sys.getrefcount(tree) == before
    assert not load_registry().needs_callback


def _rule_file(directory: Path, rule_id: str, patterns: str, message: str) -> None:
    meta = (
        f'(#set! id "{rule_id}") (#set! name "{rule_id}") (#set! category "concept")'
        f' (#set! severity "hint") (#set! message "{message}")'
    )
    first, _, rest = patterns.partition("\n")
    (directory / f"{rule_id}.scm").write_text(
        f";; {rule_id}\n{first.removesuffix(')')} {meta})\n{rest}", encoding="utf-8"
    )


CALL_RULES = {
    "callee": ('((call function: (identifier) @name) (#eq? @name "f"))', "{name}"),
    "call": ('((call function: (identifier) @_callee) @call (#eq? @_callee "g"))', "{call}"),
    "attribute-call": ('((call function: (attribute) @name) (#eq? @name "m.f"))', "{name}"),
    "either": (
        '((call function: [(identifier) (attribute)] @usage) (#any-of? @usage "h" "m.h"))',
        "{usage}",
    ),
}
CALLS = b"f(1)\ng(2)\nm.f(3)\nh(4)\nm.h(5)\nn.h(6)\nk(7)\n"


@pytest.fixture(scope="module")
def call_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("rules")
    for rule_id, (pattern, message) in CALL_RULES.items():
        _rule_file(directory, rule_id, pattern, message)
    return directory


def test_patterns_that_differ_in_captures_alone_run_as_one(call_rules: Path) -> None:
    # ``callee`` and ``call`` match the same calls; ``either`` joins the
    # identifier and attribute patterns as two halves split by its names.
    registry = load_rules_from(call_rules)
    assert len(registry.entries) == 2
    assert sorted(len(entry.members) for entry in registry.entries) == [2, 3]
    tree = new_parser().parse(CALLS)
    found = [
        (f.rule, f.start_byte, f.end_byte, f.message, f.span_start, f.span_end)
        for f in run_rules(tree, CALLS, registry)
    ]
    as_written = load_rules_from(call_rules, merge=False)
    expected = [
        (f.rule, f.start_byte, f.end_byte, f.message, f.span_start, f.span_end)
        for f in run_rules(tree, CALLS, as_written)
    ]
    assert found == expected
    assert [(rule, message) for rule, _, _, message, _, _ in found] == [
        ("callee", "f"),
        ("call", "g(2)"),
        ("attribute-call", "m.f"),
        ("either", "h"),
        ("either", "m.h"),
    ]
    # Each member's span is its own captures': ``callee`` does not take the call's.
    assert found[0][4:] == (0, 1)


def test_a_match_outside_the_edited_ranges_is_left_alone(call_rules: Path) -> None:
    registry = load_rules_from(call_rules)
    tree = new_parser().parse(CALLS)
    # The second line only: ``g(2)``'s call, captured by the merged pattern for
    # both rules, reports ``call``; ``callee`` has nothing there.
    found = run_rules(tree, CALLS, registry, ranges=[(5, 9)])
    assert [(f.rule, f.message) for f in found] == [("call", "g(2)")]
