"""Predicates of bug risks about one statement or expression: its shape decides.

``assert (x, "msg")`` (F631), ``not x in y`` (E713), a loop ``else`` with
no ``break`` (PLW0120) and ``return value`` in ``__init__`` (PLE0101): each
mirrors its ruff peer, whose notion of the shape is the Python AST's, where
parentheses leave no node.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tree_sitter import Node

from pyiq.analysis.predicates.context import (
    Args,
    Captures,
    MatchContext,
    captured_nodes,
    string_args,
)
from pyiq.analysis.predicates.nodes import NESTED_SCOPES, descendants


def unparenthesized(node: Node) -> Node:
    """What a parenthesized expression holds, through any number of parentheses."""
    while node.type == "parenthesized_expression":
        inner = [child for child in node.named_children if child.type != "comment"]
        if len(inner) != 1:
            break
        node = inner[0]
    return node


def non_empty_tuple(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The expression is a tuple display with at least one element (F631's assert test)."""
    for node in captured_nodes(args, captures):
        node = unparenthesized(node)
        if node.type != "tuple" or not any(c.type != "comment" for c in node.named_children):
            return False
    return bool(captured_nodes(args, captures))


def only_operator(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The comparison has exactly one operator, of the given kind (``in``, not ``not in``)."""
    wanted = set(string_args(args))
    for comparison in captured_nodes(args, captures):
        operators = comparison.children_by_field_name("operators")
        if len(operators) != 1 or operators[0].type not in wanted:
            return False
    return bool(captured_nodes(args, captures))


def _exits_early(block: Node) -> bool:
    """ruff's ``loop_exits_early``: a ``break`` in the block, looking into compound statements.

    ``if``/``with``/``try``/``match`` bodies count, and of a nested loop
    only its ``else`` (its own body's ``break`` leaves the nested loop).
    """
    stack = [block]
    while stack:
        node = stack.pop()
        for statement in node.named_children:
            kind = statement.type
            if kind == "break_statement":
                return True
            if kind in {"for_statement", "while_statement"}:
                alternative = statement.child_by_field_name("alternative")
                if alternative is not None:
                    stack.append(alternative)
            elif kind in {"block", "else_clause", "elif_clause", "except_clause", "finally_clause"}:
                stack.append(statement)
            elif kind in {"if_statement", "with_statement", "try_statement", "case_clause"}:
                stack.append(statement)
            elif kind == "match_statement":
                body = statement.child_by_field_name("body")
                if body is not None:
                    stack.append(body)
    return False


def no_break(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The loop body never ``break``s, so its ``else`` always runs (PLW0120)."""
    bodies = captured_nodes(args, captures)
    return bool(bodies) and not any(_exits_early(body) for body in bodies)


_METHOD_DECORATORS = frozenset({"staticmethod", "classmethod"})


def is_method(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The function is defined in a class body and is neither static nor a classmethod."""
    for function in captured_nodes(args, captures):
        holder = function.parent
        if holder is not None and holder.type == "decorated_definition":
            for decorator in holder.named_children:
                if decorator.type != "decorator":
                    continue
                names = [ctx.text(c) for c in decorator.named_children if c.type != "comment"]
                if names and names[0] in _METHOD_DECORATORS:
                    return False
            holder = holder.parent
        scope = holder.parent if holder is not None and holder.type == "block" else None
        if scope is None or scope.type != "class_definition":
            return False
    return bool(captured_nodes(args, captures))


def _returns_value(statement: Node) -> bool:
    """``return x`` with an ``x`` other than ``None`` (``return`` and ``return None`` are fine)."""
    values = [c for c in statement.named_children if c.type != "comment"]
    return bool(values) and unparenthesized(values[0]).type != "none"


def value_returns(ctx: MatchContext, functions: Sequence[Node]) -> Iterable[Node]:
    """The function's own ``return <value>`` statements (nested defs and classes excluded)."""
    for function in functions:
        body = function.child_by_field_name("body")
        # Most bodies return nothing at all: their bytes say so without a walk.
        if (
            body is None
            or body.type != "block"
            or ctx.source.find(b"return", body.start_byte, body.end_byte) < 0
        ):
            continue
        for node in descendants(body, stop=NESTED_SCOPES):
            if node.type == "return_statement" and _returns_value(node):
                yield node
