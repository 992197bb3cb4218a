"""Python predicates, for the few conditions a tree-sitter query cannot say.

Each predicate is named ``pyiq-<what>?`` in a rule file and receives the
match's captures. They walk the tree with parent links and bounded loops,
never recursion, so a 500-deep expression cannot exhaust the stack.
"""

from __future__ import annotations

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


PREDICATES: dict[str, Predicate] = {
    "pyiq-late-binding?": late_binding,
    "pyiq-imported-module?": imported_module,
    "pyiq-calls-itself?": calls_itself,
    "pyiq-in-loop?": in_loop,
    "pyiq-mutates-iterable?": mutates_iterable,
}
