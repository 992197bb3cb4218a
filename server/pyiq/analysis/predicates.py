"""Python predicates, for the few conditions a tree-sitter query cannot say.

Each predicate is named ``pyiq-<what>?`` in a rule file and receives the
match's captures. They walk the tree with parent links and bounded loops,
never recursion, so a 500-deep expression cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tree_sitter import Node

FUNCTION_TYPES = frozenset({"function_definition", "lambda"})
SCOPE_TYPES = frozenset({"function_definition", "lambda", "class_definition", "module"})
COMPREHENSION_TYPES = frozenset(
    {"list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"}
)
LOOP_TYPES = frozenset({"for_statement", "while_statement"})


@dataclass(slots=True)
class MatchContext:
    """What predicates may look at besides the match: the source and the file."""

    source: bytes
    module_imports: frozenset[str] = field(default_factory=frozenset)

    def text(self, node: Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")


Args = list[tuple[str, str]]
Captures = dict[str, list[Node]]
Predicate = Callable[[MatchContext, Args, Captures], bool]


def _captured(args: Args, captures: Captures, position: int = 0) -> list[Node]:
    captured = [value for value, kind in args if kind == "capture"]
    if position >= len(captured):
        return []
    return captures.get(captured[position], [])


def _strings(args: Args) -> list[str]:
    return [value for value, kind in args if kind == "string"]


def ancestors(node: Node) -> Iterator[Node]:
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
        # moved to a sibling at the same depth


def target_names(target: Node, ctx: MatchContext) -> set[str]:
    """Names bound by an assignment or loop target (tuples and lists unpacked)."""
    names: set[str] = set()
    if target.type == "identifier":
        names.add(ctx.text(target))
        return names
    if target.type in {"pattern_list", "tuple_pattern", "list_pattern", "tuple", "list"}:
        for child in target.named_children:
            names |= target_names(child, ctx)
    elif target.type in {"list_splat_pattern", "parenthesized_expression"}:
        for child in target.named_children:
            names |= target_names(child, ctx)
    return names


def _parameter_names(function: Node, ctx: MatchContext) -> set[str]:
    names: set[str] = set()
    params = function.child_by_field_name("parameters")
    if params is None:
        return names
    for param in params.named_children:
        if param.type == "identifier":
            names.add(ctx.text(param))
            continue
        name = param.child_by_field_name("name")
        if name is not None:
            names.add(ctx.text(name))
            continue
        for child in param.named_children:
            if child.type == "identifier":
                names.add(ctx.text(child))
                break
    return names


def _loop_bound_names(loop: Node, ctx: MatchContext) -> set[str]:
    """Names a loop rebinds on every iteration: its targets and body assignments."""
    names: set[str] = set()
    if loop.type == "for_statement":
        left = loop.child_by_field_name("left")
        if left is not None:
            names |= target_names(left, ctx)
    elif loop.type in COMPREHENSION_TYPES:
        for child in loop.named_children:
            if child.type == "for_in_clause":
                left = child.child_by_field_name("left")
                if left is not None:
                    names |= target_names(left, ctx)
        return names
    body = loop.child_by_field_name("body")
    if body is None:
        return names
    for node in descendants(body, stop=SCOPE_TYPES):
        if node.type in {"assignment", "augmented_assignment"}:
            left = node.child_by_field_name("left")
            if left is not None:
                names |= target_names(left, ctx)
        elif node.type == "named_expression":
            name = node.child_by_field_name("name")
            if name is not None:
                names.add(ctx.text(name))
        elif node.type == "for_statement":
            left = node.child_by_field_name("left")
            if left is not None:
                names |= target_names(left, ctx)
    return names


def _free_loads(function: Node, ctx: MatchContext) -> list[Node]:
    """Identifiers the function body reads that it does not bind itself."""
    body = function.child_by_field_name("body")
    if body is None:
        return []
    local = _parameter_names(function, ctx)
    loads: list[Node] = []
    nested = SCOPE_TYPES | COMPREHENSION_TYPES
    for node in descendants(body, stop=nested):
        if node.type in {"assignment", "augmented_assignment"}:
            left = node.child_by_field_name("left")
            if left is not None and function.type == "function_definition":
                local |= target_names(left, ctx)
        if node.type == "identifier":
            parent = node.parent
            if parent is not None and parent.type == "attribute":
                if parent.child_by_field_name("attribute") == node:
                    continue
            if parent is not None and parent.type == "keyword_argument":
                if parent.child_by_field_name("name") == node:
                    continue
            loads.append(node)
    return [n for n in loads if ctx.text(n) not in local]


def late_binding(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The function reads a name that an enclosing loop rebinds each iteration."""
    for function in _captured(args, captures):
        loop_names: set[str] = set()
        for ancestor in ancestors(function):
            if ancestor.type in {"function_definition", "class_definition", "module"}:
                break
            if ancestor.type in LOOP_TYPES or ancestor.type in COMPREHENSION_TYPES:
                loop_names |= _loop_bound_names(ancestor, ctx)
        if not loop_names:
            continue
        if any(ctx.text(n) in loop_names for n in _free_loads(function, ctx)):
            return True
    return False


def imported_module(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The identifier names a module imported at the top of the file."""
    nodes = _captured(args, captures)
    return bool(nodes) and all(ctx.text(n) in ctx.module_imports for n in nodes)


def calls_itself(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The function's body calls the function by its own name."""
    for function in _captured(args, captures):
        name = function.child_by_field_name("name")
        body = function.child_by_field_name("body")
        if name is None or body is None:
            continue
        own = ctx.text(name)
        for node in descendants(body, stop=frozenset({"function_definition", "class_definition"})):
            if node.type == "call":
                callee = node.child_by_field_name("function")
                if callee is not None and callee.type == "identifier" and ctx.text(callee) == own:
                    return True
    return False


def in_loop(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The node runs inside a loop body of its own function."""
    for node in _captured(args, captures):
        for ancestor in ancestors(node):
            if ancestor.type in SCOPE_TYPES:
                break
            if ancestor.type in LOOP_TYPES:
                return True
    return False


def mutates_iterable(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """A ``for`` loop's body changes the size of the list it iterates."""
    mutators = set(_strings(args)) or {"append", "remove", "pop", "insert", "extend", "clear"}
    for loop in _captured(args, captures):
        iterated = loop.child_by_field_name("right")
        body = loop.child_by_field_name("body")
        if iterated is None or body is None or iterated.type not in {"identifier", "attribute"}:
            continue
        seq = ctx.text(iterated)
        for node in descendants(body, stop=SCOPE_TYPES):
            if node.type == "call":
                callee = node.child_by_field_name("function")
                if callee is not None and callee.type == "attribute":
                    obj = callee.child_by_field_name("object")
                    attr = callee.child_by_field_name("attribute")
                    if (
                        obj is not None
                        and attr is not None
                        and ctx.text(obj) == seq
                        and ctx.text(attr) in mutators
                    ):
                        return True
            elif node.type == "delete_statement":
                for target in node.named_children:
                    if target.type == "subscript":
                        value = target.child_by_field_name("value")
                        if value is not None and ctx.text(value) == seq:
                            return True
    return False


# --- Concept predicates -------------------------------------------------------
# Conditions of the concept rules that need a walk or a negation a query
# cannot say. Each stays within one scope so its cost is linear in the file.

_IMPORT_TYPES = frozenset({"import_statement", "import_from_statement"})


def yields(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The function's own body yields (nested defs, lambdas and classes excluded).

    A ``yield`` turns the enclosing ``def`` into a generator function, but only
    the innermost one, so the walk stops at nested scopes.
    """
    for function in _captured(args, captures):
        body = function.child_by_field_name("body")
        if body is None:
            continue
        if any(node.type == "yield" for node in descendants(body, stop=SCOPE_TYPES)):
            return True
    return False


def not_assigned_to_name(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The node is not the value of a plain ``name = ...`` assignment.

    ``name = lambda: ...`` is the bug-risk rule lambda-assignment; every other
    lambda is the concept.
    """
    for node in _captured(args, captures):
        child = node
        parent = node.parent
        while parent is not None and parent.type == "parenthesized_expression":
            child, parent = parent, parent.parent
        if parent is None or parent.type != "assignment":
            continue
        left = parent.child_by_field_name("left")
        if parent.child_by_field_name("right") == child and left is not None:
            if left.type == "identifier":
                return False
    return True


def _scope_bindings(function: Node, ctx: MatchContext) -> tuple[set[str], set[str]]:
    """Names a function binds locally, and names it declares nonlocal/global."""
    bound = _parameter_names(function, ctx)
    declared: set[str] = set()
    body = function.child_by_field_name("body")
    if body is None:
        return bound, declared
    for node in descendants(body, stop=SCOPE_TYPES):
        kind = node.type
        if kind in {"assignment", "augmented_assignment", "for_statement", "for_in_clause"}:
            left = node.child_by_field_name("left")
            if left is not None:
                bound |= target_names(left, ctx)
        elif kind == "named_expression":
            name = node.child_by_field_name("name")
            if name is not None:
                bound.add(ctx.text(name))
        elif kind in {"function_definition", "class_definition"}:
            name = node.child_by_field_name("name")
            if name is not None:
                bound.add(ctx.text(name))
        elif kind == "as_pattern_target":
            for child in node.named_children:
                bound |= target_names(child, ctx)
        elif kind == "aliased_import":
            alias = node.child_by_field_name("alias")
            if alias is not None:
                bound.add(ctx.text(alias))
        elif kind == "dotted_name" and node.parent is not None:
            parent = node.parent
            if parent.type in _IMPORT_TYPES and parent.child_by_field_name("module_name") != node:
                first = node.named_children[0] if node.named_children else node
                bound.add(ctx.text(first))
        elif kind in {"nonlocal_statement", "global_statement"}:
            declared |= {ctx.text(c) for c in node.named_children if c.type == "identifier"}
    return bound - declared, declared


def _body_loads(function: Node, ctx: MatchContext) -> set[str]:
    """Identifiers the function's own body mentions as names (not attributes/keywords)."""
    loads: set[str] = set()
    body = function.child_by_field_name("body")
    if body is None:
        return loads
    for node in descendants(body, stop=SCOPE_TYPES):
        if node.type != "identifier":
            continue
        parent = node.parent
        if parent is not None:
            if parent.type == "attribute" and parent.child_by_field_name("attribute") == node:
                continue
            if parent.type == "keyword_argument" and parent.child_by_field_name("name") == node:
                continue
        loads.add(ctx.text(node))
    return loads


def closure(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """A nested function reads a name that an enclosing function binds.

    Class bodies in between are skipped, as Python's name resolution does;
    only the nested function's own body counts (defaults and decorators run
    in the enclosing scope).
    """
    for function in _captured(args, captures):
        enclosing = [a for a in ancestors(function) if a.type in FUNCTION_TYPES]
        if not enclosing:
            continue
        local, declared = _scope_bindings(function, ctx)
        free = (_body_loads(function, ctx) - local) | declared
        if not free:
            continue
        for outer in enclosing:
            if free & _scope_bindings(outer, ctx)[0]:
                return True
    return False


def defines_methods(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The class body (its block) defines every method named in the arguments."""
    wanted = set(_strings(args))
    for block in _captured(args, captures):
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
    strings = _strings(args)
    if len(strings) < 2:
        return True
    keyword, pattern = strings[0], re.compile(strings[1])
    position = int(strings[2]) if len(strings) > 2 else None
    for arguments in _captured(args, captures):
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


def not_imported_module(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The node is not a name bound by a top-level import (negation of imported-module)."""
    return not any(ctx.text(n) in ctx.module_imports for n in _captured(args, captures))


def mutates_loop_iterable(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The captured object is the sequence a surrounding ``for`` loop of the same scope iterates.

    Anchored on the mutation (``items.remove(x)``, ``del items[i]``) so the
    finding lands on it; iterating a copy (``items[:]``, ``list(items)``) is
    the fix and does not match, because only plain names and attributes are
    compared.
    """
    for obj in _captured(args, captures):
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
                ):
                    return True
            previous = ancestor
    return False


PREDICATES: dict[str, Predicate] = {
    "pyiq-late-binding?": late_binding,
    "pyiq-imported-module?": imported_module,
    "pyiq-calls-itself?": calls_itself,
    "pyiq-in-loop?": in_loop,
    "pyiq-mutates-iterable?": mutates_iterable,
    "pyiq-yields?": yields,
    "pyiq-not-assigned-to-name?": not_assigned_to_name,
    "pyiq-closure?": closure,
    "pyiq-defines-methods?": defines_methods,
    "pyiq-without-argument?": without_argument,
    "pyiq-not-imported-module?": not_imported_module,
    "pyiq-mutates-loop-iterable?": mutates_loop_iterable,
}
