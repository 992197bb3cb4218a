"""Tree walks and node kinds that every predicate shares.

They walk with parent links, tree cursors and explicit stacks, never
recursion, so a 500-deep expression cannot exhaust the stack.
"""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from pyiq.analysis.predicates.context import MatchContext

FUNCTION_TYPES = frozenset({"function_definition", "lambda"})
SCOPE_TYPES = frozenset({"function_definition", "lambda", "class_definition", "module"})
COMPREHENSION_TYPES = frozenset(
    {"list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"}
)
LOOP_TYPES = frozenset({"for_statement", "while_statement"})
# Nodes with a scope of their own: their bindings stay out of the enclosing one.
NESTED_SCOPES = frozenset({"function_definition", "class_definition", "lambda"}) | (
    COMPREHENSION_TYPES
)


def ancestors(node: Node) -> Iterator[Node]:
    """The node's parent, its parent's parent, and so on up to the module."""
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def descendants(node: Node, stop: frozenset[str] = frozenset()) -> Iterator[Node]:
    """Pre-order walk without recursion; does not enter nodes whose type is in ``stop``."""
    cursor = node.walk()
    depth = 0
    while True:
        current = cursor.node
        assert current is not None
        if depth > 0:
            yield current
        entered = False
        if depth == 0 or current.type not in stop:
            entered = cursor.goto_first_child()
        if entered:
            depth += 1
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return
            depth -= 1
            if depth == 0:
                return


def occurrences(
    within: Node, needle: bytes, source: bytes, start: int = 0, end: int | None = None
) -> Iterator[Node]:
    """The smallest node around each occurrence of ``needle`` in ``within``'s bytes.

    Finding a rare word by searching the bytes and asking the tree what is
    there beats walking every node of a body in Python; callers check the
    node's type, so hits in strings, comments and longer names drop out.
    ``start`` and ``end`` narrow the search to part of those bytes.
    """
    if not needle:
        return
    end = within.end_byte if end is None else min(end, within.end_byte)
    position = source.find(needle, max(start, within.start_byte), end)
    while position >= 0:
        node = within.descendant_for_byte_range(position, position + len(needle))
        if node is not None:
            yield node
        position = source.find(needle, position + len(needle), end)


# ASCII bytes that can continue a name.
_NAME_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_DIGITS = frozenset(b"0123456789")
_DOT = ord(".")


def _inside_a_longer_name(source: bytes, start: int, end: int) -> bool:
    """Whether bytes ``start``-``end`` lie inside a longer name, so no identifier is exactly them.

    The lexer takes the longest name: an identifier never ends right before
    an ASCII letter, digit or underscore, and never starts right after one
    unless a number ends there, as in broken code that glues a name to a
    number (``1abc``, ``0xfg`` and ``1.e5abc`` lex as a number and a name).
    A run of name bytes before ``start`` that begins with a digit or follows
    a dot could be such a number, and is left to the tree. Other bytes bound
    no name: tree-sitter takes some non-ASCII spaces (a zero-width space)
    for blanks.
    """
    if end < len(source) and source[end] in _NAME_BYTES:
        return True
    run = start
    while run > 0 and source[run - 1] in _NAME_BYTES:
        run -= 1
    if run == start or source[run] in _DIGITS:
        return False
    return not (run > 0 and source[run - 1] == _DOT)


def identifiers(
    within: Node, name: bytes, source: bytes, start: int = 0, end: int | None = None
) -> Iterator[Node]:
    """The identifiers spelled ``name`` in ``within`` (between ``start`` and ``end``).

    Hits inside longer words, which short names have by the thousand in a
    large file (``re`` in every ``return``), are dropped by their bytes
    before the tree is asked about them.
    """
    if not name:
        return
    length = len(name)
    end = within.end_byte if end is None else min(end, within.end_byte)
    position = source.find(name, max(start, within.start_byte), end)
    while position >= 0:
        if not _inside_a_longer_name(source, position, position + length):
            node = within.descendant_for_byte_range(position, position + length)
            if (
                node is not None
                and node.type == "identifier"
                and node.end_byte - node.start_byte == length
            ):
                yield node
        position = source.find(name, position + 1, end)


def owner(node: Node, scopes: frozenset[str]) -> Node | None:
    """The nearest ancestor whose type is one of ``scopes``."""
    for ancestor in ancestors(node):
        if ancestor.type in scopes:
            return ancestor
    return None


_TARGET_WRAPPERS = frozenset(
    {
        "pattern_list",
        "tuple_pattern",
        "list_pattern",
        "list_splat_pattern",
        "parenthesized_expression",
        "tuple",
        "list",
        "expression_list",
    }
)


def target_names(target: Node, ctx: MatchContext) -> list[str]:
    """Names an assignment, loop or ``as`` target binds, with tuples and lists unpacked."""
    names: list[str] = []
    stack = [target]
    while stack:
        node = stack.pop()
        if node.type == "identifier":
            names.append(ctx.text(node))
        elif node.type in _TARGET_WRAPPERS:
            stack.extend(node.named_children)
    return names


_PARAMETER_PARENTS = frozenset({"parameters", "lambda_parameters", "typed_parameter"})
_NOT_A_NAME_PARENTS = frozenset(
    {
        "import_statement",
        "import_from_statement",
        "dotted_name",
        "aliased_import",
        "global_statement",
        "nonlocal_statement",
        "delete_statement",
    }
)


def name_context(node: Node) -> str:
    """``load``, ``store`` or ``other`` (not a variable reference) for an identifier."""
    parent = node.parent
    if parent is None:
        return "load"
    kind = parent.type
    if kind in _NOT_A_NAME_PARENTS or kind in _PARAMETER_PARENTS:
        return "other"
    if kind in {"attribute", "keyword_argument", "function_definition", "class_definition"}:
        field = "attribute" if kind == "attribute" else "name"
        if parent.child_by_field_name(field) == node:
            return "other"
    if kind in {"default_parameter", "typed_default_parameter"}:
        return "other" if parent.child_by_field_name("name") == node else "load"
    if kind in {"list_splat_pattern", "dictionary_splat_pattern"}:
        grand = parent.parent
        if grand is not None and grand.type in _PARAMETER_PARENTS:
            return "other"
    if kind == "as_pattern_target":
        grand = parent.parent
        clause = grand.parent if grand is not None else None
        return "other" if clause is not None and clause.type == "except_clause" else "store"
    if kind == "expression_list" and parent.parent is not None:
        if parent.parent.type == "delete_statement":
            return "other"
    child, current = node, parent
    while current.type in _TARGET_WRAPPERS and current.parent is not None:
        child, current = current, current.parent
    kind = current.type
    if kind in {"assignment", "augmented_assignment", "for_statement", "for_in_clause"}:
        if current.child_by_field_name("left") == child:
            return "store"
    elif kind == "named_expression" and current.child_by_field_name("name") == child:
        return "store"
    return "load"
