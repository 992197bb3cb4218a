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

from collections.abc import Iterable, Iterator
from typing import TypeVar

from tree_sitter import Node

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
            seen.add((rule_id, scope_of(root, earlier.start_byte)))
            first[rule_id] = None
        key = (rule_id, scope_of(root, finding.start_byte))
        if key not in seen:
            seen.add(key)
            yield item
