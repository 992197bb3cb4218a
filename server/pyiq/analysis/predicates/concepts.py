"""Predicates of the concept rules: conditions that need a walk or a negation a query cannot say.

Each stays within one scope (or searches the bytes of one) so that its
cost stays linear in the file.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from pyiq.analysis.predicates.context import (
    Args,
    Captures,
    MatchContext,
    captured_nodes,
    string_args,
)
from pyiq.analysis.predicates.names import is_builtin
from pyiq.analysis.predicates.nodes import (
    FUNCTION_TYPES,
    LOOP_TYPES,
    SCOPE_TYPES,
    ancestors,
    descendants,
    identifiers,
    occurrences,
    owner,
)
from pyiq.analysis.predicates.scopes import bound_names, function_locals, member_name


def imported_module(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The identifier names a module imported at the top of the file."""
    nodes = captured_nodes(args, captures)
    return bool(nodes) and all(ctx.text(n) in ctx.module_imports for n in nodes)


def not_imported_module(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The node is not a name bound by a top-level import (negation of imported-module)."""
    return not any(ctx.text(n) in ctx.module_imports for n in captured_nodes(args, captures))


_DEF_OR_CLASS = frozenset({"function_definition", "class_definition"})


def calls_itself(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The function's body calls the function by its own name.

    Calls inside nested defs and classes belong to them; lambdas run on the
    function's behalf and count.
    """
    for function in captured_nodes(args, captures):
        name = function.child_by_field_name("name")
        body = function.child_by_field_name("body")
        if name is None or body is None:
            continue
        own = ctx.source[name.start_byte : name.end_byte]
        for node in identifiers(body, own, ctx.source):
            call = node.parent
            if call is None or call.type != "call" or call.child_by_field_name("function") != node:
                continue
            if owner(call, _DEF_OR_CLASS) == function:
                return True
    return False


def in_loop(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The node runs inside a loop body of its own function."""
    for node in captured_nodes(args, captures):
        for ancestor in ancestors(node):
            if ancestor.type in SCOPE_TYPES:
                break
            if ancestor.type in LOOP_TYPES:
                return True
    return False


def not_decorator(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The node is not a decorator's expression, nor the callee of one.

    ``@app.get("/items")`` calls a method named ``get``, but it registers a
    route; what a rule about ``dict.get`` says would be false there.
    """
    for node in captured_nodes(args, captures):
        parent = node.parent
        if parent is not None and parent.type == "call":
            if parent.child_by_field_name("function") == node:
                node, parent = parent, parent.parent
        if parent is not None and parent.type == "decorator":
            return False
    return True


def yields(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The function's own body yields (nested defs, lambdas and classes excluded).

    A ``yield`` turns the enclosing ``def`` into a generator function, but only
    the innermost one: each ``yield`` keyword in the body is attributed to
    its nearest scope.
    """
    for function in captured_nodes(args, captures):
        body = function.child_by_field_name("body")
        if body is None:
            continue
        for node in occurrences(body, b"yield", ctx.source):
            if node.type == "yield" and owner(node, SCOPE_TYPES) == function:
                return True
    return False


def not_assigned_to_name(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The lambda is not one the bug-risk rule lambda-assignment reports.

    That rule (ruff E731) takes ``name = lambda: ...`` as a statement, with
    at most one pair of parentheses around the lambda, and an annotated
    ``name: T = lambda: ...`` outside class bodies. Every other lambda is the
    concept, so each lambda gets exactly one of the two findings.
    """
    for node in captured_nodes(args, captures):
        child, parent = node, node.parent
        if parent is not None and parent.type == "parenthesized_expression":
            child, parent = parent, parent.parent
        if parent is None or parent.type != "assignment":
            continue
        statement = parent.parent
        left = parent.child_by_field_name("left")
        if (
            parent.child_by_field_name("right") != child
            or left is None
            or left.type != "identifier"
            or statement is None
            or statement.type != "expression_statement"
        ):
            continue
        if parent.child_by_field_name("type") is None:
            return False
        scope = next((a for a in ancestors(parent) if a.type in SCOPE_TYPES), None)
        if scope is None or scope.type != "class_definition":
            return False
    return True


def _may_read(function: Node, names: set[str], ctx: MatchContext) -> bool:
    """Whether ``function``'s body may read one of ``names``; False is certain.

    A read is an identifier in the body, so a name whose bytes occur there
    nowhere, or only inside longer names, strings, comments and attribute or
    keyword names, is not read. Searching the bytes beats walking every node
    of the body: a bracket left open while typing can make a dozen methods
    nested functions of the one being edited, and each would be walked. The
    names the function's statements bind (parameters, assignments, defs) are
    its own locals, never read from outside, unless a ``nonlocal`` or
    ``global`` statement (which the bytes would show) declares one.
    """
    body = function.child_by_field_name("body")
    if body is None or not names:
        return False
    source = ctx.source
    text = source[body.start_byte : body.end_byte]
    if b"nonlocal" not in text and b"global" not in text:
        names = names - bound_names(function, ctx)
    for name in names:
        needle = name.encode("utf-8", "surrogatepass")
        if any(not member_name(node) for node in identifiers(body, needle, source)):
            return True
    return False


def _functions_around(node: Node | None, ctx: MatchContext) -> tuple[Node, ...]:
    """``node`` if it is a function or lambda, then every one around it, innermost first.

    Memoized per node for the run: the methods of a class share their
    block's answer. tree-sitter finds a parent by descending from the root,
    so asking each method's chain anew costs a scan of the class per method.
    """
    memo = ctx.memo
    pending: list[Node] = []
    found: tuple[Node, ...] = ()
    while node is not None:
        known = memo.get(("functions-around", node.id))
        if known is not None:
            found = known
            break
        pending.append(node)
        node = node.parent
    for holder in reversed(pending):
        if holder.type in FUNCTION_TYPES:
            found = (holder, *found)
        memo[("functions-around", holder.id)] = found
    return found


def closure(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """A nested function reads a name that an enclosing function binds.

    Class bodies in between are skipped, as Python's name resolution does;
    only the nested function's own body counts (defaults and decorators run
    in the enclosing scope).
    """
    for function in captured_nodes(args, captures):
        # Most functions (top-level ones, methods) have no enclosing function.
        outers = _functions_around(function.parent, ctx)
        if not outers:
            continue
        enclosing: set[str] = set()
        for outer in outers:
            enclosing |= function_locals(outer, ctx, reads=False)[0]
        # A name tree-sitter had to invent for broken code is empty: no variable.
        enclosing.discard("")
        if not _may_read(function, enclosing, ctx):
            continue
        local, declared, loads = function_locals(function, ctx)
        if ((loads - local) | declared) & enclosing:
            return True
    return False


def defines_methods(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The class (or its body) defines every method named in the arguments."""
    wanted = set(string_args(args))
    for block in captured_nodes(args, captures):
        if block.type == "class_definition":
            block = block.child_by_field_name("body") or block
        names: set[str] = set()
        for statement in block.named_children:
            if statement.type == "decorated_definition":
                statement = statement.child_by_field_name("definition") or statement
            if statement.type == "function_definition":
                name = statement.child_by_field_name("name")
                if name is not None:
                    names.add(ctx.text(name))
        if wanted <= names:
            return True
    return False


def without_argument(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The call's arguments do not pass ``keyword`` with a value matching ``pattern``.

    Arguments: the argument list capture, the keyword, a regular expression
    for the value and optionally the keyword's positional index (``Loader`` is
    the second positional parameter of ``yaml.load``).
    """
    strings = string_args(args)
    if len(strings) < 2:
        return True
    keyword, pattern = strings[0], re.compile(strings[1])
    position = int(strings[2]) if len(strings) > 2 else None
    for arguments in captured_nodes(args, captures):
        positional = 0
        for argument in arguments.named_children:
            if argument.type == "keyword_argument":
                name = argument.child_by_field_name("name")
                value = argument.child_by_field_name("value")
                if name is not None and value is not None and ctx.text(name) == keyword:
                    if pattern.search(ctx.text(value)):
                        return False
            elif argument.type != "comment":
                if positional == position and pattern.search(ctx.text(argument)):
                    return False
                positional += 1
    return True


def argument_count(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The argument list holds exactly N arguments (comments are not arguments).

    Queries can anchor the first and last argument but not forbid others in
    between without listing every expression type, which costs tree-sitter
    a state per alternative at every call.
    """
    wanted = int(string_args(args)[0])
    return all(
        sum(1 for child in node.named_children if child.type != "comment") == wanted
        for node in captured_nodes(args, captures)
    )


def mutates_loop_iterable(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The captured object is the sequence a surrounding ``for`` loop of the same scope iterates.

    Anchored on the mutation (``items.remove(x)``, ``del items[i]``) so the
    finding lands on it; iterating a copy (``items[:]``, ``list(items)``) is
    the fix and does not match, because only plain names and attributes are
    compared.
    """
    for obj in captured_nodes(args, captures):
        seq = ctx.text(obj)
        previous = obj
        for ancestor in ancestors(obj):
            if ancestor.type in SCOPE_TYPES:
                break
            in_body = ancestor.child_by_field_name("body") == previous
            if ancestor.type == "for_statement" and in_body:
                iterated = ancestor.child_by_field_name("right")
                if (
                    iterated is not None
                    and iterated.type in {"identifier", "attribute"}
                    and ctx.text(iterated) == seq
                    and not _rebound_in(previous, seq, ctx)
                ):
                    return True
            previous = ancestor
    return False


def _rebound_in(body: Node, name: str, ctx: MatchContext) -> bool:
    """The block assigns a new object to ``name``: later mutations hit that one."""
    for node in descendants(body, stop=SCOPE_TYPES):
        if node.type == "assignment":
            left = node.child_by_field_name("left")
            if left is not None and ctx.text(left) == name:
                return True
    return False


def builtin(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The identifier is the builtin of that name (not shadowed, not imported).

    ``filter(tarinfo)`` with a parameter called ``filter`` is not the
    built-in ``filter``; concept rules about builtins ask this first.
    """
    nodes = captured_nodes(args, captures)
    return bool(nodes) and all(is_builtin(n, ctx) for n in nodes)
