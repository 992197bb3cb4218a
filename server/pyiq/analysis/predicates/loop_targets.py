"""Loop variables that clash with what the loop iterates or with what its body assigns.

loop-variable-overrides-iterator (ruff's B020) and redefined-loop-name
(PLW2901). Both compare names (PLW2901 also attribute and subscript
targets, structurally), so both search the loop's bytes for the target's
name first and ask the tree only where it occurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from tree_sitter import Node

from pyiq.analysis.imports import SAME_SCOPE_BLOCKS
from pyiq.analysis.predicates.class_members import is_mutable_value
from pyiq.analysis.predicates.context import MatchContext
from pyiq.analysis.predicates.names import qualified_name
from pyiq.analysis.predicates.nodes import (
    COMPREHENSION_TYPES,
    _inside_a_longer_name,
    descendants,
)
from pyiq.analysis.predicates.scopes import member_name

_WRAPPERS = frozenset(
    {
        "pattern_list",
        "tuple_pattern",
        "list_pattern",
        "tuple",
        "list",
        "parenthesized_expression",
        "expression_list",
        "list_splat_pattern",
        "list_splat",
    }
)


def _names_in(node: Node, ctx: MatchContext) -> dict[str, Node]:
    """Every name B020's ``NameFinder`` sees in an expression, by name (the last one wins).

    Comprehensions contribute their iterables only; a lambda its body's
    sub-expressions, less its plain parameters (removed from all names found
    so far, as ruff's finder does).
    """
    names: dict[str, Node] = {}

    def visit(expression: Node) -> None:
        stack = [expression]
        while stack:
            current = stack.pop()
            kind = current.type
            if kind == "identifier":
                if not member_name(current):
                    names[ctx.text(current)] = current
            elif kind in COMPREHENSION_TYPES:
                for clause in current.named_children:
                    if clause.type == "for_in_clause":
                        right = clause.children_by_field_name("right")
                        stack.extend(reversed(right))
            elif kind == "lambda":
                body = current.child_by_field_name("body")
                if body is not None:
                    for child in body.named_children:
                        visit(child)
                params = current.child_by_field_name("parameters")
                for param in params.named_children if params is not None else ():
                    name = _parameter(param)
                    if name is not None:
                        names.pop(ctx.text(name), None)
            elif kind == "keyword_argument":
                value = current.child_by_field_name("value")
                if value is not None:
                    stack.append(value)
            else:
                stack.extend(reversed(current.named_children))

    visit(node)
    return names


def _parameter(param: Node) -> Node | None:
    """The name of a plain (not ``*args``/``**kwargs``) lambda parameter."""
    if param.type == "identifier":
        return param
    if param.type in {"default_parameter", "typed_parameter", "typed_default_parameter"}:
        name = param.child_by_field_name("name")
        if name is None and param.named_children:
            name = param.named_children[0]
        return name if name is not None and name.type == "identifier" else None
    return None


def overriding_targets(ctx: MatchContext, nodes: Sequence[Node]) -> Iterator[Node]:
    """Names of a ``for`` target that its iterable also reads (B020)."""
    for loop in nodes:
        target = loop.child_by_field_name("left")
        iterable = loop.child_by_field_name("right")
        if target is None or iterable is None:
            continue
        if target.type == "identifier":
            wanted = {ctx.text(target): target}
        else:
            wanted = _names_in(target, ctx)
        text = ctx.source[iterable.start_byte : iterable.end_byte]
        if not any(name.encode() in text for name in wanted):
            continue
        read = _names_in(iterable, ctx)
        for name, node in wanted.items():
            if name in read:
                yield node


_DUMMY = re.compile(r"^(_+|(_+[a-zA-Z0-9_]*[a-zA-Z0-9]+?))$")


def _targets(node: Node, ctx: MatchContext) -> Iterator[Node]:
    """PLW2901's targets of one binding: names (not dummies), attributes, subscripts, unpacked."""
    stack = [node]
    while stack:
        current = stack.pop()
        kind = current.type
        if kind == "identifier":
            if not _DUMMY.match(ctx.text(current)):
                yield current
        elif kind in {"attribute", "subscript"}:
            yield current
        elif kind in {"list_splat_pattern", "list_splat"}:
            inner = current.named_children[0] if current.named_children else None
            if inner is not None:
                yield inner
        elif kind in _WRAPPERS:
            stack.extend(reversed(current.named_children))


def _with_targets(statement: Node, ctx: MatchContext) -> Iterator[Node]:
    clause = next((c for c in statement.named_children if c.type == "with_clause"), None)
    for item in clause.named_children if clause is not None else ():
        value = item.child_by_field_name("value")
        if value is None or value.type != "as_pattern":
            continue
        alias = value.child_by_field_name("alias")
        if alias is not None and alias.named_children:
            yield from _targets(alias.named_children[0], ctx)


def _shape(node: Node, ctx: MatchContext) -> str:
    """A target's structure, for comparing ``self.x`` with ``self . x`` or ``(x)`` with ``x``."""
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    if node.type == "identifier":
        return ctx.text(node)
    parts = []
    for leaf in descendants(node):
        if leaf.child_count == 0 and leaf.type != "comment":
            parts.append(ctx.text(leaf))
    return " ".join(parts)


_AUGMENTED_IN_PLACE = frozenset({"+=", "-=", "|=", "&=", "^="})
# Statements whose blocks run in the loop's scope: the engine's one set of them
# (shared with imports and scopes, so a clause kind such as `except*` cannot be
# known to one walk and missing from another).
_STATEMENT_BODIES = SAME_SCOPE_BLOCKS


def _is_cast_of(assignment: Node, ctx: MatchContext) -> bool:
    """``x = cast(T, x)``: the first target re-typed, which PLW2901 allows."""
    left = assignment.child_by_field_name("left")
    value = assignment.child_by_field_name("right")
    if left is None or value is None or left.type != "identifier" or value.type != "call":
        return False
    arguments = value.child_by_field_name("arguments")
    positional = [
        a
        for a in (arguments.named_children if arguments is not None else ())
        if a.type != "comment"
    ]
    if len(positional) != 2 or any(a.type == "keyword_argument" for a in positional):
        return False
    if positional[1].type != "identifier" or ctx.text(positional[1]) != ctx.text(left):
        return False
    callee = value.child_by_field_name("function")
    return callee is not None and qualified_name(callee, ctx) in {
        "typing.cast",
        "typing_extensions.cast",
    }


def _inner_targets(body: Node, ctx: MatchContext) -> Iterator[tuple[Node, str]]:
    """Targets the statements of a loop or ``with`` body bind, outside nested defs and classes."""
    stack = [body]
    while stack:
        node = stack.pop()
        for statement in node.named_children:
            kind = statement.type
            if kind == "expression_statement":
                for child in statement.named_children:
                    yield from _assignment_targets(child, ctx)
            elif kind == "for_statement":
                left = statement.child_by_field_name("left")
                if left is not None:
                    for target in _targets(left, ctx):
                        yield target, "for"
                stack.append(statement)
            elif kind == "with_statement":
                for target in _with_targets(statement, ctx):
                    yield target, "with"
                stack.append(statement)
            elif kind in _STATEMENT_BODIES:
                stack.append(statement)


def _assignment_targets(node: Node, ctx: MatchContext) -> Iterator[tuple[Node, str]]:
    if node.type == "augmented_assignment":
        operator = node.child_by_field_name("operator")
        value = node.child_by_field_name("right")
        if (
            operator is not None
            and ctx.text(operator) in _AUGMENTED_IN_PLACE
            and value is not None
            and is_mutable_value(value, ctx)
        ):
            return
        left = node.child_by_field_name("left")
        if left is not None:
            for target in _targets(left, ctx):
                yield target, "assignment"
        return
    if node.type != "assignment":
        return
    if node.child_by_field_name("type") is not None:
        if node.child_by_field_name("right") is None:
            return
    elif _is_cast_of(node, ctx):
        return
    current: Node | None = node
    while current is not None and current.type == "assignment":
        left = current.child_by_field_name("left")
        if left is not None:
            for target in _targets(left, ctx):
                yield target, "assignment"
        current = current.child_by_field_name("right")


def redefined_loop_names(ctx: MatchContext, nodes: Sequence[Node]) -> Iterator[Node]:
    """Targets in a ``for``/``with`` body that rebind the statement's own target (PLW2901).

    A plain name (nearly every loop) is searched for in the body's bytes and
    each occurrence asked whether it is a target PLW2901 counts: far fewer
    nodes than walking every statement of the body, and loops nest. Other
    targets (``for self.x in ...``) take the walk.
    """
    for statement in nodes:
        if statement.type == "with_clause" and statement.parent is not None:
            statement = statement.parent
        if statement.type == "for_statement":
            left = statement.child_by_field_name("left")
            outer = list(_targets(left, ctx)) if left is not None else []
        else:
            outer = list(_with_targets(statement, ctx))
        body = statement.child_by_field_name("body")
        if not outer or body is None:
            continue
        names = [t for t in outer if t.type == "identifier"]
        others = [t for t in outer if t.type != "identifier"]
        for name in {ctx.text(t) for t in names}:
            for found in _possible_stores(body, name.encode(), ctx.source):
                if _counts_as_inner_target(found, body, ctx):
                    yield found
        if others:
            text = ctx.source[body.start_byte : body.end_byte]
            if not any(_leaf_name(t, ctx).encode() in text for t in others):
                continue
            shapes = {_shape(t, ctx) for t in others}
            for target, _kind in _inner_targets(body, ctx):
                if target.type != "identifier" and _shape(target, ctx) in shapes:
                    yield target


# What can follow a name that is a target: `=` (not `==`), an augmented operator, a `,`
# or closing bracket of a tuple target, an annotation's `:`, `in` of a `for`, or the end
# of a `with ... as name` line. A name followed by `.`, `(`, `[` or an operator is read.
_AFTER_TARGET = re.compile(
    rb"[ \t]*(?:=(?!=)|[-+*/%&|^@]=|//=|\*\*=|>>=|<<=|[,)\]:]|in\b|\\|#|\r?\n|$)"
)


def _possible_stores(body: Node, name: bytes, source: bytes) -> Iterator[Node]:
    """Identifiers spelled ``name`` in ``body`` whose next bytes allow a target.

    A loop's variable is read all over its body; the bytes after each
    occurrence rule most reads out before the tree is asked what it is.
    """
    end = body.end_byte
    length = len(name)
    position = source.find(name, body.start_byte, end)
    while position >= 0:
        after = position + length
        if _AFTER_TARGET.match(source, after, end) and not _inside_a_longer_name(
            source, position, after
        ):
            node = body.descendant_for_byte_range(position, after)
            if node is not None and node.type == "identifier" and node.end_byte == after:
                yield node
        position = source.find(name, position + 1, end)


_NESTED = frozenset({"function_definition", "class_definition", "lambda"})


def _counts_as_inner_target(name: Node, body: Node, ctx: MatchContext) -> bool:
    """Whether this occurrence of a name is a target ``_inner_targets`` would yield."""
    root = name
    parent = name.parent
    while parent is not None and parent.type in _WRAPPERS:
        root, parent = parent, parent.parent
    if parent is None:
        return False
    kind = parent.type
    if kind == "for_statement":
        if parent.child_by_field_name("left") != root:
            return False
        statement = parent
    elif kind == "as_pattern_target":
        pattern = parent.parent
        item = pattern.parent if pattern is not None else None
        if item is None or item.type != "with_item":
            return False
        statement = item.parent.parent if item.parent is not None else None
    elif kind in {"assignment", "augmented_assignment"}:
        if parent.child_by_field_name("left") != root:
            return False
        top = parent
        while top.parent is not None and top.parent.type == "assignment":
            if kind == "augmented_assignment":
                return False
            top = top.parent
        statement = top.parent
        if statement is None or statement.type != "expression_statement":
            return False
        if not any(
            target == name for target, _ in _assignment_targets(top, ctx)
        ):  # annotation without value, cast, in-place update of a mutable value
            return False
    else:
        return False
    if statement is None:
        return False
    node = statement.parent
    while node is not None and node != body:
        if node.type in _NESTED:
            return False
        node = node.parent
    return node == body


def _leaf_name(target: Node, ctx: MatchContext) -> str:
    """The last name of a target (``x`` of ``self.x``), to search the body's bytes for."""
    node = target
    while node.type in {"attribute", "subscript"}:
        inner = node.child_by_field_name("attribute") if node.type == "attribute" else None
        if inner is not None:
            return ctx.text(inner)
        node = node.child_by_field_name("value") or node.named_children[0]
    return ctx.text(node)
