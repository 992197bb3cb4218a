"""Quick fixes as byte edits, computed from the engine's tree.

Pure functions of (document, finding): the code-action feature turns the
byte edits into a ``WorkspaceEdit`` in the negotiated encoding. A fix is
offered only when the tree has exactly the expected shape; anything
unusual (``**kwargs`` already present, chained comparisons, a default that
reads another parameter) gets no fix rather than a risky one.
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from pyiq.analysis import Document, Finding
from pyiq.analysis.surroundings import LOOP_TYPES
from pyiq.lsp.edits import ByteEdit, Fix
from pyiq.lsp.optional_annotation import (
    VersionLookup,
    is_docstring,
    newline_of,
    unknown_version,
    widen_to_optional,
)
from pyiq.lsp.rewrite_fixes import not_in_test, unsafe_yaml_load

FUNCTIONS = ("function_definition", "lambda")
LOOPS = LOOP_TYPES


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


def _param_name(param: Node) -> Node | None:
    """The identifier a parameter binds (``x`` of ``x``, ``x=1``, ``x: int``, ``*x: int``)."""
    node: Node | None = param
    while node is not None and node.type != "identifier":
        node = node.child_by_field_name("name") or (
            node.named_children[0] if node.named_children else None
        )
    return node


def _is_reference(identifier: Node) -> bool:
    """Whether it reads a variable: not ``attr`` of ``x.attr``, not ``k`` of ``k=1``."""
    parent = identifier.parent
    if parent is not None and parent.type in ("attribute", "keyword_argument"):
        field = "attribute" if parent.type == "attribute" else "name"
        return parent.child_by_field_name(field) != identifier
    return True


def _reads_parameter(doc: Document, value: Node, params: Node) -> bool:
    """Whether the default names one of the parameters.

    A default is evaluated where the function is defined; moved into the
    body, the same name would read the argument instead.
    """
    names = {_text(doc, n) for n in map(_param_name, params.named_children) if n is not None}
    stack = [value]
    while stack:
        node = stack.pop()
        if node.type == "identifier" and _text(doc, node) in names and _is_reference(node):
            return True
        stack.extend(node.named_children)
    return False


def _colon(function: Node) -> Node | None:
    """The ``:`` that ends the signature (comments may stand between it and the body)."""
    colons = [child for child in function.children if child.type == ":"]
    return colons[-1] if colons else None


def _guard_edits(
    doc: Document, function: Node, statements: list[Node], name: str, default: str
) -> tuple[ByteEdit, ...] | None:
    """Edits that put ``if name is None: name = default`` first in the body, after a docstring.

    A body on the line of the ``def`` (``def f(x=[]): pass``) is moved below
    it, and statements that share the docstring's line (``"doc"; return x``)
    are split at the ``;``, so the guard always stands on lines of its own.
    """
    lines, nl = doc.lines, newline_of(doc)
    colon = _colon(function)
    if colon is None or b"\\" in doc.source[colon.end_byte : statements[0].start_byte]:
        return None  # a backslash continuation would join the guard to the signature
    outer = _indent_of(doc, function.start_byte)
    inline = lines.line_of(statements[0].start_byte) == lines.line_of(colon.end_byte)
    if inline:
        step = "\t" if "\t" in outer else "    "
        indent = outer + step
    else:
        indent = _indent_of(doc, statements[0].start_byte)
        step = indent[len(outer) :] or "    "
    guard = f"if {name} is None:{nl}{indent}{step}{name} = {default}"
    docstring = statements[0] if is_docstring(statements[0]) else None
    edits: list[ByteEdit] = []
    previous = colon.end_byte
    rest = statements
    if docstring is not None:
        if inline:
            edits.append(ByteEdit(colon.end_byte, docstring.start_byte, f"{nl}{indent}"))
        previous, rest = docstring.end_byte, statements[1:]
    if not rest:
        edits.append(ByteEdit(previous, previous, f"{nl}{indent}{guard}"))
    elif lines.line_of(rest[0].start_byte) == lines.line_of(previous):
        # After the colon (a one-line body) or after the docstring and its `;`.
        between = doc.source[previous : rest[0].start_byte].strip()
        if between not in (b"", b";"):
            return None
        edits.append(ByteEdit(previous, rest[0].start_byte, f"{nl}{indent}{guard}{nl}{indent}"))
    else:
        at = lines.line_start(lines.line_of(rest[0].start_byte))
        edits.append(ByteEdit(at, at, f"{indent}{guard}{nl}"))
    return tuple(edits)


def mutable_default(
    doc: Document, finding: Finding, python: VersionLookup = unknown_version
) -> Fix | None:
    """``None`` as the default, the value built in the body, the annotation widened to admit None.

    ``python`` gives the project's target version, asked only when an
    annotation must be widened without ``from __future__ import annotations``
    (it decides between ``T | None`` and ``Optional[T]``).
    """
    value = _node_at(doc, finding.start_byte, finding.end_byte)
    param = value.parent if value is not None else None
    if param is None or param.type not in ("default_parameter", "typed_default_parameter"):
        return None
    params, function = param.parent, param.parent.parent if param.parent else None
    if function is None or params.type != "parameters" or function.type != "function_definition":
        return None
    name_node = param.child_by_field_name("name")
    body = function.child_by_field_name("body")
    if name_node is None or body is None or function.has_error:
        return None
    statements = [n for n in body.named_children if n.type != "comment"]
    name, default = _text(doc, name_node), _text(doc, value)
    if not statements or "\n" in default or _reads_parameter(doc, value, params):
        return None
    guard = _guard_edits(doc, function, statements, name, default)
    if guard is None:
        return None
    annotation = param.child_by_field_name("type")
    widened = widen_to_optional(doc, annotation, function, python) if annotation else ()
    return Fix(
        f"Use None as the default of `{name}`",
        (
            *(ByteEdit(*edit) for edit in widened),
            ByteEdit(value.start_byte, value.end_byte, "None"),
            *guard,
        ),
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


def _handler_name(doc: Document, clause: Node) -> str | None:
    """``err`` of ``except E as err:``; None for a handler that binds no name."""
    value = clause.child_by_field_name("value")
    if value is None or value.type != "as_pattern":
        return None
    alias = value.child_by_field_name("alias")
    target = alias.named_children[0] if alias is not None and alias.named_children else None
    return _text(doc, target) if target is not None and target.type == "identifier" else None


def raise_without_from(doc: Document, finding: Finding) -> Fix | None:
    """``raise New(...)`` -> ``raise New(...) from err``, with the handler's own name.

    Only where the handler binds the exception (``except E as err``): for a
    bare ``except E:`` the choice between naming it and ``from None`` is the
    author's, so no fix is offered.
    """
    statement = _ancestor(_node_at(doc, finding.start_byte, finding.end_byte), ("raise_statement",))
    if statement is None or statement.child_by_field_name("cause") is not None:
        return None
    raised = [c for c in statement.named_children if c.type != "comment"]
    if len(raised) != 1:
        return None
    clause = statement.parent
    while clause is not None and clause.type not in ("except_clause", *FUNCTIONS):
        clause = clause.parent
    if clause is None or clause.type != "except_clause":
        return None
    name = _handler_name(doc, clause)
    if name is None:
        return None
    end = raised[0].end_byte
    return Fix(f"Chain the exception: `from {name}`", (ByteEdit(end, end, f" from {name}"),))


FIXERS: dict[str, Callable[[Document, Finding], Fix | None]] = {
    "mutable-default-argument": mutable_default,
    "loop-variable-closure": loop_closure,
    "is-literal": is_literal,
    "none-comparison": none_comparison,
    "lambda-assignment": lambda_assignment,
    "raise-without-from": raise_without_from,
    "not-in-test": not_in_test,
    "unsafe-yaml-load": unsafe_yaml_load,
}


def quick_fix(
    doc: Document, finding: Finding, python: VersionLookup = unknown_version
) -> Fix | None:
    """The rule's fix; ``python`` tells the project's target version to fixes that ask."""
    if finding.rule == "mutable-default-argument":
        return mutable_default(doc, finding, python)
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
