"""Reading the construct around a finding from the tree-sitter tree.

Detection is the engine's job; generators only need to find, near a
finding, the few names and literals a template reuses (the function's
name, the loop variable, the default value). These helpers walk parents
iteratively, as everything in pyiq does, because files may nest deeply.
"""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from pyiq.quiz.sites import Site

FUNCTIONS = ("function_definition",)
LOOPS = ("for_statement", "while_statement")
SCOPES = ("function_definition", "class_definition", "lambda", "module")


def text(site: Site, node: Node | None) -> str:
    if node is None:
        return ""
    return site.file.source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def spanning(site: Site, start: int, end: int, types: tuple[str, ...] = ()) -> Node | None:
    """The node covering exactly ``start``-``end`` (of one of ``types``, if given)."""
    node: Node | None = site.file.tree.root_node.descendant_for_byte_range(start, end)
    found: Node | None = None
    while node is not None and node.start_byte == start and node.end_byte == end:
        if not types or node.type in types:
            found = node
            if types:
                return found
        node = node.parent
    return found


def reported(site: Site, types: tuple[str, ...] = ()) -> Node | None:
    """The finding's reported node."""
    return spanning(site, site.finding.start_byte, site.finding.end_byte, types)


def construct(site: Site, types: tuple[str, ...] = ()) -> Node | None:
    """The finding's whole construct (e.g. the function definition)."""
    return spanning(site, site.finding.construct_start, site.finding.construct_end, types)


def ancestors(node: Node) -> Iterator[Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def enclosing(node: Node, types: tuple[str, ...], stop: tuple[str, ...] = ()) -> Node | None:
    """The nearest ancestor of one of ``types``, not looking past a ``stop`` type."""
    for parent in ancestors(node):
        if parent.type in types:
            return parent
        if parent.type in stop:
            return None
    return None


def name_of(site: Site, node: Node | None) -> str:
    """The ``name`` field's text (a def's or class's name), or ''."""
    if node is None:
        return ""
    return text(site, node.child_by_field_name("name"))


def parameter_names(site: Site, function: Node) -> list[str]:
    """Plain parameter names of a def, in order (splats and defaults included)."""
    params = function.child_by_field_name("parameters")
    names: list[str] = []
    for child in params.named_children if params is not None else ():
        if child.type == "identifier":
            names.append(text(site, child))
        elif child.type in ("default_parameter", "typed_default_parameter"):
            names.append(text(site, child.child_by_field_name("name")))
        elif child.type == "typed_parameter":
            first = child.named_children[0] if child.named_children else None
            if first is not None and first.type == "identifier":
                names.append(text(site, first))
    return names


def identifiers_in(node: Node) -> Iterator[Node]:
    """Identifier nodes under ``node`` (including itself), in source order."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "identifier":
            yield current
        stack.extend(reversed(current.named_children))
