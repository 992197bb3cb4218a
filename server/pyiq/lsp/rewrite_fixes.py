"""Quick fixes that rewrite one expression in place: `not x in y` and an unsafe `yaml.load`.

Like the other fixes (``pyiq.lsp.fixes``), each is offered only when the
tree has exactly the expected shape, and anything unusual (a comparison
spread over lines, extra arguments, a `load` imported by name) gets no
fix rather than a risky one.
"""

from __future__ import annotations

from tree_sitter import Node

from pyiq.analysis import Document, Finding
from pyiq.lsp.edits import ByteEdit, Fix

_NAME_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _text(doc: Document, node: Node) -> str:
    return doc.source[node.start_byte : node.end_byte].decode("utf-8", "surrogateescape")


def _named(node: Node) -> list[Node]:
    return [child for child in node.named_children if child.type != "comment"]


def _padded(doc: Document, start: int, end: int, text: str) -> str:
    """``text`` with a space added where it would otherwise glue to a neighbouring name."""
    source, data = doc.source, text.encode("utf-8", "surrogateescape")
    if start > 0 and source[start - 1] in _NAME_BYTES and data[:1] and data[0] in _NAME_BYTES:
        text = " " + text
    if end < len(source) and source[end] in _NAME_BYTES and data and data[-1] in _NAME_BYTES:
        text = text + " "
    return text


def not_in_test(doc: Document, finding: Finding) -> Fix | None:
    """``not x in y`` / ``not (x in y)`` -> ``x not in y``, spacing inside the operands kept."""
    comparison = doc.tree.root_node.descendant_for_byte_range(finding.start_byte, finding.end_byte)
    while comparison is not None and comparison.type != "comparison_operator":
        comparison = comparison.parent
    if comparison is None:
        return None
    negation = comparison.parent
    if negation is not None and negation.type == "parenthesized_expression":
        negation = negation.parent
    operators = comparison.children_by_field_name("operators")
    operands = _named(comparison)
    if (
        negation is None
        or negation.type != "not_operator"
        or len(operators) != 1
        or operators[0].type != "in"
        or len(operands) != 2
        or any(child.type == "comment" for child in comparison.named_children)
    ):
        return None
    left, right = operands
    text = (
        _text(doc, left)
        + doc.source[left.end_byte : operators[0].start_byte].decode("utf-8", "surrogateescape")
        + "not in"
        + doc.source[operators[0].end_byte : right.start_byte].decode("utf-8", "surrogateescape")
        + _text(doc, right)
    )
    if "\n" in text or "\r" in text:
        return None  # outside brackets a line break would end the statement
    text = _padded(doc, negation.start_byte, negation.end_byte, text)
    return Fix("Use `not in`", (ByteEdit(negation.start_byte, negation.end_byte, text),))


_UNSAFE_LOADERS = frozenset({"Loader", "FullLoader", "UnsafeLoader", "CLoader", "CFullLoader"})
_UNSAFE_LOADERS |= frozenset({"CUnsafeLoader"})


def unsafe_yaml_load(doc: Document, finding: Finding) -> Fix | None:
    """``yaml.load(s)`` or ``yaml.load(s, Loader=yaml.Loader)`` -> ``yaml.safe_load(s)``.

    Offered when the callee is ``<module>.load``, the call passes the stream
    and at most a loader that is one of PyYAML's own unsafe loaders spelled
    ``<module>.<Loader>``, and nothing else.
    """
    node = doc.tree.root_node.descendant_for_byte_range(finding.start_byte, finding.end_byte)
    call = node
    while call is not None and call.type != "call":
        call = call.parent
    if call is None:
        return None
    callee = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    if callee is None or arguments is None or callee.type != "attribute":
        return None
    module = callee.child_by_field_name("object")
    method = callee.child_by_field_name("attribute")
    if module is None or method is None or module.type != "identifier":
        return None
    items = _named(arguments)
    if any(child.type == "comment" for child in arguments.named_children):
        return None
    if not items or items[0].type in {"keyword_argument", "list_splat", "dictionary_splat"}:
        return None
    edits = [ByteEdit(method.start_byte, method.end_byte, "safe_load")]
    if len(items) == 2:
        loader = items[1]
        if loader.type == "keyword_argument":
            name = loader.child_by_field_name("name")
            if name is None or _text(doc, name) != "Loader":
                return None
            loader_value = loader.child_by_field_name("value")
        else:
            loader_value = loader
        if loader_value is None or loader_value.type != "attribute":
            return None
        owner = loader_value.child_by_field_name("object")
        attribute = loader_value.child_by_field_name("attribute")
        if (
            owner is None
            or attribute is None
            or _text(doc, owner) != _text(doc, module)
            or _text(doc, attribute) not in _UNSAFE_LOADERS
        ):
            return None
        edits.append(ByteEdit(items[0].end_byte, loader.end_byte, ""))
    elif len(items) != 1:
        return None
    return Fix(f"Use `{_text(doc, module)}.safe_load`", tuple(edits))
