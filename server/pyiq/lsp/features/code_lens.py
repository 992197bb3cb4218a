"""Code lenses: interview topics per function or class, and concepts due for review.

A concept the user has answered before and whose review is due gets a
"Review due: <rule name>" lens on its first construct in the file, so the
review happens on the user's own code rather than in a separate deck; one
per rule, because a lens on every generator in a file would be noise.
"""

from __future__ import annotations

from lsprotocol import types
from tree_sitter import Node

from pyiq.analysis import Finding
from pyiq.lsp.convert import position, span
from pyiq.lsp.guard import guarded
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import OpenDocument

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


def _quiz_lens(document: OpenDocument, at: int, title: str, ls: PyiqServer) -> types.CodeLens:
    lines = document.engine.lines
    pos = position(lines, at, ls.encoding)
    return types.CodeLens(
        range=span(lines, at, at, ls.encoding),
        command=types.Command(
            title=title,
            command="pyiq.quizAt",
            arguments=[document.uri, {"line": pos.line, "character": pos.character}],
        ),
    )


def review_lenses(
    ls: PyiqServer, document: OpenDocument, findings: list[Finding]
) -> list[types.CodeLens]:
    """ "Review due: <rule name>" on the first construct of each concept due for review."""
    snap = ls.learning.snapshot()
    if snap is None:
        return []
    first: dict[str, Finding] = {}
    for finding in sorted(findings, key=lambda f: f.construct_start):
        if finding.rule not in first and ls.learning.concept_due(finding.rule, snap):
            first[finding.rule] = finding
    lenses = []
    for rule_id, finding in first.items():
        rule = ls.registry.get(rule_id)
        name = rule.name if rule else rule_id
        lenses.append(_quiz_lens(document, finding.construct_start, f"Review due: {name}", ls))
    return lenses


def setup(server: PyiqServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_CODE_LENS, types.CodeLensOptions(resolve_provider=False))
    @guarded(empty=[])
    def code_lens(ls: PyiqServer, params: types.CodeLensParams) -> list[types.CodeLens]:
        document = ls.documents.get(params.text_document.uri)
        if document is None:
            return []
        # Other features' lenses (a practice file's "Run tests") are actions,
        # not teaching hints: the codeLens setting does not hide them.
        extra = ls.extra_lenses(document)
        if not ls.settings.code_lens:
            return extra
        engine = document.engine
        findings = ls.findings(document)
        lenses = []
        for node in definitions(engine.tree.root_node):
            rules = {f.rule for f in findings if node.start_byte <= f.start_byte < node.end_byte}
            if not rules:
                continue
            count = len(rules)
            title = f"{count} interview topic{'s' if count != 1 else ''} · Quiz me"
            lenses.append(_quiz_lens(document, node.start_byte, title, ls))
        lenses += review_lenses(ls, document, findings)
        lenses += extra
        return sorted(lenses, key=lambda lens: (lens.range.start.line, lens.range.start.character))
