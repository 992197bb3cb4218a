"""Code lens above each function or class that raises interview topics."""

from __future__ import annotations

from lsprotocol import types
from tree_sitter import Node

from pyiq.lsp.convert import position, span
from pyiq.lsp.guard import guarded
from pyiq.lsp.server import PyiqServer

DEFINITIONS = ("function_definition", "class_definition")
# Definitions nested deeper than this get no lens of their own: the
# enclosing one already counts their topics, and stacked lenses are noise.
MAX_DEPTH = 2


def definitions(root: Node) -> list[Node]:
    """Top-level definitions and those directly inside them (methods), without recursion."""
    found: list[Node] = []
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        for child in node.named_children:
            if child.type == "decorated_definition":
                inner = child.child_by_field_name("definition")
                child = inner if inner is not None else child
            if child.type in DEFINITIONS:
                found.append(child)
                if depth + 1 < MAX_DEPTH:
                    body = child.child_by_field_name("body")
                    if body is not None:
                        stack.append((body, depth + 1))
    return sorted(found, key=lambda n: n.start_byte)


def setup(server: PyiqServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_CODE_LENS, types.CodeLensOptions(resolve_provider=False))
    @guarded(empty=[])
    def code_lens(ls: PyiqServer, params: types.CodeLensParams) -> list[types.CodeLens]:
        document = ls.documents.get(params.text_document.uri)
        if document is None or not ls.settings.code_lens:
            return []
        engine = document.engine
        findings = ls.findings(document)
        lenses = []
        for node in definitions(engine.tree.root_node):
            rules = {f.rule for f in findings if node.start_byte <= f.start_byte < node.end_byte}
            if not rules:
                continue
            count = len(rules)
            at = position(engine.lines, node.start_byte, ls.encoding)
            title = f"{count} interview topic{'s' if count != 1 else ''} · Quiz me"
            lenses.append(
                types.CodeLens(
                    range=span(engine.lines, node.start_byte, node.start_byte, ls.encoding),
                    command=types.Command(
                        title=title,
                        command="pyiq.quizAt",
                        arguments=[document.uri, {"line": at.line, "character": at.character}],
                    ),
                )
            )
        return lenses
