"""What a class body declares: the bug risks about class attributes and methods.

Three rules ask about one class at a time: mutable-class-attribute (ruff's
RUF012), cached-method (B019) and eq-without-hash (PLW1641). Each mirrors
its peer, including what the peer deliberately skips: pydantic-style models
that copy defaults, dataclass fields, ``ClassVar``/``Final`` annotations,
enumerations, static and class methods. A class's bases are followed through
the file's imports and through classes the file itself defines, as ruff's
``any_qualified_base_class`` does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence

from tree_sitter import Node

from pyiq.analysis.predicates.bug_risks import _immutable_annotation
from pyiq.analysis.predicates.context import Args, Captures, MatchContext, captured_nodes, per_node
from pyiq.analysis.predicates.names import qualified_name, unsubscripted
from pyiq.analysis.predicates.nodes import ancestors, identifiers, name_context

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


def _local_class(name: str, near: Node) -> Node | None:
    """The class named ``name`` defined at the top of the scopes around ``near``."""
    for scope in ancestors(near):
        if scope.type not in {"module", "block"}:
            continue
        for statement in scope.named_children:
            definition = statement
            if statement.type == "decorated_definition":
                definition = statement.child_by_field_name("definition") or statement
            if definition.type == "class_definition":
                own = definition.child_by_field_name("name")
                if own is not None and own.text == name.encode():
                    return definition
    return None


def any_base(class_node: Node, ctx: MatchContext, accept: Callable[[str], bool]) -> bool:
    """Whether a base of the class, or of a class of this file it derives from, is accepted.

    ``accept`` receives each base's qualified name (``pydantic.BaseModel``).
    """
    seen: set[int] = set()
    stack = [class_node]
    while stack:
        current = stack.pop()
        if current.start_byte in seen:
            continue
        seen.add(current.start_byte)
        bases = current.child_by_field_name("superclasses")
        for base in bases.named_children if bases is not None else ():
            if base.type == "keyword_argument":
                continue
            base = unsubscripted(base)
            name = qualified_name(base, ctx) if _import_is_latest(base, ctx) else None
            if name is not None and accept(name):
                return True
            if base.type == "identifier":
                local = _local_class(ctx.text(base), current)
                if local is not None:
                    stack.append(local)
    return False


def _import_is_latest(expression: Node, ctx: MatchContext) -> bool:
    """Whether the head name's last module-level binding before ``expression`` is an import.

    ruff resolves a name to its latest binding: after ``try: import ctypes``
    / ``except ImportError: ctypes = None``, ``ctypes.Structure`` is no
    longer known to be ctypes'.
    """
    head = expression
    while head.type == "attribute":
        head = head.child_by_field_name("object") or head
        if head.type not in {"attribute", "identifier"}:
            return False
    if head.type != "identifier" or ctx.tree is None:
        return True
    bindings = _module_bindings(ctx.tree.root_node, ctx, ctx.text(head))
    index = bisect.bisect_left(bindings, (head.start_byte,)) - 1
    return index < 0 or bindings[index][1]


@per_node("module-bindings")
def _module_bindings(root: Node, ctx: MatchContext, name: str) -> list[tuple[int, bool]]:
    """Where the module binds ``name`` (imports and plain stores), and whether each is an import."""
    found: list[tuple[int, bool]] = []
    for hit in identifiers(root, name.encode(), ctx.source):
        if any(a.type in _IMPORTS for a in _parents(hit, 3)):
            found.append((hit.start_byte, True))
        elif name_context(hit) == "store" and _module_level(hit):
            found.append((hit.start_byte, False))
    return found


_IMPORTS = frozenset({"import_statement", "import_from_statement"})


def _parents(node: Node, count: int) -> Iterator[Node]:
    for index, ancestor in enumerate(ancestors(node)):
        if index >= count:
            return
        yield ancestor


def _module_level(node: Node) -> bool:
    return not any(
        a.type in {"function_definition", "lambda", "class_definition"} for a in ancestors(node)
    )


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
