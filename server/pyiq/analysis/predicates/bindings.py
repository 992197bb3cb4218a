"""Predicates about bindings: builtin shadowing (A001) and ABCs with nothing abstract (B024).

Both read one definition or one target and the scope that holds it, never
the rest of the file, so incremental analysis stays exact.
"""

from __future__ import annotations

from tree_sitter import Node

from pyiq.analysis.predicates.context import Args, Captures, MatchContext, captured_nodes
from pyiq.analysis.predicates.names import may_resolve_into, qualified_name
from pyiq.analysis.predicates.nodes import NESTED_SCOPES, name_context, owner


def _in_class_scope(node: Node) -> bool:
    """The nearest scope around ``node`` is a class body (comprehensions and lambdas are scopes)."""
    scope = owner(node, NESTED_SCOPES)
    return scope is not None and scope.type == "class_definition"


def _except_target(identifier: Node) -> bool:
    target = identifier.parent
    pattern = target.parent if target is not None else None
    clause = pattern.parent if pattern is not None else None
    return (
        target is not None
        and target.type == "as_pattern_target"
        and clause is not None
        and clause.type == "except_clause"
    )


_UNPACKING = frozenset(
    {"tuple", "list", "parenthesized_expression", "tuple_pattern", "list_pattern"}
)


def _is_store(identifier: Node) -> bool:
    """A stored name: ``name_context`` says so, or it is unpacked by a ``with ... as (a, b)``."""
    if name_context(identifier) == "store":
        return True
    holder = identifier.parent
    while holder is not None and holder.type in _UNPACKING:
        holder = holder.parent
    return holder is not None and holder.type == "as_pattern_target" and holder != identifier.parent


def shadows_builtin(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The identifier binds a variable, function or class of a builtin's name (A001).

    Like ruff: a store of the name outside a class body (class attributes
    and methods live in the class namespace, not the builtins' scope), a
    ``def`` outside a class body, any ``class`` and any ``except ... as``
    name. Parameters (A002), imports (A004) and ``case`` captures are left
    to other rules, as ruff does.
    """
    nodes = captured_nodes(args, captures)
    for node in nodes:
        parent = node.parent
        if parent is None:
            return False
        if parent.type == "class_definition" and parent.child_by_field_name("name") == node:
            continue
        if parent.type == "function_definition" and parent.child_by_field_name("name") == node:
            if _in_class_scope(parent):
                return False
            continue
        if _except_target(node):
            continue
        if not _is_store(node) or _in_class_scope(node):
            return False
    return bool(nodes)


_ABSTRACT_DECORATORS = frozenset(
    f"abc.{name}"
    for name in (
        "abstractmethod",
        "abstractclassmethod",
        "abstractstaticmethod",
        "abstractproperty",
    )
)


def _declares_abstract(statement: Node, ctx: MatchContext) -> bool:
    """An abstract method, or a bare annotation (flake8-bugbear's abstract attribute)."""
    if statement.type == "expression_statement":
        inner = [c for c in statement.named_children if c.type != "comment"]
        return (
            len(inner) == 1
            and inner[0].type == "assignment"
            and inner[0].child_by_field_name("type") is not None
            and inner[0].child_by_field_name("right") is None
        )
    if statement.type != "decorated_definition":
        return False
    definition = statement.child_by_field_name("definition")
    if definition is None or definition.type != "function_definition":
        return False
    for decorator in statement.named_children:
        if decorator.type != "decorator":
            continue
        expression = next((c for c in decorator.named_children if c.type != "comment"), None)
        if expression is not None and qualified_name(expression, ctx) in _ABSTRACT_DECORATORS:
            return True
    return False


def _is_abc(arguments: Node, ctx: MatchContext) -> bool:
    """Exactly one base or keyword: ``abc.ABC``, or ``metaclass=abc.ABCMeta``."""
    items = [c for c in arguments.named_children if c.type != "comment"]
    if len(items) != 1:
        return False
    item = items[0]
    if item.type == "keyword_argument":
        name = item.child_by_field_name("name")
        value = item.child_by_field_name("value")
        return (
            name is not None
            and value is not None
            and ctx.text(name) == "metaclass"
            and qualified_name(value, ctx) == "abc.ABCMeta"
        )
    return qualified_name(item, ctx) == "abc.ABC"


def abc_without_abstract(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The class derives from ``abc.ABC`` alone and declares nothing abstract (B024)."""
    classes = captured_nodes(args, captures)
    if not may_resolve_into("abc", ctx):
        return False
    for klass in classes:
        arguments = klass.child_by_field_name("superclasses")
        body = klass.child_by_field_name("body")
        if arguments is None or body is None or not _is_abc(arguments, ctx):
            return False
        if any(_declares_abstract(statement, ctx) for statement in body.named_children):
            return False
    return bool(classes)


def not_abc_without_abstract(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """Negation: the concept rule leaves the classes B024 reports to the bug risk."""
    return not any(
        abc_without_abstract(ctx, [("c", "capture")], {"c": [klass]})
        for klass in captured_nodes(args, captures)
    )
