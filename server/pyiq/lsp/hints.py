"""Which concept findings become hints: teaching moments, not lint.

A concept hinted on every occurrence teaches once and then clutters: the
standard library carries one hint every eleven lines that way, and users of
tools like this switch such hints off, after which nothing teaches. So by
default (``conceptHints: "oncePerScope"``) a concept is hinted at its first
occurrence in each scope (a function, class or module body, the innermost
one around it), and a concept its rule marks as everyday idiom
(``#set! hints "once-per-file"``: ``x is None``, ``__init__``, ``super()``,
measured by ``benchmarks/hint_density.py --idioms``) only at its first
occurrence in the file. Every concept found in a file is still hinted at
least once, and hover answers on every occurrence whatever is hinted.
``"everyOccurrence"`` hints them all, ``"none"`` none. Bug risks are
always shown: they are not lessons but defects.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TypeVar

from tree_sitter import Node, Query, QueryCursor

from pyiq.analysis import Finding
from pyiq.analysis.registry import Registry

HINT_MODES = ("oncePerScope", "everyOccurrence", "none")
SCOPES = frozenset({"function_definition", "class_definition"})
MODULE = -1

T = TypeVar("T")


def scope_of(root: Node, at: int) -> int:
    """The start byte of the innermost function or class whose body holds ``at``; -1: module.

    A definition's own name, parameters and decorators belong to the scope
    around it: ``def __init__`` is an occurrence in its class body.
    """
    node: Node | None = root.descendant_for_byte_range(at, at)
    while node is not None:
        if node.type == "block":
            parent = node.parent
            if parent is not None and parent.type in SCOPES:
                return parent.start_byte
        node = node.parent
    return MODULE


# Look-ups walked up the tree before the bodies are indexed instead: at least
# INDEX_AFTER, and one per BYTES_PER_WALK bytes of source. The index is a query
# over the whole tree, about 15 ns a byte (3.5 ms for SQLAlchemy's 230 KB
# `schema.py`), and a walk about 5 us: indexing after 64 walks made every
# keystroke's publish in that file pay the query, 4.4 ms of server time where
# walking its 270 look-ups costs 1.3 ms.
INDEX_AFTER = 64
BYTES_PER_WALK = 300


@cache
def _bodies_query() -> Query:
    from pyiq.analysis.registry import compile_query

    return compile_query(
        "(function_definition body: (block) @body) (class_definition body: (block) @body)"
    )


class Scopes:
    """``scope_of`` for many offsets in one tree: walks at first, then a bisection each.

    A minified line of 90,000 lambdas asks for 90,000 scopes; walking the
    tree for each took most of a publish (and of a VS Code hover, which
    asks which findings are shown). Past the walks' break-even (see
    ``INDEX_AFTER``), every
    function and class body is found once with a query, and an offset's
    innermost body is a bisection plus a climb through enclosing bodies. An
    offset on the very edge of a body asks the tree, as ``scope_of`` does.
    """

    def __init__(self, root: Node) -> None:
        self._root = root
        self._walks = 0
        self._limit = max(INDEX_AFTER, root.end_byte // BYTES_PER_WALK)
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._owners: list[int] = []
        self._parents: list[int] = []

    def _index(self) -> list[int]:
        captured = QueryCursor(_bodies_query()).captures(self._root).get("body", [])
        bodies = sorted(
            {(n.start_byte, -n.end_byte, n.parent.start_byte) for n in captured if n.parent}
        )
        starts, stack = [], []  # stack: indexes of the bodies enclosing the current one
        for index, (start, neg_end, owner) in enumerate(bodies):
            while stack and self._ends[stack[-1]] <= start:
                stack.pop()
            starts.append(start)
            self._ends.append(-neg_end)
            self._owners.append(owner)
            self._parents.append(stack[-1] if stack else -1)
            stack.append(index)
        return starts

    def __call__(self, at: int) -> int:
        if self._starts is None:
            if self._walks < self._limit:
                self._walks += 1
                return scope_of(self._root, at)
            self._starts = self._index()
        index = bisect.bisect_right(self._starts, at) - 1
        while index >= 0:
            start, end = self._starts[index], self._ends[index]
            if at in (start, end):
                return scope_of(self._root, at)  # on a body's edge: as the tree says
            if at < end:
                return self._owners[index]
            index = self._parents[index]
        return MODULE


def hinted(
    items: Iterable[tuple[Finding, T]], registry: Registry, root: Node, mode: str
) -> Iterator[tuple[Finding, T]]:
    """The items (findings in source order, each with its payload) that the mode shows.

    A concept's scope is looked up only from its second occurrence on: most
    concepts occur once in a file, and each lookup walks the tree.
    """
    if mode == "everyOccurrence":
        yield from items
        return
    seen: set[tuple[str, int]] = set()
    # Per scoped concept: its first finding until a second occurrence asks
    # for scopes, then None (the first one's scope is in ``seen``).
    first: dict[str, Finding | None] = {}
    once: set[str] = set()
    scope = Scopes(root)
    for item in items:
        finding = item[0]
        rule = registry.get(finding.rule)
        if rule is None or rule.is_bug_risk:
            yield item
            continue
        if mode == "none":
            continue
        rule_id = rule.id
        if rule.hints == "once-per-file":
            if rule_id not in once:
                once.add(rule_id)
                yield item
            continue
        if rule_id not in first:
            first[rule_id] = finding
            yield item
            continue
        earlier = first[rule_id]
        if earlier is not None:
            seen.add((rule_id, scope(earlier.start_byte)))
            first[rule_id] = None
        key = (rule_id, scope(finding.start_byte))
        if key not in seen:
            seen.add(key)
            yield item
