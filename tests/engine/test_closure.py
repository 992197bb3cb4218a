"""The closure rule decides from a byte search whether a nested body can read an outer name.

Walking a nested function's whole body is only needed when one of the
enclosing functions' names occurs there as a word the tree calls a read.
These cases sit on the edges of that search: names glued to other tokens in
broken code, blanks tree-sitter accepts that are not ASCII, declarations,
and every place a name occurs without being read. Each is checked against
the expected closures and against the walk alone.
"""

from __future__ import annotations

import pytest

from pyiq.analysis import analyze
from pyiq.analysis.predicates import concepts

OUTER = (
    "def outer():\n    abc = 1\n    g = 2\n\n    def inner():\n        {body}\n\n    return inner\n"
)

CASES = {
    # Broken code: the lexer ends a number and starts a name with nothing between.
    "glued to an integer": ("return 1abc", True),
    "glued to a hex literal": ("return 0xfg", True),
    "glued to an imaginary literal": ("return 1jabc", True),
    "glued to a non-ASCII error": ("return €abc", True),
    # Valid for tree-sitter: a zero-width space or a BOM is a blank between tokens.
    "after a zero-width space": ("return\u200babc", True),
    "after a byte order mark": ("return \ufeffabc", True),
    "declared nonlocal and assigned": ("nonlocal abc\n        abc = 3", True),
    "declared global and deleted": ("global g\n        del g", True),
    "read in a match pattern": ("match 1:\n            case abc.x:\n                pass", True),
    "read after look-alikes": ("return abcd, abc_, x.abc, 'abc', abc", True),
    "only longer names": ("return abcd + gg + _abc + abc1", False),
    "only attribute and keyword names": ("return x.abc, f(abc=1, g=2)", False),
    "only strings and comments": ("return 'abc g'  # abc", False),
    "bound by its own statements": ("abc = g = 3\n        return abc + g", False),
    "a parameter of its own nested function": ("def deeper(abc):\n            return abc", False),
}


def _closures(body: str) -> list[str]:
    source = OUTER.format(body=body).encode()
    return [f.message.split("`")[1] for f in analyze(source) if f.rule == "closure"]


@pytest.mark.parametrize("body, expected", CASES.values(), ids=CASES.keys())
def test_the_byte_search_agrees_with_the_walk(
    body: str, expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = _closures(body)
    assert found == (["inner"] if expected else [])
    monkeypatch.setattr(concepts, "_may_read", lambda _function, names, _ctx: bool(names))
    assert _closures(body) == found


def test_a_name_read_only_by_a_deeper_function_makes_that_one_the_closure() -> None:
    body = "def deeper():\n            return abc\n        return deeper"
    assert _closures(body) == ["deeper"]


def test_names_invented_for_broken_code_capture_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # tree-sitter fills the missing loop target and subscript with empty identifiers.
    source = b"def outer():\n    for in y:\n        pass\n\n    def inner():\n        return a[]\n"
    assert [f for f in analyze(source) if f.rule == "closure"] == []
    monkeypatch.setattr(concepts, "_may_read", lambda _function, names, _ctx: bool(names))
    assert [f for f in analyze(source) if f.rule == "closure"] == []


# The enclosing function binds ``{name}`` in the ways below; the nested one reads it.
ENCLOSING = "def outer(p):\n{binds}\n    def inner():\n        return {name}\n    return inner\n"
BINDINGS = {
    "a with target": ("    with open(p) as handle:\n        pass", "handle", True),
    "an except target": (
        "    try:\n        pass\n    except OSError as error:\n        pass",
        "error",
        True,
    ),
    "a with target inside a loop": (
        "    for _ in p:\n        with p as item:\n            pass",
        "item",
        True,
    ),
    "a walrus in a comprehension": ("    [y for x in p if (y := x)]", "y", True),
    "a name declared global": ("    global shared\n    shared = 1", "shared", False),
    # tree-sitter parses this without an error; Python rejects it, and it binds nothing.
    "an as-pattern in call arguments": ("    print(p as alias)", "alias", False),
}


@pytest.mark.parametrize("binds, name, expected", BINDINGS.values(), ids=BINDINGS.keys())
def test_enclosing_locals_read_from_bytes_agree_with_the_walk(
    binds: str, name: str, expected: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pyiq.analysis.language import new_parser
    from pyiq.analysis.predicates.context import MatchContext
    from pyiq.analysis.predicates.scopes import function_locals

    source = ENCLOSING.format(binds=binds, name=name).encode()
    closures = [f.message.split("`")[1] for f in analyze(source) if f.rule == "closure"]
    assert closures == (["inner"] if expected else [])
    tree = new_parser().parse(source)
    assert not tree.root_node.has_error
    outer = tree.root_node.children[0]
    fast = function_locals(outer, MatchContext(source, frozenset(), tree), reads=False)
    walked = function_locals(outer, MatchContext(source, frozenset(), tree))
    assert fast[:2] == walked[:2]
    assert (name in fast[0]) == expected
