"""Calls that misbehave in asyncio code: blocking sleeps and tasks nobody keeps.

blocking-sleep-in-async (ruff's ASYNC251) and dangling-task (RUF006). The
event loop holds only a weak reference to a task, so a task whose result is
neither stored nor awaited can be garbage-collected mid-flight; and
``time.sleep`` in a coroutine stops the whole loop, not just the coroutine.
"""

from __future__ import annotations

from tree_sitter import Node

from pyiq.analysis.predicates.context import Args, Captures, MatchContext, captured_nodes, per_node
from pyiq.analysis.predicates.names import qualified_name
from pyiq.analysis.predicates.nodes import (
    COMPREHENSION_TYPES,
    NESTED_SCOPES,
    ancestors,
    identifiers,
    name_context,
)


def _in_async_function(node: Node) -> bool:
    """ruff's ``in_async_context``: the innermost function scope (comprehensions are transparent)
    is an ``async def``; a lambda or class body in between is not async."""
    child = node
    for ancestor in ancestors(node):
        kind = ancestor.type
        if kind == "function_definition":
            if ancestor.child_by_field_name("body") == child:
                return any(c.type == "async" for c in ancestor.children)
        elif kind in {"lambda", "class_definition"}:
            if ancestor.child_by_field_name("body") == child:
                return False
        child = ancestor
    return False


def blocking_sleep(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """``time.sleep`` called inside an ``async def`` (ASYNC251)."""
    for callee in captured_nodes(args, captures):
        if qualified_name(callee, ctx) != "time.sleep" or not _in_async_function(callee):
            return False
    return True


_TASK_FUNCTIONS = frozenset({"asyncio.create_task", "asyncio.ensure_future"})
_LOOP_FACTORIES = frozenset(
    {"asyncio.get_event_loop", "asyncio.get_running_loop", "asyncio.new_event_loop"}
)
_SCOPES = frozenset({"function_definition", "lambda", "class_definition", "module"})


def _scope_of(node: Node) -> Node | None:
    """The function, class or module whose own scope ``node`` is in."""
    child = node
    for ancestor in ancestors(node):
        kind = ancestor.type
        if kind == "module":
            return ancestor
        if kind in _SCOPES and ancestor.child_by_field_name("body") == child:
            return ancestor
        child = ancestor
    return None


def _body(scope: Node) -> Node:
    return scope if scope.type == "module" else (scope.child_by_field_name("body") or scope)


def _own_scope(node: Node, scope: Node) -> bool:
    """``node`` lies in ``scope`` itself, not in a function or class nested in it."""
    return _scope_of(node) == scope


def _assignment_statement(identifier: Node) -> Node | None:
    """The assignment whose single plain target is ``identifier``."""
    assignment = identifier.parent
    if assignment is None or assignment.type != "assignment":
        return None
    if assignment.child_by_field_name("left") != identifier:
        return None
    return assignment


def _resolved_assignment(name_node: Node, ctx: MatchContext) -> Node | None:
    """The assignment that binds the name read at ``name_node``: the last one in its scope
    before the read, or, in a nested function, the last one of the scope that binds it."""
    name = ctx.text(name_node).encode()
    scope = _scope_of(name_node)
    while scope is not None:
        body = _body(scope)
        found: Node | None = None
        bound = False
        for other in identifiers(body, name, ctx.source):
            if other == name_node or not _own_scope(other, scope):
                continue
            if name_context(other) != "store":
                continue
            if scope == _scope_of(name_node) and other.start_byte > name_node.start_byte:
                continue
            bound = True
            assignment = _assignment_statement(other)
            found = assignment
        if bound:
            return found
        if scope.type == "module":
            return None
        parent = scope.parent
        scope = _scope_of(parent) if parent is not None else None
        while scope is not None and scope.type == "class_definition":
            parent = scope.parent
            scope = _scope_of(parent) if parent is not None else None
    return None


def _is_task_call(call: Node, ctx: MatchContext) -> bool:
    """``asyncio.create_task(...)``/``ensure_future(...)``, or ``loop.create_task(...)`` on a
    loop from ``asyncio.get_event_loop()`` and the like."""
    callee = call.child_by_field_name("function")
    if callee is None:
        return False
    if qualified_name(callee, ctx) in _TASK_FUNCTIONS:
        return True
    if callee.type != "attribute":
        return False
    attribute = callee.child_by_field_name("attribute")
    receiver = callee.child_by_field_name("object")
    if attribute is None or receiver is None or ctx.text(attribute) != "create_task":
        return False
    if receiver.type != "identifier":
        return False
    assignment = _resolved_assignment(receiver, ctx)
    value = assignment.child_by_field_name("right") if assignment is not None else None
    if value is None or value.type != "call":
        return False
    factory = value.child_by_field_name("function")
    return factory is not None and qualified_name(factory, ctx) in _LOOP_FACTORIES


def dangling_task(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """A task created and dropped: an expression statement, or a name never read (RUF006).

    The capture is the callee's last name (``create_task``); the call holds it.
    """
    for name in captured_nodes(args, captures):
        call = name.parent
        if call is not None and call.type == "attribute":
            call = call.parent
        if call is None or call.type != "call":
            return False
        if not _is_task_call(call, ctx):
            return False
        parent = call.parent
        if parent is not None and parent.type == "expression_statement":
            continue
        if parent is None or parent.type != "assignment" or not _unused_binding(parent, ctx):
            return False
    return True


@per_node("dangling-bindings")
def _bindings(scope: Node, ctx: MatchContext, name: str) -> tuple[list[Node], list[Node], bool]:
    """The stores of ``name`` in the scope, its reads there, and whether a nested scope reads it.

    Also whether the scope declares it ``global``/``nonlocal`` (then ruff skips it): returned
    as a read from a nested scope, since both mean "leave the binding alone".
    """
    stores: list[Node] = []
    reads: list[Node] = []
    nested = False
    for node in identifiers(_body(scope), name.encode(), ctx.source):
        context = name_context(node)
        own = _own_scope(node, scope) or _in_comprehension_of(node, scope)
        parent = node.parent
        if parent is not None and parent.type in {"global_statement", "nonlocal_statement"}:
            if _own_scope(node, scope):
                nested = True
            continue
        if context == "load":
            if own:
                reads.append(node)
            else:
                nested = True
        elif context == "store" and _own_scope(node, scope):
            stores.append(node)
    return stores, reads, nested


def _in_comprehension_of(node: Node, scope: Node) -> bool:
    """A read inside a comprehension of ``scope``: ruff resolves it where it stands."""
    for ancestor in ancestors(node):
        if ancestor == scope:
            return False
        if ancestor.type in NESTED_SCOPES - COMPREHENSION_TYPES:
            return False
        if ancestor.type in COMPREHENSION_TYPES:
            return _scope_of(ancestor) == scope
    return False


def _unused_binding(assignment: Node, ctx: MatchContext) -> bool:
    """``task = create_task(...)`` whose binding nothing reads, as ruff's RUF006 judges it.

    A read binds to the last store before it in the scope; a read from a
    nested function to the last store of all. When the last store is read,
    ruff leaves every earlier one alone too.
    """
    target = assignment.child_by_field_name("left")
    statement = assignment.parent
    if target is None or target.type != "identifier" or statement is None:
        return False
    if statement.type != "expression_statement":
        return False
    scope = _scope_of(target)
    if scope is None:
        return False
    stores, reads, nested = _bindings(scope, ctx, ctx.text(target))
    if nested or not stores:
        return False

    points = [_bound_at(store) for store in stores]

    def used(index: int) -> bool:
        low = points[index]
        high = points[index + 1] if index + 1 < len(points) else None
        return any(r.start_byte >= low and (high is None or r.start_byte < high) for r in reads)

    if used(len(stores) - 1):
        return False
    index = next((i for i, s in enumerate(stores) if s == target), None)
    return index is not None and not used(index)


def _bound_at(store: Node) -> int:
    """Where a store takes effect: after the assignment's value, else at the name itself."""
    for ancestor in ancestors(store):
        if ancestor.type in {"assignment", "augmented_assignment", "named_expression"}:
            return ancestor.end_byte
        if ancestor.type.endswith("statement") or ancestor.type == "block":
            break
    return store.end_byte
