"""Code lenses: where they help a learner start a quiz, and what mastery quieted.

A lens is a line of chrome above the code, so there are few: one for the
file ("Quiz me on this file · 7 interview topics"), one above a function or
class holding a bug risk ("Bug risk: Mutable default argument · Quiz me")
or several topics of its own, not above every ``__init__`` or property. A
finding belongs to the innermost function or class with a lens of its own
(top-level definitions and their methods), so a class is not credited with
its methods' topics.

When concepts the user has mastered are quieted, the file's lens line says
how many ("2 mastered topics hidden · Show"), and the command
``pyiq.showMastered`` brings them back (or hides them again).

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
from pyiq.lsp.features.diagnostics import topic
from pyiq.lsp.guard import guarded
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import OpenDocument

DEFINITIONS = ("function_definition", "class_definition")
# Definitions nested deeper than this get no lens of their own: the
# enclosing one already counts their topics, and stacked lenses are noise.
MAX_DEPTH = 2
# Distinct topics a definition needs for a lens without a bug risk.
SEVERAL_TOPICS = 3


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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _owners(nodes: list[Node], findings: list[Finding]) -> dict[int, list[Finding]]:
    """Each finding under the innermost of ``nodes`` (sorted by start, nested) holding it.

    One sweep over both lists in source order, keeping the definitions open
    at the current point on a stack: a large file has hundreds of each.
    """
    owned: dict[int, list[Finding]] = {}
    open_nodes: list[int] = []
    index = 0
    for finding in sorted(findings, key=lambda f: f.start_byte):
        at = finding.start_byte
        while index < len(nodes) and nodes[index].start_byte <= at:
            while open_nodes and nodes[open_nodes[-1]].end_byte <= nodes[index].start_byte:
                open_nodes.pop()
            open_nodes.append(index)
            index += 1
        while open_nodes and nodes[open_nodes[-1]].end_byte <= at:
            open_nodes.pop()
        if open_nodes:
            owned.setdefault(open_nodes[-1], []).append(finding)
    return owned


def definition_title(ls: PyiqServer, findings: list[Finding]) -> str | None:
    """The lens title of a definition owning ``findings``; None when it gets no lens."""
    bug_rules = list(dict.fromkeys(f.rule for f in findings if _is_bug_risk(ls, f.rule)))
    topics = len({topic(f) for f in findings})
    if not bug_rules and topics < SEVERAL_TOPICS:
        return None
    parts = []
    if len(bug_rules) == 1:
        rule = ls.registry.get(bug_rules[0])
        parts.append(f"Bug risk: {rule.name if rule else bug_rules[0]}")
    elif bug_rules:
        parts.append(_plural(len(bug_rules), "bug risk"))
    if topics > len(bug_rules) or not bug_rules:
        parts.append(_plural(topics, "interview topic"))
    return " · ".join([*parts, "Quiz me"])


def _is_bug_risk(ls: PyiqServer, rule_id: str) -> bool:
    rule = ls.registry.get(rule_id)
    return rule is not None and rule.is_bug_risk


def _split_mastered(ls: PyiqServer, findings: list[Finding]) -> tuple[list[Finding], set[str]]:
    """The findings still shown, and the mastered concepts (ids) among all of them."""
    snap = ls.learning.snapshot()
    if snap is None:
        return findings, set()
    rules = {f.rule for f in findings}
    mastered = {rule for rule in rules if ls.learning.concept_mastered(rule, snap)}
    if ls.settings.show_mastered:
        return findings, mastered
    return [f for f in findings if f.rule not in mastered], mastered


def file_lenses(
    ls: PyiqServer, document: OpenDocument, shown: list[Finding], mastered: set[str]
) -> list[types.CodeLens]:
    """ "Quiz me on this file" and, when mastery quiets some, how many and how to see them."""
    lines = document.engine.lines
    top = span(lines, 0, 0, ls.encoding)
    lenses = []
    if shown:
        count = len({topic(f) for f in shown})
        title = f"Quiz me on this file · {_plural(count, 'interview topic')}"
        lenses.append(
            types.CodeLens(
                range=top,
                command=types.Command(
                    title=title, command="pyiq.quizFile", arguments=[document.uri]
                ),
            )
        )
    if mastered:
        showing = ls.settings.show_mastered
        count = _plural(len(mastered), "mastered topic")
        title = f"{count} shown · Hide" if showing else f"{count} hidden · Show"
        lenses.append(
            types.CodeLens(
                range=top,
                command=types.Command(
                    title=title, command="pyiq.showMastered", arguments=[not showing]
                ),
            )
        )
    return lenses


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
        shown, mastered = _split_mastered(ls, findings)
        lenses = file_lenses(ls, document, shown, mastered)
        nodes = definitions(engine.tree.root_node)
        for index, owned in sorted(_owners(nodes, shown).items()):
            title = definition_title(ls, owned)
            if title is not None:
                lenses.append(_quiz_lens(document, nodes[index].start_byte, title, ls))
        lenses += review_lenses(ls, document, findings)
        lenses += extra
        return sorted(lenses, key=lambda lens: (lens.range.start.line, lens.range.start.character))
