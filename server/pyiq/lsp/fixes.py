"""Quick fixes as byte edits, computed from the engine's tree.

Pure functions of (document, finding): the code-action feature turns the
byte edits into a ``WorkspaceEdit`` in the negotiated encoding. A fix is
offered only when the tree has exactly the expected shape; anything
unusual (one-line bodies, ``**kwargs`` already present, chained
comparisons) gets no fix rather than a risky one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tree_sitter import Node

from pyiq.analysis import Document, Finding

FUNCTIONS = ("function_definition", "lambda")
LOOPS = (
    "for_statement",
    "while_statement",
    "list_comprehension",
    "set_comprehension",
    "dictionary_comprehension",
    "generator_expression",
)


@dataclass(frozen=True)
class ByteEdit:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[ByteEdit, ...]


def _text(doc: Document, node: Node) -> str:
    return doc.source[node.start_byte : node.end_byte].decode("utf-8", "surrogateescape")


def _node_at(doc: Document, start: int, end: int) -> Node | None:
    return doc.tree.root_node.descendant_for_byte_range(start, end)


def _ancestor(node: Node | None, types: tuple[str, ...]) -> Node | None:
    while node is not None and node.type not in types:
        node = node.parent
    return node


def _indent_of(doc: Document, offset: int) -> str:
    lines = doc.lines
    start = lines.line_start(lines.line_of(offset))
    prefix = doc.source[start:offset].decode("utf-8", "surrogateescape")
    return prefix if not prefix.strip() else prefix[: len(prefix) - len(prefix.lstrip())]


def _is_docstring(node: Node) -> bool:
    return (
        node.type == "expression_statement"
        and node.named_child_count == 1
        and node.named_children[0].type == "string"
    )


def mutable_default(doc: Document, finding: Finding) -> Fix | None:
    value = _node_at(doc, finding.start_byte, finding.end_byte)
    param = value.parent if value is not None else None
    if param is None or param.type not in ("default_parameter", "typed_default_parameter"):
        return None
    name_node = param.child_by_field_name("name")
    function = _ancestor(param, ("function_definition",))
    body = function.child_by_field_name("body") if function else None
    if name_node is None or body is None or not body.named_children:
        return None
    if doc.lines.line_of(body.start_byte) == doc.lines.line_of(function.start_byte):
        return None  # one-line body: no room for a statement without reformatting
    name, default = _text(doc, name_node), _text(doc, value)
    if "\n" in default:
        return None
    statements = [n for n in body.named_children if n.type != "comment"]
    indent = _indent_of(doc, statements[0].start_byte)
    step = indent[len(_indent_of(doc, function.start_byte)) :] or "    "
    guard = f"if {name} is None:\n{indent}{step}{name} = {default}"
    rest = statements[1:] if _is_docstring(statements[0]) else statements
    if rest:
        at = doc.lines.line_start(doc.lines.line_of(rest[0].start_byte))
        insert = ByteEdit(at, at, f"{indent}{guard}\n")
    else:
        end = statements[0].end_byte
        insert = ByteEdit(end, end, f"\n{indent}{guard}")
    return Fix(
        f"Use None as the default of `{name}`",
        (ByteEdit(value.start_byte, value.end_byte, "None"), insert),
    )


def loop_closure(doc: Document, finding: Finding) -> Fix | None:
    ident = _node_at(doc, finding.start_byte, finding.end_byte)
    if ident is None or ident.type != "identifier":
        return None
    name = _text(doc, ident)
    function = None
    node = ident.parent
    while node is not None and node.type not in LOOPS:
        if node.type in FUNCTIONS:
            function = node
        node = node.parent
    if function is None:
        return None
    params = function.child_by_field_name("parameters")
    if params is not None:
        kinds = {child.type for child in params.named_children}
        if kinds & {"dictionary_splat_pattern", "positional_separator"}:
            return None
        if any(_text(doc, child).split("=")[0].strip() == name for child in params.named_children):
            return None
    if function.type == "lambda":
        if params is None:
            keyword = function.children[0]
            edit = ByteEdit(keyword.end_byte, keyword.end_byte, f" {name}={name}")
        else:
            edit = ByteEdit(params.end_byte, params.end_byte, f", {name}={name}")
    else:
        if params is None:
            return None
        close = params.end_byte - 1
        sep = ", " if params.named_children else ""
        edit = ByteEdit(close, close, f"{sep}{name}={name}")
    return Fix(f"Bind `{name}` as a default argument (`{name}={name}`)", (edit,))


def _single_operator(doc: Document, finding: Finding, kinds: tuple[str, ...]) -> Node | None:
    node = _ancestor(_node_at(doc, finding.start_byte, finding.end_byte), ("comparison_operator",))
    if node is None:
        node = _ancestor(
            _node_at(doc, finding.construct_start, finding.construct_end), ("comparison_operator",)
        )
    if node is None:
        return None
    operators = [child for child in node.children if not child.is_named]
    if len(operators) != 1 or operators[0].type not in kinds:
        return None
    return operators[0]


def is_literal(doc: Document, finding: Finding) -> Fix | None:
    op = _single_operator(doc, finding, ("is", "is not"))
    if op is None:
        return None
    new = "==" if op.type == "is" else "!="
    return Fix(f"Compare values with `{new}`", (ByteEdit(op.start_byte, op.end_byte, new),))


def none_comparison(doc: Document, finding: Finding) -> Fix | None:
    op = _single_operator(doc, finding, ("==", "!="))
    if op is None:
        return None
    new = "is" if op.type == "==" else "is not"
    return Fix(f"Test identity with `{new} None`", (ByteEdit(op.start_byte, op.end_byte, new),))


def lambda_assignment(doc: Document, finding: Finding) -> Fix | None:
    assignment = _ancestor(_node_at(doc, finding.start_byte, finding.end_byte), ("assignment",))
    if assignment is None:
        return None
    left = assignment.child_by_field_name("left")
    right = assignment.child_by_field_name("right")
    statement = assignment.parent
    if (
        left is None
        or right is None
        or left.type != "identifier"
        or right.type != "lambda"
        or assignment.child_by_field_name("type") is not None
        or statement is None
        or statement.type != "expression_statement"
        or statement.named_child_count != 1
    ):
        return None
    indent = _indent_of(doc, statement.start_byte)
    if indent != doc.source[
        doc.lines.line_start(doc.lines.line_of(statement.start_byte)) : statement.start_byte
    ].decode("utf-8", "surrogateescape"):
        return None  # another statement before it on the line (`a = 1; f = lambda: 0`)
    params = right.child_by_field_name("parameters")
    body = right.child_by_field_name("body")
    if body is None:
        return None
    name = _text(doc, left)
    args = _text(doc, params) if params is not None else ""
    expr = " ".join(_text(doc, body).split()) if "\n" in _text(doc, body) else _text(doc, body)
    if "\n" in args:
        return None
    text = f"def {name}({args}):\n{indent}    return {expr}"
    return Fix(
        f"Define `{name}` with `def`",
        (ByteEdit(statement.start_byte, statement.end_byte, text),),
    )


FIXERS: dict[str, Callable[[Document, Finding], Fix | None]] = {
    "mutable-default-argument": mutable_default,
    "loop-variable-closure": loop_closure,
    "is-literal": is_literal,
    "none-comparison": none_comparison,
    "lambda-assignment": lambda_assignment,
}


def quick_fix(doc: Document, finding: Finding) -> Fix | None:
    fixer = FIXERS.get(finding.rule)
    return fixer(doc, finding) if fixer is not None else None


def ignore_fix(doc: Document, finding: Finding) -> Fix:
    """Adds the rule to the line's ``# pyiq: ignore[...]`` or appends one."""
    lines = doc.lines
    line = lines.line_of(finding.start_byte)
    start, end = lines.line_start(line), lines.line_end(line)
    comment = _node_at(doc, max(start, end - 1), end)
    title = f"Ignore {finding.rule} on this line"
    if comment is not None and comment.type == "comment":
        text = _text(doc, comment)
        marker = text.find("pyiq: ignore[")
        if marker >= 0 and "]" in text[marker:]:
            close = comment.start_byte + len(
                text[: text.index("]", marker)].encode("utf-8", "surrogateescape")
            )
            inner = text[marker + len("pyiq: ignore[") : text.index("]", marker)]
            sep = ", " if inner.strip() else ""
            return Fix(title, (ByteEdit(close, close, f"{sep}{finding.rule}"),))
        return Fix(title, (ByteEdit(end, end, f"  # pyiq: ignore[{finding.rule}]"),))
    return Fix(title, (ByteEdit(end, end, f"  # pyiq: ignore[{finding.rule}]"),))
