"""Exception handling that loses the exception: the bug risks of ``except`` and ``finally``.

return-in-finally (ruff's B012), raise-without-from (B904) and
try-except-pass (S110). Each walks only the statements its peer walks:
B012 looks into ``if`` (not ``elif``/``else``), ``try`` and ``with`` bodies
and match cases, and inside loops only for ``return``; B904 looks into every
branch of ``if``, loop and ``with`` bodies and match cases, but not into a
nested ``try``, which handles its own exceptions.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tree_sitter import Node

from pyiq.analysis.predicates.context import MatchContext
from pyiq.analysis.predicates.names import qualified_name

_JUMPS = frozenset({"return_statement", "break_statement", "continue_statement"})


def _block(node: Node, field: str = "body") -> Node | None:
    found = node.child_by_field_name(field)
    if found is not None and found.type == "block":
        return found
    return next((c for c in node.named_children if c.type == "block"), None)


def finally_jumps(ctx: MatchContext, nodes: Sequence[Node]) -> Iterator[Node]:
    """``return``/``break``/``continue`` statements of a ``finally`` block, as B012 finds them."""
    stack: list[tuple[Node, bool]] = [(block, False) for block in nodes]
    while stack:
        block, returns_only = stack.pop()
        for statement in block.named_children:
            kind = statement.type
            if kind in _JUMPS and (not returns_only or kind == "return_statement"):
                yield statement
            if kind in {"for_statement", "while_statement"}:
                inner = _block(statement)
                if inner is not None:
                    stack.append((inner, True))
            elif kind in {"if_statement", "try_statement", "with_statement"}:
                inner = _block(statement, "consequence" if kind == "if_statement" else "body")
                if inner is not None:
                    stack.append((inner, returns_only))
            elif kind == "match_statement":
                body = statement.child_by_field_name("body")
                for case in body.named_children if body is not None else ():
                    inner = _block(case, "consequence") if case.type == "case_clause" else None
                    if inner is not None:
                        stack.append((inner, returns_only))


def _handler_name(clause: Node, ctx: MatchContext) -> str | None:
    """``err`` of ``except E as err:``."""
    value = clause.child_by_field_name("value")
    if value is None or value.type != "as_pattern":
        return None
    alias = value.child_by_field_name("alias")
    if alias is None or not alias.named_children:
        return None
    target = alias.named_children[0]
    return ctx.text(target) if target.type == "identifier" else None


def _raises(body: Node) -> Iterator[Node]:
    """Raise statements B904's visitor reaches from a handler's body."""
    stack = [body]
    while stack:
        block = stack.pop()
        for statement in block.named_children:
            kind = statement.type
            if kind == "raise_statement":
                yield statement
            elif kind == "if_statement":
                for child in statement.named_children:
                    if child.type == "block":
                        stack.append(child)
                    elif child.type in {"elif_clause", "else_clause"}:
                        inner = _block(
                            child, "consequence" if child.type == "elif_clause" else "body"
                        )
                        if inner is not None:
                            stack.append(inner)
            elif kind in {"for_statement", "while_statement", "with_statement"}:
                inner = _block(statement)
                if inner is not None:
                    stack.append(inner)
            elif kind == "match_statement":
                cases = statement.child_by_field_name("body")
                for case in cases.named_children if cases is not None else ():
                    inner = _block(case, "consequence") if case.type == "case_clause" else None
                    if inner is not None:
                        stack.append(inner)


def raises_without_cause(ctx: MatchContext, nodes: Sequence[Node]) -> Iterator[Node]:
    """``raise X`` without ``from`` in an ``except`` body, other than re-raising the caught name."""
    for clause in nodes:
        body = _block(clause)
        if body is None or ctx.source.find(b"raise", body.start_byte, body.end_byte) < 0:
            continue
        name = _handler_name(clause, ctx)
        for statement in _raises(body):
            if statement.child_by_field_name("cause") is not None:
                continue
            raised = next((c for c in statement.named_children if c.type != "comment"), None)
            if raised is None:
                continue
            if name is not None and raised.type == "identifier" and ctx.text(raised) == name:
                continue
            yield statement


_BROAD = frozenset({"builtins.Exception", "builtins.BaseException"})


def _broad(node: Node, ctx: MatchContext) -> bool:
    return qualified_name(node, ctx) in _BROAD


def silent_handlers(ctx: MatchContext, nodes: Sequence[Node]) -> Iterator[Node]:
    """The ``except`` keyword of each handler S110 reports.

    A handler whose body is a lone ``pass``, for any exception or a broad
    one (``Exception``, ``BaseException``, or a tuple holding one).
    """
    for clause in nodes:
        if _silent(clause, ctx) and clause.children:
            yield clause.children[0]


def _silent(clause: Node, ctx: MatchContext) -> bool:
    body = _block(clause)
    if body is None:
        return False
    statements = [c for c in body.named_children if c.type != "comment"]
    if len(statements) != 1 or statements[0].type != "pass_statement":
        return False
    value = clause.child_by_field_name("value")
    if value is None:
        return True
    if value.type == "as_pattern" and value.named_children:
        value = value.named_children[0]
    while value.type == "parenthesized_expression" and value.named_children:
        value = value.named_children[0]
    if value.type == "tuple":
        return any(_broad(item, ctx) for item in value.named_children)
    return _broad(value, ctx)
