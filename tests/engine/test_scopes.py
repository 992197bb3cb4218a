"""Scope bindings: one statement-level analysis, which a function's locals extend.

Builtin detection asks which names a scope's statements bind; the closure
rule asks for a function's local variables, which are those bindings plus
what its expressions bind, less what it declares global or nonlocal.
"""

from __future__ import annotations

from tree_sitter import Node

from pyiq.analysis import Document
from pyiq.analysis.language import new_parser
from pyiq.analysis.predicates import MatchContext, shadowed_builtins
from pyiq.analysis.predicates.scopes import bound_names, function_locals

SOURCE = b"""def outer(a, *args, b=1, **kw):
    global g
    g = x = 0
    y += 1
    for i, (j, k) in pairs:
        pass
    with open(path) as fh:
        pass
    try:
        pass
    except OSError as err:
        pass
    if (n := len(a)) > 1:
        from m import v as w
    total = [c * c for c in range(n)]

    def inner():
        return x + free

    class K:
        attr = 1
"""
STATEMENT_BOUND = {"a", "args", "b", "kw", "g", "x", "y", "i", "j", "k", "fh", "err", "w"}
STATEMENT_BOUND |= {"total", "inner", "K"}


def _parse() -> tuple[Node, MatchContext]:
    tree = new_parser().parse(SOURCE)
    return tree.root_node.children[0], MatchContext(SOURCE, tree=tree)


def test_a_scope_binds_what_its_statements_bind() -> None:
    outer, ctx = _parse()
    # Not the walrus target n, nor the comprehension's c, nor K's attr.
    assert bound_names(outer, ctx) == STATEMENT_BOUND


def test_a_functions_locals_add_expression_bindings_but_not_comprehension_targets() -> None:
    outer, ctx = _parse()
    local, declared, _ = function_locals(outer, ctx, reads=False)
    # The walrus target is the function's; the comprehension's `c` is the comprehension's.
    assert local == (STATEMENT_BOUND | {"n"}) - {"g"}
    assert declared == {"g"}
    # Nor is `c` read by the function; its first iterable, `range(n)`, is.
    _, _, reads = function_locals(outer, ctx)
    assert "c" not in reads
    assert {"range", "n"} <= reads
    # The statement-level answer is shared, not altered by the extension.
    assert bound_names(outer, ctx) == STATEMENT_BOUND


def test_a_nested_function_reads_its_free_names() -> None:
    outer, ctx = _parse()
    inner = next(
        node
        for node in outer.child_by_field_name("body").named_children
        if node.type == "function_definition"
    )
    assert function_locals(inner, ctx) == (set(), set(), {"x", "free"})


def test_a_top_level_statement_shadows_the_builtins_it_binds() -> None:
    source = b"for id, list in pairs:\n    type = 1\n"
    statement = new_parser().parse(source).root_node.children[0]
    assert shadowed_builtins(statement, source) == frozenset({"id", "list", "type"})


def test_a_global_statement_at_module_level_hides_no_import() -> None:
    # `global` at module level is a no-op to Python, and ruff reads it so
    # (PLW0604 calls it redundant, S506 still sees both calls as yaml.load).
    source = (
        b"from yaml import load as load_yaml\nglobal load_yaml\nload_yaml(s)\n\n"
        b"def f():\n    return load_yaml(s)\n"
    )
    found = [f.start_byte for f in Document(source).raw_findings if f.rule == "unsafe-yaml-load"]
    assert found == [source.index(b"load_yaml(s)\n\n"), source.rindex(b"load_yaml(s)")]
