"""What a class body declares: the bug risks about class attributes and methods.

Three rules ask about one class at a time: mutable-class-attribute (ruff's
RUF012), cached-method (B019) and eq-without-hash (PLW1641). Each mirrors
its peer, including what the peer deliberately skips: pydantic-style models
that copy defaults, dataclass fields, ``ClassVar``/``Final`` annotations,
enumerations, static and class methods. A class's bases are resolved
through the file's imports (see ``any_base`` for where that differs from
ruff's ``any_qualified_base_class``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from tree_sitter import Node

from pyiq.analysis.predicates.bug_risks import _immutable_annotation
from pyiq.analysis.predicates.context import Args, Captures, MatchContext, captured_nodes
from pyiq.analysis.predicates.names import qualified_name, unsubscripted
from pyiq.analysis.predicates.nodes import ancestors

_DISPLAYS = frozenset(
    {"list", "dictionary", "set", "list_comprehension", "dictionary_comprehension"}
    | {"set_comprehension"}
)


# The calls ruff (0.17) counts as building a mutable object, for RUF012 and PLW2901.
MUTABLE_BUILDERS = frozenset(
    {
        *(f"builtins.{n}" for n in ("dict", "list", "set")),
        *(
            f"collections.{n}"
            for n in (
                "ChainMap Counter OrderedDict UserDict UserList UserString defaultdict deque"
            ).split()
        ),
        *(f"weakref.{n}" for n in ("WeakKeyDictionary", "WeakSet", "WeakValueDictionary")),
    }
)


def unparenthesized(node: Node) -> Node:
    """``x`` of ``((x))``: ruff's tree has no parentheses."""
    while node.type == "parenthesized_expression":
        inner = [c for c in node.named_children if c.type != "comment"]
        if len(inner) != 1:
            break
        node = inner[0]
    return node


def is_mutable_value(node: Node, ctx: MatchContext) -> bool:
    """ruff's ``is_mutable_expr``: a list/dict/set display or comprehension, or a builder call."""
    node = unparenthesized(node)
    if node.type in _DISPLAYS:
        return True
    if node.type == "call":
        callee = node.child_by_field_name("function")
        if callee is None:
            return False
        return qualified_name(unsubscripted(callee), ctx) in MUTABLE_BUILDERS
    return False


def _callee(node: Node) -> Node:
    """``lru_cache`` of ``@lru_cache(maxsize=1)``: ruff's ``map_callable``."""
    if node.type == "call":
        function = node.child_by_field_name("function")
        if function is not None:
            return function
    return node


def any_base(class_node: Node, ctx: MatchContext, accept: Callable[[str], bool]) -> bool:
    """Whether a base of the class is accepted; ``accept`` gets its qualified name.

    Bases are resolved through the file's imports only. ruff also follows a
    base defined in the same file to its own bases, and resolves a name to
    its latest binding (``except ImportError: Structure = object``); both
    would make a class's verdict depend on other statements of the file,
    which an incremental re-analysis of the edited statements cannot see.
    On the benchmark corpus that costs one finding in two thousand.
    """
    bases = class_node.child_by_field_name("superclasses")
    for base in bases.named_children if bases is not None else ():
        if base.type == "keyword_argument":
            continue
        name = qualified_name(unsubscripted(base), ctx)
        if name is not None and accept(name):
            return True
    return False


_DEFAULT_COPYING = frozenset(
    {
        *(f"pydantic.{n}" for n in ("BaseModel", "RootModel", "BaseSettings", "BaseConfig")),
        "pydantic.generics.GenericModel",
        *(f"pydantic.v1.{n}" for n in ("BaseModel", "BaseSettings", "BaseConfig")),
        "pydantic.v1.generics.GenericModel",
        "pydantic_settings.BaseSettings",
        "msgspec.Struct",
        "sqlmodel.SQLModel",
    }
)
_CTYPES_STRUCTURES = frozenset(
    f"ctypes.{n}"
    for n in (
        "Structure BigEndianStructure LittleEndianStructure Union BigEndianUnion LittleEndianUnion"
    ).split()
)
_DATACLASS_DECORATORS = frozenset(
    {
        "dataclasses.dataclass",
        *(f"{m}.{n}" for m in ("attrs", "attr") for n in ("define", "frozen", "mutable")),
        *(f"attr.{n}" for n in ("s", "attributes", "attrs")),
    }
)
_ENUMS = frozenset(
    f"enum.{n}" for n in "Enum Flag IntEnum IntFlag StrEnum ReprEnum CheckEnum".split()
)
_SPECIAL_ATTRIBUTES = frozenset({"__slots__", "__dict__", "__weakref__", "__annotations__"})


def _typing_name(annotation: Node, ctx: MatchContext, member: str) -> bool:
    """``ClassVar`` / ``ClassVar[...]`` (from ``typing`` or ``typing_extensions``)."""
    node = annotation
    while node.type == "type" and node.named_children:
        node = node.named_children[0]
    if node.type == "generic_type" and node.named_children:
        node = node.named_children[0]
    node = unsubscripted(node)
    return qualified_name(node, ctx) in {f"typing.{member}", f"typing_extensions.{member}"}


def _decorators(definition: Node) -> list[Node]:
    holder = definition.parent
    if holder is None or holder.type != "decorated_definition":
        return []
    return [child for child in holder.named_children if child.type == "decorator"]


def _decorator_expression(decorator: Node) -> Node | None:
    return decorator.named_children[0] if decorator.named_children else None


def _is_dataclass(class_node: Node, ctx: MatchContext) -> bool:
    for decorator in _decorators(class_node):
        expression = _decorator_expression(decorator)
        if expression is not None:
            if qualified_name(_callee(expression), ctx) in _DATACLASS_DECORATORS:
                return True
    return False


def _class_of(statement: Node) -> Node | None:
    """The class whose body holds ``statement`` directly."""
    block = statement.parent
    owner = block.parent if block is not None else None
    if owner is None or block.type != "block" or owner.type != "class_definition":
        return None
    return owner


def _assignment_chain(assignment: Node) -> tuple[list[Node], Node | None, Node | None]:
    """Targets, annotation and value of ``a = b = value`` / ``a: T = value``."""
    targets: list[Node] = []
    annotation = assignment.child_by_field_name("type")
    current: Node | None = assignment
    value: Node | None = None
    while current is not None and current.type == "assignment":
        left = current.child_by_field_name("left")
        if left is not None:
            targets.append(left)
        value = current.child_by_field_name("right")
        current = value
    return targets, annotation, unparenthesized(value) if value is not None else None


def mutable_class_values(ctx: MatchContext, nodes: Sequence[Node]) -> Iterator[Node]:
    """The mutable value of each class-body assignment ruff's RUF012 reports.

    The class is read statement by statement, as ruff does: names annotated
    ``ClassVar`` earlier may be reassigned, and a ctypes ``_fields_`` ends
    the check of its class.
    """
    for assignment in nodes:
        statement = assignment.parent
        class_node = _class_of(statement) if statement is not None else None
        if class_node is None:
            continue
        value = _reported_value(assignment, statement, class_node, ctx)
        if value is not None:
            yield value


def _reported_value(
    assignment: Node, statement: Node, class_node: Node, ctx: MatchContext
) -> Node | None:
    targets, annotation, value = _assignment_chain(assignment)
    if value is None or not is_mutable_value(value, ctx):
        return None
    names = [ctx.text(t) if t.type == "identifier" else None for t in targets]
    class_vars, ended = _class_facts(class_node, statement, ctx)
    if ended:
        return None
    if annotation is not None:
        if names[0] in _SPECIAL_ATTRIBUTES:
            return None
        if _typing_name(annotation, ctx, "ClassVar") or _typing_name(annotation, ctx, "Final"):
            return None
        if _immutable_annotation(annotation, ctx) or _is_dataclass(class_node, ctx):
            return None
    else:
        if all(n is not None and (n in _SPECIAL_ATTRIBUTES or n in class_vars) for n in names):
            return None
        if names[0] == "_fields_" and any_base(class_node, ctx, _CTYPES_STRUCTURES.__contains__):
            return None
    if any_base(class_node, ctx, _DEFAULT_COPYING.__contains__):
        return None
    return value


def _class_facts(class_node: Node, statement: Node, ctx: MatchContext) -> tuple[set[str], bool]:
    """Names annotated ``ClassVar`` before ``statement``, and whether a ctypes ``_fields_`` did."""
    body = class_node.child_by_field_name("body")
    class_vars: set[str] = set()
    structure: bool | None = None
    for earlier in body.named_children if body is not None else ():
        if earlier.start_byte >= statement.start_byte:
            break
        if earlier.type != "expression_statement" or not earlier.named_children:
            continue
        assignment = earlier.named_children[0]
        if assignment.type != "assignment":
            continue
        targets, annotation, value = _assignment_chain(assignment)
        first = targets[0] if targets else None
        if annotation is not None and value is not None and first is not None:
            if first.type == "identifier" and _typing_name(annotation, ctx, "ClassVar"):
                class_vars.add(ctx.text(first))
        elif (
            annotation is None
            and first is not None
            and ctx.text(first) == "_fields_"
            and value is not None
            and is_mutable_value(value, ctx)
        ):
            if structure is None:
                structure = any_base(class_node, ctx, _CTYPES_STRUCTURES.__contains__)
            if structure:
                return class_vars, True
    return class_vars, False


_CACHES = frozenset({"functools.lru_cache", "functools.cache"})
_STATIC_OR_CLASS = frozenset(
    {
        "builtins.staticmethod",
        "builtins.classmethod",
        "abc.abstractstaticmethod",
        "abc.abstractclassmethod",
    }
)
_IMPLICIT_NON_INSTANCE = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})


def _enclosing_class(function: Node) -> Node | None:
    """The class whose scope defines ``function`` (through ``if``/``try`` blocks in its body)."""
    child = function
    for ancestor in ancestors(function):
        if ancestor.type == "class_definition":
            return ancestor if ancestor.child_by_field_name("body") == child else None
        if ancestor.type in {"function_definition", "lambda", "module"}:
            return None
        child = ancestor
    return None


def cached_method(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """``@functools.lru_cache``/``@functools.cache`` on an instance method, not of an enum (B019).

    The capture is the decorator's expression (what follows the ``@``).
    """
    for expression in captured_nodes(args, captures):
        decorator = expression.parent
        holder = decorator.parent if decorator is not None else None
        function = holder.child_by_field_name("definition") if holder is not None else None
        if function is None or function.type != "function_definition":
            return False
        if qualified_name(_callee(expression), ctx) not in _CACHES:
            return False
        class_node = _enclosing_class(holder)
        if class_node is None:
            return False
        name = function.child_by_field_name("name")
        if name is None or ctx.text(name) in _IMPLICIT_NON_INSTANCE:
            return False
        for other in _decorators(function):
            other_expression = _decorator_expression(other)
            if other_expression is None:
                continue
            if qualified_name(_callee(other_expression), ctx) in _STATIC_OR_CLASS:
                return False
        if any_base(class_node, ctx, _ENUMS.__contains__):
            return False
    return True


def not_cached_method(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The cache decorator is not one cached-method reports: one construct, one diagnostic."""
    expressions = []
    for node in captured_nodes(args, captures):
        decorator = next((a for a in ancestors(node) if a.type == "decorator"), None)
        if decorator is not None and decorator.named_children:
            expressions.append(decorator.named_children[0])
    return not (expressions and cached_method(ctx, [("d", "capture")], {"d": expressions}))


_COMPOUND_BODIES = frozenset(
    {
        "if_statement",
        "elif_clause",
        "else_clause",
        "for_statement",
        "while_statement",
        "with_statement",
        "match_statement",
        "case_clause",
        "try_statement",
        "except_clause",
        "finally_clause",
        "block",
    }
)


def _declared(body: Node, ctx: MatchContext) -> Iterator[tuple[str, Node]]:
    """Names a class body declares as PLW1641 counts them, through nested blocks."""
    stack = [body]
    while stack:
        node = stack.pop()
        for statement in node.named_children:
            kind = statement.type
            if kind == "decorated_definition":
                statement = statement.child_by_field_name("definition") or statement
                kind = statement.type
            if kind == "function_definition":
                name = statement.child_by_field_name("name")
                if name is not None:
                    yield ctx.text(name), statement
            elif kind == "expression_statement" and statement.named_children:
                assignment = statement.named_children[0]
                if assignment.type != "assignment":
                    continue
                left = assignment.child_by_field_name("left")
                right = assignment.child_by_field_name("right")
                chained = right is not None and right.type == "assignment"
                if left is not None and left.type == "identifier" and not chained:
                    yield ctx.text(left), statement
            elif kind in _COMPOUND_BODIES:
                stack.append(statement)


_DUNDER_EQ = re.compile(rb"__(eq|hash)__")


def eq_without_hash(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The class body declares ``__eq__`` (anywhere in its blocks) but no ``__hash__`` (PLW1641).

    The capture is the class's name.
    """
    for name in captured_nodes(args, captures):
        body = name.parent.child_by_field_name("body") if name.parent is not None else None
        if body is None:
            return False
        found = {
            m.group(1) for m in _DUNDER_EQ.finditer(ctx.source, body.start_byte, body.end_byte)
        }
        if b"eq" not in found:
            return False
        names = {name for name, _ in _declared(body, ctx)}
        if "__eq__" not in names or "__hash__" in names:
            return False
    return True
