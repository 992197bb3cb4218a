"""Predicates of the bug-risk rules: the few semantic checks their ruff peers make.

Each mirrors its peer rule (named in the docstring), including where ruff
departs from Python's own semantics; loop-variable-closure (B023) has its
own module, ``late_binding``.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from pyiq.analysis.predicates.context import (
    Args,
    Captures,
    MatchContext,
    captured_nodes,
    per_node,
)
from pyiq.analysis.predicates.names import is_builtin, qualified_name, unsubscripted
from pyiq.analysis.predicates.nodes import NESTED_SCOPES, descendants
from pyiq.analysis.predicates.scopes import scopes_at

_IMMUTABLE_TYPES = frozenset(
    {
        "collections.abc.Sized",
        "typing.LiteralString",
        "typing.Sized",
        *(f"builtins.{n}" for n in ("bool", "bytes", "complex", "float", "frozenset", "int")),
        *(f"builtins.{n}" for n in ("object", "range", "str")),
    }
)
_IMMUTABLE_GENERICS = frozenset(
    {
        "builtins.tuple",
        *(
            f"collections.abc.{n}"
            for n in (
                "ByteString Collection Container Iterable Mapping Reversible Sequence Set".split()
            )
        ),
        *(
            f"typing.{n}"
            for n in (
                "AbstractSet ByteString Callable Collection Container FrozenSet Iterable "
                "Literal Mapping Never NoReturn Reversible Sequence Tuple"
            ).split()
        ),
    }
)
MUTABLE_CALLS = frozenset(
    {
        "builtins.dict",
        "builtins.list",
        "builtins.set",
        "collections.Counter",
        "collections.OrderedDict",
        "collections.defaultdict",
        "collections.deque",
    }
)
IMMUTABLE_CALLS = frozenset(
    {
        *(f"datetime.{n}" for n in ("date", "datetime", "time", "timedelta", "timezone", "tzinfo")),
        "decimal.Decimal",
        "fractions.Fraction",
        "operator.attrgetter",
        "operator.itemgetter",
        "operator.methodcaller",
        "pathlib.Path",
        "types.MappingProxyType",
        "re.compile",
        *(
            f"builtins.{n}"
            for n in ("bool", "bytes", "complex", "float", "frozenset", "int", "str", "tuple")
        ),
    }
)


def _immutable_annotation(annotation: Node, ctx: MatchContext) -> bool:
    """ruff's notion of an immutable annotation (``Sequence[int]``, ``int | None``, ...)."""
    stack = [annotation]
    while stack:
        node = stack.pop()
        kind = node.type
        if kind in {"type", "parenthesized_expression"} and node.named_children:
            stack.append(node.named_children[0])
        elif kind in {"identifier", "attribute"}:
            name = qualified_name(node, ctx)
            if name not in _IMMUTABLE_TYPES and name not in _IMMUTABLE_GENERICS:
                return False
        elif kind in {"subscript", "generic_type"}:
            value = node.child_by_field_name("value") or node.named_children[0]
            name = qualified_name(value, ctx)
            items = [c for c in node.children_by_field_name("subscript")]
            if kind == "generic_type":
                args = node.named_children[-1]
                items = [c for c in args.named_children]
            if name in _IMMUTABLE_GENERICS:
                continue
            if name == "typing.Union" and len(items) > 1:
                stack.extend(items)
            elif name == "typing.Optional" and len(items) == 1:
                stack.extend(items)
            elif name in {"typing.Annotated", "typing_extensions.Annotated"} and len(items) > 1:
                stack.append(items[0])
            else:
                return False
        elif kind == "binary_operator":
            operator = node.child_by_field_name("operator")
            if operator is None or operator.type != "|":
                return False
            stack.extend(c for c in (node.child_by_field_name(f) for f in ("left", "right")) if c)
        elif kind != "none":
            return False
    return True


def _typed_default_is_immutable(value: Node, ctx: MatchContext) -> bool:
    param = value.parent
    while param is not None and param.type not in {"default_parameter", "typed_default_parameter"}:
        if param.type == "lambda":
            return True  # ruff does not look inside lambdas in defaults
        param = param.parent
    if param is None or param.type != "typed_default_parameter":
        return False
    annotation = param.child_by_field_name("type")
    return annotation is not None and _immutable_annotation(annotation, ctx)


def mutable_default(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """A default value that builds a mutable object, unless the annotation is immutable (B006)."""
    for value in captured_nodes(args, captures):
        if value.type == "call":
            callee = value.child_by_field_name("function")
            if callee is None or qualified_name(unsubscripted(callee), ctx) not in MUTABLE_CALLS:
                return False
        if _typed_default_is_immutable(value, ctx):
            return False
    return True


def call_in_default(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """A call in a default value that is neither a known-mutable nor an immutable builder (B008)."""
    for call in captured_nodes(args, captures):
        callee = call.child_by_field_name("function")
        if callee is None or _typed_default_is_immutable(call, ctx):
            return False
        if qualified_name(callee, ctx) in MUTABLE_CALLS:
            return False
        if qualified_name(unsubscripted(callee), ctx) in IMMUTABLE_CALLS:
            return False
    return True


_STRING_PREFIX = re.compile(rb"^[rRbBuU]*['\"]")


def _is_constant(node: Node, ctx: MatchContext) -> bool:
    """ruff's ``is_constant``: a number, non-f string, bytes, singleton, or tuple of them."""
    stack = [node]
    while stack:
        current = stack.pop()
        kind = current.type
        if kind == "tuple":
            stack.extend(current.named_children)
        elif kind == "concatenated_string":
            stack.extend(current.named_children)
        elif kind == "string":
            if not _STRING_PREFIX.match(ctx.source[current.start_byte : current.end_byte]):
                return False
        elif kind not in {"integer", "float", "true", "false", "none", "ellipsis"}:
            if kind != "comment":
                return False
    return True


_SINGLETONS = frozenset({"true", "false", "none", "ellipsis"})


def constant_non_singleton(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """ruff's ``is_constant_non_singleton``: a literal constant other than True/False/None/..."""
    nodes = captured_nodes(args, captures)
    return bool(nodes) and all(n.type not in _SINGLETONS and _is_constant(n, ctx) for n in nodes)


def not_constant_non_singleton(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The operand is not a literal constant other than a singleton (E711/E712 skip those)."""
    return not constant_non_singleton(ctx, args, captures)


_IDENTITY_LITERALS = frozenset(
    {"list", "dictionary", "set", "list_comprehension", "dictionary_comprehension"}
    | {"set_comprehension"}
)


def identity_literal(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """An operand ``is`` must not be used with: a constant or a fresh container (F632)."""
    nodes = captured_nodes(args, captures)
    return bool(nodes) and all(
        n.type in _IDENTITY_LITERALS or constant_non_singleton(ctx, [("n", "capture")], {"n": [n]})
        for n in nodes
    )


_TYPE_NAMES = frozenset(
    (
        "bool bytearray bytes classmethod complex dict enumerate filter float frozenset int list "
        "map memoryview object property range reversed set slice staticmethod str super tuple "
        "type zip ArithmeticError AssertionError AttributeError BaseException BlockingIOError "
        "BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError "
        "ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning "
        "EnvironmentError EOFError Exception FileExistsError FileNotFoundError FloatingPointError "
        "FutureWarning GeneratorExit ImportError ImportWarning IndentationError IndexError "
        "InterruptedError IOError IsADirectoryError KeyboardInterrupt KeyError LookupError "
        "MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplementedError OSError "
        "OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError "
        "ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration "
        "StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError "
        "TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError "
        "UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError"
    ).split()
)


def _is_type(node: Node, ctx: MatchContext) -> bool:
    if node.type == "call":
        callee = node.child_by_field_name("function")
        return (
            callee is not None
            and callee.type == "identifier"
            and (ctx.text(callee) == "type" and is_builtin(callee, ctx))
        )
    if node.type == "identifier":
        return ctx.text(node) in _TYPE_NAMES and is_builtin(node, ctx)
    return False


def _is_dtype(node: Node, ctx: MatchContext) -> bool:
    if node.type == "call":
        callee = node.child_by_field_name("function")
        return callee is not None and qualified_name(callee, ctx) == "numpy.dtype"
    if node.type == "attribute":
        attribute = node.child_by_field_name("attribute")
        return attribute is not None and ctx.text(attribute) == "dtype"
    return False


def type_comparison(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """``==``/``!=`` between operands one of which is a type, neither a dtype (E721)."""
    left = captured_nodes(args, captures, 0)
    right = captured_nodes(args, captures, 1)
    if not left or not right:
        return False
    a, b = left[0], right[0]
    if not (_is_type(a, ctx) or _is_type(b, ctx)):
        return False
    return not (_is_dtype(a, ctx) or _is_dtype(b, ctx))


def no_bare_reraise(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The handler's body does not itself re-raise with a bare ``raise`` (E722 skips those)."""
    for handler in captured_nodes(args, captures):
        for child in handler.named_children:
            if child.type != "block":
                continue
            for statement in child.named_children:
                if statement.type == "raise_statement" and not statement.named_children:
                    return False
    return True


def outside_class_body(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The node's innermost scope is not a class body."""
    for node in captured_nodes(args, captures):
        scopes = scopes_at(node)
        if scopes and scopes[0].type == "class_definition":
            return False
    return True


def _rebinds(node: Node, name: str, ctx: MatchContext) -> bool:
    """The statement binds ``name`` the way ruff's PLW0603 counts an update."""
    kind = node.type
    if kind in {"assignment", "augmented_assignment"}:
        left = node.child_by_field_name("left")
        while left is not None and left.type == "parenthesized_expression" and left.named_children:
            left = left.named_children[0]
        return left is not None and left.type == "identifier" and ctx.text(left) == name
    if kind in {"function_definition", "class_definition"}:
        own = node.child_by_field_name("name")
        return own is not None and ctx.text(own) == name
    if kind == "delete_statement":
        targets = node.named_children
        if targets and targets[0].type == "expression_list":
            targets = targets[0].named_children
        return any(t.type == "identifier" and ctx.text(t) == name for t in targets)
    if kind in {"import_statement", "import_from_statement"}:
        for item in node.children_by_field_name("name"):
            if item.type == "aliased_import":
                alias = item.child_by_field_name("alias")
                if alias is not None and ctx.text(alias) == name:
                    return True
            elif item.type == "dotted_name":
                parts = item.named_children
                if kind == "import_statement" and len(parts) == 1 and ctx.text(parts[0]) == name:
                    return True
                if kind == "import_from_statement" and ctx.text(item) == name:
                    return True
    return False


_REBINDING = frozenset(
    {
        "assignment",
        "augmented_assignment",
        "function_definition",
        "class_definition",
        "delete_statement",
        "import_statement",
        "import_from_statement",
    }
)


@per_node("globals")
def _global_facts(scope: Node, ctx: MatchContext) -> tuple[dict[str, int], set[str]]:
    """For one scope: where each name's last ``global`` statement starts, and the names rebound.

    Computed once per scope and memoised, since every name of every
    ``global`` statement in the scope asks the same question.
    """
    last: dict[str, int] = {}
    statements: list[Node] = []
    body = scope if scope.type == "module" else scope.child_by_field_name("body")
    if body is not None:
        for node in descendants(body, stop=NESTED_SCOPES):
            if node.type == "global_statement":
                for child in node.named_children:
                    last[ctx.text(child)] = node.start_byte
            elif node.type in _REBINDING:
                statements.append(node)
    rebound = {name for name in last if any(_rebinds(s, name, ctx) for s in statements)}
    return last, rebound


def global_rebound(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The scope declaring the name ``global`` also assigns, defines, imports or deletes it.

    Like ruff's PLW0603, only the scope's last ``global`` statement for a name
    is reported, and loop/with/except targets do not count as updates.
    """
    for name_node in captured_nodes(args, captures):
        statement = name_node.parent
        scopes = scopes_at(name_node)
        if statement is None or not scopes:
            return False
        last, rebound = _global_facts(scopes[0], ctx)
        name = ctx.text(name_node)
        if name not in rebound or last.get(name) != statement.start_byte:
            return False
    return True
