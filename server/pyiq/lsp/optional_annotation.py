"""Widening a parameter's annotation so that it admits None.

The mutable-default fix turns ``def f(x: list[int] = [])`` into
``x: list[int] = None``, which every type checker rejects. The annotation
is widened the way ruff spells an explicit ``Optional`` (RUF013): ``T |
None`` where annotations are not evaluated (``from __future__ import
annotations``) or the target Python has PEP 604 unions (3.10+), otherwise
``Optional[T]``, written with the file's own binding of ``Optional``, as
``typing.Optional`` where the file does ``import typing``, or with a
``from typing import Optional`` added. A string annotation is widened
inside the string: outside it, ``"T" | None`` is evaluated and fails.
Everything is read from the tree; nothing is evaluated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tree_sitter import Node

from pyiq.analysis import Document
from pyiq.analysis.imports import import_map
from pyiq.analysis.language import new_parser

Version = tuple[int, int]
VersionLookup = Callable[[], Version | None]
# (start, end, text): bytes of the document to replace, as the fix module's ByteEdit takes them.
Edit = tuple[int, int, str]

TYPING_MODULES = frozenset({"typing", "typing_extensions"})
# Annotation forms that bind looser than ``|``: ``T | None`` needs them parenthesised.
LOOSER_THAN_OR = frozenset(
    {
        "lambda",
        "conditional_expression",
        "boolean_operator",
        "not_operator",
        "comparison_operator",
        "named_expression",
        "tuple",
        "expression_list",
    }
)
IMPORTS = ("import_statement", "import_from_statement", "future_import_statement")
DEFINITIONS = ("function_definition", "class_definition", "decorated_definition")


def unknown_version() -> Version | None:
    """No target version known: ruff's default target (3.9) has no ``X | None``."""
    return None


def newline_of(doc: Document) -> str:
    """The file's line break, so inserted lines do not mix ``\\r\\n`` with ``\\n``."""
    return "\r\n" if b"\r\n" in doc.source else "\n"


def _unwrap(node: Node) -> Node:
    while node.type in ("type", "parenthesized_expression") and node.named_child_count == 1:
        node = node.named_children[0]
    return node


def _subscript_parts(node: Node) -> tuple[Node | None, list[Node]]:
    """The subscripted name and its arguments, for ``X[...]`` parsed either way.

    tree-sitter reads ``Optional[int]`` in an annotation as a ``generic_type``
    (arguments in a ``type_parameter``) and ``typing.Optional[int]`` as a
    ``subscript``.
    """
    if node.type == "subscript":
        return node.child_by_field_name("value"), node.children_by_field_name("subscript")
    children = node.named_children
    arguments = children[-1] if len(children) > 1 else None
    if arguments is None or arguments.type != "type_parameter":
        return (children[0] if children else None), []
    return children[0], arguments.named_children


@dataclass(frozen=True)
class ForwardReference:
    """The expression inside a string annotation: where it stands and its own parse."""

    start: int
    end: int
    source: bytes
    node: Node


def forward_reference(string: Node, source: bytes) -> ForwardReference | None:
    """The parsed expression of a plain string annotation; None for any other string.

    Only a string whose text is its value (no escapes, interpolation or
    bytes prefix) can be edited inside, and only when its content is one
    expression.
    """
    children = string.children
    if [c.type for c in children] != ["string_start", "string_content", "string_end"]:
        return None
    opening = source[children[0].start_byte : children[0].end_byte].rstrip(b"'\"").lower()
    content = children[1]
    if set(opening) - set(b"ru") or content.named_child_count:
        return None
    raw = source[content.start_byte : content.end_byte]
    text = raw.strip()
    root = new_parser().parse(text).root_node
    if not text or root.has_error or root.named_child_count != 1:
        return None
    statement = root.named_children[0]
    if statement.type != "expression_statement" or statement.named_child_count != 1:
        return None
    expression = statement.named_children[0]
    if (expression.start_byte, expression.end_byte) != (0, len(text)):
        return None
    start = content.start_byte + len(raw) - len(raw.lstrip())
    return ForwardReference(start, start + len(text), text, expression)


class _Names:
    """Reads annotation nodes of one source, resolving names through the file's imports."""

    def __init__(self, source: bytes, imports: Mapping[str, str]) -> None:
        self.source = source
        self.imports = imports

    def text(self, node: Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "surrogateescape")

    def typing_member(self, node: Node | None) -> str | None:
        """``Optional`` for ``Optional``, ``typing.Optional``, ``t.Optional``, ``O`` imported as it.

        A bare name nothing imports counts as itself: ``object`` is the
        builtin, and an unimported ``Optional`` can only mean typing's.
        """
        if node is None:
            return None
        if node.type == "identifier":
            name = self.text(node)
            qualified = self.imports.get(name)
            if qualified is None:
                return name
            module, _, member = qualified.rpartition(".")
            return member if module in TYPING_MODULES else None
        if node.type == "attribute":
            owner = node.child_by_field_name("object")
            member = node.child_by_field_name("attribute")
            if owner is not None and member is not None and owner.type == "identifier":
                module = self.imports.get(self.text(owner), self.text(owner))
                return self.text(member) if module in TYPING_MODULES else None
        return None

    def admits_none(self, node: Node) -> bool:
        """Whether the annotation already allows None, as ruff's RUF013 decides it."""
        node = _unwrap(node)
        kind = node.type
        if kind == "none":
            return True
        if kind in ("identifier", "attribute"):
            return self.typing_member(node) in ("Optional", "Any", "object")
        if kind == "binary_operator":
            operator = node.child_by_field_name("operator")
            return operator is not None and operator.type == "|" and self._any(node.named_children)
        if kind == "union_type":
            return self._any(node.named_children)
        if kind in ("subscript", "generic_type"):
            head, arguments = _subscript_parts(node)
            member = self.typing_member(head)
            if member == "Optional":
                return True
            if member == "Union":
                return self._any(arguments)
            if member == "Annotated":
                return bool(arguments) and self.admits_none(arguments[0])
            if member == "Literal":
                return any(
                    _unwrap(a).type == "none"
                    or (_unwrap(a).type in ("subscript", "generic_type") and self.admits_none(a))
                    for a in arguments
                )
            return False
        if kind == "string":
            inner = forward_reference(node, self.source)
            return inner is not None and _Names(inner.source, self.imports).admits_none(inner.node)
        return False

    def _any(self, nodes: list[Node]) -> bool:
        return any(self.admits_none(n) for n in nodes)


def _annotated_type(names: _Names, expression: Node) -> Node:
    """``T`` of ``Annotated[T, ...]`` (at any depth): the metadata stays on the widened type."""
    while expression.type in ("subscript", "generic_type"):
        head, arguments = _subscript_parts(expression)
        if names.typing_member(head) != "Annotated" or not arguments:
            break
        expression = arguments[0]
        while expression.type == "type" and expression.named_child_count == 1:
            expression = expression.named_children[0]
    return expression


def _or_none(node: Node, text: str) -> str:
    return f"({text}) | None" if node.type in LOOSER_THAN_OR else f"{text} | None"


def postponed_annotations(doc: Document) -> bool:
    """``from __future__ import annotations``: annotations are never evaluated."""
    for statement in doc.tree.root_node.named_children:
        if statement.type == "future_import_statement":
            for name in statement.children_by_field_name("name"):
                target = name.child_by_field_name("name") if name.type == "aliased_import" else name
                if target is not None and doc.source[target.start_byte : target.end_byte] == (
                    b"annotations"
                ):
                    return True
    return False


def _top_level(node: Node) -> Node:
    while node.parent is not None and node.parent.type != "module":
        node = node.parent
    return node


def _new_import(doc: Document, before: list[Node], line: str) -> Edit:
    """A line of its own after the imports that run before the function, or at the top.

    At the top means after a module docstring, and otherwise right before
    the first statement (so after a shebang, an encoding line or a licence
    comment); a definition that follows gets the two blank lines PEP 8 asks.
    """
    lines, newline = doc.lines, newline_of(doc)
    imports = [s for s in before if s.type in IMPORTS]
    statements = [s for s in doc.tree.root_node.named_children if s.type != "comment"]
    if imports or (statements and statements[0] in before and is_docstring(statements[0])):
        anchor = imports[-1] if imports else statements[0]
        at = lines.line_start(lines.line_of(anchor.end_byte) + 1)
        return (at, at, line + newline)
    first = statements[0]
    at = lines.line_start(lines.line_of(first.start_byte))
    gap = newline * 2 if first.type in DEFINITIONS else ""
    return (at, at, line + newline + gap)


def is_docstring(statement: Node) -> bool:
    """A statement that is a lone string: a docstring when it comes first in its body."""
    return (
        statement.type == "expression_statement"
        and statement.named_child_count == 1
        and statement.named_children[0].type == "string"
    )


def _bindings(names: _Names, statement: Node) -> list[tuple[str, str]]:
    """(imported name, local name) for each name an import statement binds."""
    out = []
    for name in statement.children_by_field_name("name"):
        aliased = name.type == "aliased_import"
        imported = name.child_by_field_name("name") if aliased else name
        local = name.child_by_field_name("alias") if aliased else name
        if imported is not None and local is not None:
            out.append((names.text(imported), names.text(local)))
    return out


def optional_spelling(
    doc: Document, function: Node, imports: Mapping[str, str]
) -> tuple[str, tuple[Edit, ...]]:
    """How to write ``Optional`` in the signature of ``function``, and any import that needs.

    Like ruff's importer: the file's own binding of ``Optional``, else
    ``typing.Optional`` through ``import typing``, else ``Optional`` added to
    a ``from typing import ...``, else a new import. Only module-level
    imports that run before the function count: the ``def`` evaluates its
    annotations.
    """
    top = _top_level(function)
    before = [s for s in doc.tree.root_node.named_children if s.end_byte <= top.start_byte]
    names = _Names(doc.source, imports)
    module_alias: str | None = None
    extend: Node | None = None
    for statement in before:
        if statement.type == "import_from_statement":
            module = statement.child_by_field_name("module_name")
            if module is None or names.text(module) not in TYPING_MODULES:
                continue
            if any(c.type == "wildcard_import" for c in statement.named_children):
                return "Optional", ()
            for imported, local in _bindings(names, statement):
                if imported == "Optional":
                    return local, ()
            if extend is None and names.text(module) == "typing":
                extend = statement
        elif statement.type == "import_statement" and module_alias is None:
            module_alias = next(
                (local for imported, local in _bindings(names, statement) if imported == "typing"),
                None,
            )
    if module_alias is not None:
        return f"{module_alias}.Optional", ()
    if imports.get("Optional", "typing.Optional").rpartition(".")[0] not in TYPING_MODULES:
        # ``Optional`` is some other module's here: typing's must not shadow it.
        return "typing.Optional", (_new_import(doc, before, "import typing"),)
    if extend is not None:
        last = extend.children_by_field_name("name")[-1]
        return "Optional", ((last.end_byte, last.end_byte, ", Optional"),)
    return "Optional", (_new_import(doc, before, "from typing import Optional"),)


def widen_to_optional(
    doc: Document, annotation: Node, function: Node, python: VersionLookup = unknown_version
) -> tuple[Edit, ...]:
    """Edits that make ``annotation`` (a parameter's ``type`` node) admit None; () if it does.

    ``python`` is asked for the target version only when the file does not
    postpone annotations: reading the project's configuration costs file I/O.
    """
    imports = import_map(doc.tree, doc.source)
    names = _Names(doc.source, imports)
    if names.admits_none(annotation) or not annotation.named_child_count:
        return ()
    union = postponed_annotations(doc)
    if not union:
        version = python()
        union = version is not None and version >= (3, 10)
    expression = _annotated_type(names, annotation.named_children[0])
    inner = forward_reference(expression, doc.source) if expression.type == "string" else None
    if inner is not None:
        start, end, node = inner.start, inner.end, inner.node
        text = inner.source.decode("utf-8", "surrogateescape")
    else:
        start, end, node = expression.start_byte, expression.end_byte, expression
        text = names.text(expression)
        # A string that cannot be edited inside: ``"..." | None`` is evaluated (by the def
        # or by get_type_hints) and fails, ``Optional["..."]`` is not.
        union = union and expression.type not in ("string", "concatenated_string")
    if union:
        return ((start, end, _or_none(node, text)),)
    optional, import_edits = optional_spelling(doc, function, imports)
    return (*import_edits, (start, end, f"{optional}[{text}]"))
