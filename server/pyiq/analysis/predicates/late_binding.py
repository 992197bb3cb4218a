"""loop-variable-closure (ruff's B023): names a closure reads that an enclosing loop rebinds.

The rule's reporter, ``late_bound_names``, and the facts it uses. Which
names a function "binds" follows ruff's B023, not Python's scoping: names
stored anywhere in its body count, nested functions included.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from tree_sitter import Node

from pyiq.analysis.predicates.context import MatchContext, per_node
from pyiq.analysis.predicates.nodes import (
    COMPREHENSION_TYPES,
    FUNCTION_TYPES,
    LOOP_TYPES,
    ancestors,
    descendants,
    name_context,
    occurrences,
    target_names,
)
from pyiq.analysis.predicates.scopes import parameter_names


@per_node("function")
def _function_facts(function: Node, ctx: MatchContext) -> tuple[set[str], set[str]]:
    """Names a function or lambda body may not borrow from a loop: its own bindings.

    Mirrors ruff's B023: parameters, names stored anywhere in the body, and
    for a ``def`` also the parameters of lambdas in its body.
    """
    own = parameter_names(function, ctx)
    stored: set[str] = set()
    body = function.child_by_field_name("body")
    if body is not None:
        nodes = [body] if body.type == "identifier" else list(descendants(body))
        for node in nodes:
            if node.type == "identifier":
                if name_context(node) == "store":
                    stored.add(ctx.text(node))
            elif node.type == "lambda" and function.type == "function_definition":
                own |= parameter_names(node, ctx)
    return own, stored


@per_node("loop")
def _loop_assigned(loop: Node, ctx: MatchContext) -> set[str]:
    """Names a loop or comprehension (re)assigns, not looking into defs or lambdas."""
    names: set[str] = set()
    nodes = [loop, *descendants(loop, stop=frozenset({"function_definition", "lambda"}))]
    for node in nodes:
        if node.type in {"assignment", "augmented_assignment", "for_statement", "for_in_clause"}:
            left = node.child_by_field_name("left")
            if left is not None:
                names.update(target_names(left, ctx))
    return names


_KEY_FUNCTIONS = frozenset({"filter", "reduce", "map"})


def _safe_lambda(lam: Node, ctx: MatchContext) -> bool:
    """Lambdas ruff's B023 trusts to run at once.

    Those returned, passed positionally to map/filter/reduce, or passed as ``key=``.
    """
    node, parent = lam, lam.parent
    while parent is not None and parent.type == "parenthesized_expression":
        node, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type == "return_statement":
        return True
    if parent.type == "keyword_argument":
        name = parent.child_by_field_name("name")
        return (
            parent.child_by_field_name("value") == node
            and name is not None
            and (ctx.text(name) == "key")
        )
    if parent.type == "argument_list" and parent.parent is not None:
        callee = parent.parent.child_by_field_name("function")
        if callee is None:
            return False
        text = ctx.text(callee)
        return (callee.type == "identifier" and text in _KEY_FUNCTIONS) or text == (
            "functools.reduce"
        )
    return False


_LOOPS_AND_COMPREHENSIONS = LOOP_TYPES | COMPREHENSION_TYPES


def _late_bound(name_node: Node, ctx: MatchContext) -> bool:
    """The identifier is read by a def/lambda body but rebound by an enclosing loop.

    Same reasoning as ruff's B023: for every enclosing loop or comprehension,
    the outermost function between it and the name must not bind the name
    itself (parameter or assignment), while the loop assigns it.
    """
    if name_context(name_node) != "load":
        return False
    name = ctx.text(name_node)
    function: Node | None = None
    child = name_node
    for ancestor in ancestors(name_node):
        kind = ancestor.type
        if kind in FUNCTION_TYPES:
            in_body = ancestor.child_by_field_name("body") == child
            if kind == "lambda" and _safe_lambda(ancestor, ctx):
                pass
            else:
                function = ancestor if in_body else None
        elif kind in _LOOPS_AND_COMPREHENSIONS and function is not None:
            own, stored = _function_facts(function, ctx)
            if name not in own and name not in stored and name in _loop_assigned(ancestor, ctx):
                return True
        child = ancestor
    return False


def _loop_body_of(node: Node) -> Node | None:
    """The innermost ``for``/``while`` body, or loop ``else:`` body, holding the node.

    ruff's B023 examines defs in a loop's ``else:`` clause too: it runs once,
    after the loop, but still sees the loop variable's last value late.
    """
    child = node
    for ancestor in ancestors(node):
        owner = ancestor
        if ancestor.type == "else_clause" and ancestor.parent is not None:
            owner = ancestor.parent
        if owner.type in LOOP_TYPES and ancestor.child_by_field_name("body") == child:
            return child
        child = ancestor
    return None


def _is_closure(node: Node) -> bool:
    """What loop-variable-closure examines: every lambda, and every def in a loop body."""
    return node.type == "lambda" or (
        node.type == "function_definition" and _loop_body_of(node) is not None
    )


def _defs_in_loop_body(body: Node, ctx: MatchContext) -> Iterator[Node]:
    """The defs whose innermost enclosing loop body is ``body``, at any depth.

    Searching the body's bytes for the keyword finds them without walking
    every node of the loop; each def belongs to one loop body only.
    """
    for keyword in occurrences(body, b"def", ctx.source):
        function = keyword.parent
        if (
            keyword.type == "def"
            and function is not None
            and function.type == "function_definition"
            and _loop_body_of(function) == body
        ):
            yield function


def _closure_names(closure: Node) -> Iterator[Node]:
    """The identifiers in a closure's body, except those in the bodies of closures nested in it.

    A nested closure is examined on its own, so each identifier is reported
    by exactly one closure: the same finding, with the same span, whether a
    whole file or only an edited region is analysed. A nested closure's
    parameters, defaults and annotations are evaluated in the enclosing body
    and belong to it. A def's statements are not names themselves, only
    what they hold.
    """
    body = closure.child_by_field_name("body")
    if body is None:
        return
    if closure.type == "lambda":
        stack = [body]
    else:
        stack = [s for s in reversed(body.named_children) if s.type != "identifier"]
    while stack:
        node = stack.pop()
        kind = node.type
        if kind == "identifier":
            yield node
        elif kind in FUNCTION_TYPES:
            inner = node.child_by_field_name("body") if _is_closure(node) else None
            stack.extend(c for c in reversed(node.named_children) if c != inner)
        else:
            stack.extend(reversed(node.named_children))


def late_bound_names(ctx: MatchContext, scopes: Sequence[Node]) -> Iterator[Node]:
    """Reporter of loop-variable-closure: the names closures read late (ruff's B023).

    Each scope is a lambda or a loop body, whose defs (at any depth) are the
    closures examined: a query can only enumerate names, or defs, down to a
    fixed depth, with one costly pattern per depth. The findings' span is
    their scope. Besides the scope, ``_late_bound`` reads only loops,
    functions and calls that hold the name, so each lies inside the scope
    or holds it, and the statement a document re-analyses for an edit in
    them holds the scope too.
    """
    for scope in scopes:
        closures = [scope] if scope.type == "lambda" else _defs_in_loop_body(scope, ctx)
        for closure in closures:
            yield from (name for name in _closure_names(closure) if _late_bound(name, ctx))
