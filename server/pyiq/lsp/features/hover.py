"""Hover: the interview question behind the construct under the cursor, as a tip.

A hover appears each time the cursor rests on a construct, so by default it
is a tip a glance can take in: the question, its short answer, one line on
why it came up here (the user's own names and line) and one line of links
(the full answer, a quiz, related questions). The full answer is one
action away: ``pyiq.explain`` behind a command link where the client runs
them (VS Code, whose pyiq extension trusts these commands), its CLI
spelling elsewhere, or the whole answer in the hover with ``hoverDetail:
"full"``. No raw HTML: most clients show it as text.

A hover answers anywhere on a finding's construct: inside what its rule
marks as the construct, and on every token of the head of the syntax node
the finding names (``async def`` answers at ``async`` and ``def`` as at
the name, ``await x`` at ``x`` as at ``await``). Several constructs at one
point: the most specific in full, the others one line each. A concept the
user has mastered gets one line (its hint is hidden too).

VS Code shows a diagnostic's message above the hover of its range; the
message already names the question, so there the question is not repeated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import NamedTuple
from urllib.parse import quote

from lsprotocol import types
from tree_sitter import Node

from pyiq.analysis import Finding
from pyiq.analysis.suppression import Suppressions
from pyiq.bank import Question
from pyiq.bank.markdown import fenced
from pyiq.links import questions_for, questions_for_finding
from pyiq.lsp.convert import offset, position, span
from pyiq.lsp.guard import guarded
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import OpenDocument

# Related questions named on the links line, at most.
MAX_RELATED = 3
# Syntax nodes whose head is not a construct of its own (an ERROR node can span
# the rest of a broken file: its stray keywords name nothing).
_NOT_CONSTRUCTS = frozenset({"module", "block", "decorated_definition", "ERROR"})
_SCOPES = frozenset({"function_definition", "class_definition"})
# Only compound statements and their clauses have an indented body.
_BODIED = ("_statement", "_clause", "_definition")
# A node with more children than this (a list of 100,000 items on one
# minified line) has only the tokens around the point looked at.
_MAX_TOKENS = 32


def _head_end(node: Node) -> int:
    """Where a node's head ends: at its indented body (a def, a with), else at its end.

    A decorated definition's head runs through its decorators to the end of
    the ``def``/``class`` line.
    """
    if node.type == "decorated_definition":
        definition = node.child_by_field_name("definition")
        return node.end_byte if definition is None else _head_end(definition)
    if not node.type.endswith(_BODIED):
        return node.end_byte  # an expression: no body, all head
    end = node.start_byte
    for child in node.children:
        if child.type == "block":
            return end
        end = child.end_byte
    return node.end_byte


def _tokens_near(node: Node, at: int) -> list[Node]:
    """The node's children, or for a node with very many, its ends and those around ``at``.

    Walking every child of a huge list or call on each hover would cost
    tens of milliseconds per hundred thousand items; a construct named by
    a token far from the point is still found through its own span.
    """
    count = node.child_count
    if count <= _MAX_TOKENS:
        return node.children
    index = node.walk().goto_first_child_for_byte(at)
    near = {0, count - 1}
    if index is not None:
        near.update(i for i in (index - 1, index, index + 1) if 0 <= i < count)
    return [child for i in sorted(near) if (child := node.child(i)) is not None]


def _heads_at(root: Node, at: int) -> dict[tuple[int, int], tuple[int, int]]:
    """The nodes naming each construct whose head holds ``at``, mapped to that head's span.

    Walking up from the token at ``at`` to the statement: for each node whose
    head holds ``at``, its ``name`` and its keywords (anonymous tokens such
    as ``async``, ``def``, ``await``, ``lambda``) name it. A finding
    reported on one of them is about that construct.
    """
    naming: dict[tuple[int, int], tuple[int, int]] = {}
    node: Node | None = root.descendant_for_byte_range(at, at)
    while node is not None and node.type not in _NOT_CONSTRUCTS:
        head = (node.start_byte, _head_end(node))
        if head[0] <= at <= head[1]:
            name = node.child_by_field_name("name")
            if name is not None:
                naming.setdefault((name.start_byte, name.end_byte), head)
            for child in _tokens_near(node, at):
                if not child.is_named:
                    naming.setdefault((child.start_byte, child.end_byte), head)
        node = node.parent
    return naming


def _scope_at(root: Node, at: int) -> tuple[int, int] | None:
    """The span of the innermost function or class ``at`` lies in (with its decorators)."""
    node: Node | None = root.descendant_for_byte_range(at, at)
    while node is not None and node.type not in _SCOPES and node.type != "decorated_definition":
        node = node.parent
    if node is None:
        return None
    if node.parent is not None and node.parent.type == "decorated_definition":
        node = node.parent
    return node.start_byte, node.end_byte


def _construct_head_end(root: Node, finding: Finding) -> int:
    """Where the head of the finding's construct ends (its end if it has no body)."""
    node = root.descendant_for_byte_range(finding.construct_start, finding.construct_end)
    if node is None or (node.start_byte, node.end_byte) != (
        finding.construct_start,
        finding.construct_end,
    ):
        return finding.construct_end
    return _head_end(node)


class Area(NamedTuple):
    """A finding the hover at a point answers with, and where it answers.

    ``anchored``: the point is on the finding's own place (its reported
    node, or the head of its construct: the ``def``/``class``/``with`` line
    and decorators, or the whole of a construct without a body). Otherwise
    the point is in the construct's body, and the construct answers there
    only when no function or class nested in it lies between: a method's
    line does not answer with its class's inheritance 200 lines up.
    """

    finding: Finding
    start: int
    end: int
    anchored: bool


def hover_areas(ls: PyiqServer, document: OpenDocument, at: int) -> list[Area]:
    """Findings the hover at ``at`` answers with: anchored ones first, then smallest first."""
    root = document.engine.tree.root_node
    naming = _heads_at(root, at)
    scope: tuple[int, int] | bool | None = False  # found lazily: most hovers need none
    found = []
    for f in ls.findings(document):
        head = naming.get((f.start_byte, f.end_byte))
        inside = f.construct_start <= at <= f.construct_end or f.start_byte <= at <= f.end_byte
        if not inside and head is None:
            continue
        anchored = (
            head is not None
            or f.start_byte <= at <= f.end_byte
            or f.construct_start <= at <= _construct_head_end(root, f)
        )
        if not anchored:
            if scope is False:
                scope = _scope_at(root, at)
            if isinstance(scope, tuple) and (
                f.construct_start <= scope[0]
                and scope[1] <= f.construct_end
                and (f.construct_start, f.construct_end) != scope
            ):
                continue  # the point is in a def or class nested in the construct's body
        lo, hi = min(f.construct_start, f.start_byte), max(f.construct_end, f.end_byte)
        if head is not None:
            lo, hi = min(lo, head[0]), max(hi, head[1])
        found.append(Area(f, lo, hi, anchored))
    return sorted(found, key=lambda a: (*_rank(ls, a, at), a.end - a.start, a.finding.start_byte))


def _rank(ls: PyiqServer, area: Area, at: int) -> tuple[bool, bool, bool, bool]:
    """Anchored first; then those reported right under the point; then bug risks; then specific.

    Three decorators share one decorated function as their construct: the
    one under the cursor is the one the user means. Where a dangling task is
    also an ``asyncio`` call, the warning is what the user must read first.
    A concept marked ``hover "generic"`` (``async def`` on ``__call__``)
    yields to a more specific construct reported on the same place, though
    its own area (the ``def`` line) is the smallest.
    """
    finding = area.finding
    rule = ls.registry.get(finding.rule)
    return (
        not area.anchored,
        not finding.start_byte <= at <= finding.end_byte,
        rule is None or not rule.is_bug_risk,
        rule is not None and rule.generic,
    )


def findings_at(ls: PyiqServer, document: OpenDocument, at: int) -> list[Finding]:
    """Findings the hover at ``at`` answers with, the one shown in full first."""
    return [area.finding for area in hover_areas(ls, document, at)]


# -- what the client renders -------------------------------------------------------


def command_links(ls: PyiqServer) -> bool:
    """Whether the client runs ``command:`` links in hovers.

    Only VS Code does (with the trusted commands its pyiq extension names);
    its language client is the one that reports the ``marked`` parser.
    """
    general = ls.client_capabilities().general
    markdown = general.markdown if general else None
    return markdown is not None and markdown.parser == "marked"


def command_link(text: str, command: str, *args: object) -> str:
    """A Markdown link running ``command`` with JSON ``args`` (VS Code's command URI)."""
    return f"[{text}](command:{command}?{quote(json.dumps(list(args), separators=(',', ':')))})"


class Links:
    """How the hover points to more: command links, or what to type elsewhere."""

    def __init__(self, ls: PyiqServer, document: OpenDocument, finding: Finding) -> None:
        self.clickable = command_links(ls)
        self.uri = document.uri
        pos = position(document.engine.lines, finding.start_byte, ls.encoding)
        self.at = {"line": pos.line, "character": pos.character}

    def explain(self, key: str, text: str | None = None, command: bool = True) -> str:
        """A link opening ``key``'s full text; elsewhere the command to type (or the bare id)."""
        if self.clickable:
            return command_link(text or key, "pyiq.explain", key)
        return f"`pyiq explain {key}`" if command else f"`{key}`"

    def line(self, key: str, related: Sequence[str]) -> str:
        """The one line of links: full answer, quiz, related questions."""
        if self.clickable:
            parts = [
                self.explain(key, "Full answer"),
                command_link("Quiz me", "pyiq.quizAt", self.uri, self.at),
            ]
        else:
            parts = [f"Full answer: {self.explain(key)}", "quiz: code action “Quiz me on this”"]
        if related:
            named = (self.explain(qid, command=False) for qid in related)
            parts.append("Related: " + ", ".join(named))
        return " · ".join(parts)


# -- the hover's text ---------------------------------------------------------------


_CODE_SPAN = re.compile(r"(`[^`]*`)")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_BACKTICKS = re.compile(r"`+")
_DUNDER = re.compile(r"(?<![\w`])(__\w+__)")


def code_span(text: str) -> str:
    """``text`` as one Markdown code span, whatever backticks it holds (CommonMark's rule)."""
    fence = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(text)), default=0))
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_message(ls: PyiqServer, finding: Finding) -> str:
    """The finding's message as Markdown: the user's code stays one code span.

    Messages quote the user's code between backticks (``Default `cart=[]` ...``);
    code holding a backtick itself would end that span early and spill the
    rest as Markdown, so each quoted part is rebuilt from the rule's template
    with a fence longer than any backtick run in it.
    """
    rule = ls.registry.get(finding.rule)
    if rule is None or _PLACEHOLDER.search(rule.message) is None:
        return finding.message
    bound = dict(finding.bindings)

    def fill(text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: bound.get(m.group(1), m.group(0)), text)

    parts = _CODE_SPAN.split(rule.message)
    return "".join(
        code_span(fill(part[1:-1])) if index % 2 else fill(part) for index, part in enumerate(parts)
    )


def _line(document: OpenDocument, finding: Finding) -> int:
    return document.engine.lines.line_of(finding.start_byte) + 1


def _related(question: Question, questions: Sequence[Question]) -> list[str]:
    """Other questions the finding raises, then those the question names, without repeats."""
    ids = [q.id for q in questions if q.id != question.id]
    ids += [qid for qid in question.related if qid != question.id]
    return list(dict.fromkeys(ids))[:MAX_RELATED]


def _name(ls: PyiqServer, finding: Finding) -> str:
    """The rule's name for bold text, dunders as code: `**__init__**` shows a bold "init"."""
    rule = ls.registry.get(finding.rule)
    return _DUNDER.sub(r"`\1`", rule.name if rule else finding.rule)


def tip(
    ls: PyiqServer,
    document: OpenDocument,
    finding: Finding,
    *,
    with_question: bool = True,
) -> str:
    """The default hover of one finding: question, short answer, why here, links."""
    links = Links(ls, document, finding)
    here = f"*Line {_line(document, finding)}:* {markdown_message(ls, finding)}"
    questions = questions_for_finding(finding)
    if not questions:
        rule = ls.registry.get(finding.rule)
        parts = [f"**{_name(ls, finding)}**", here, links.line(finding.rule, [])]
        if rule is not None:
            parts.insert(1, rule.description.strip().split("\n\n")[0].replace("\n", " "))
        return "\n\n".join(parts)
    question = questions[0]
    parts = [f"**{question.question}**"] if with_question else []
    parts += [question.short.strip(), here, links.line(question.id, _related(question, questions))]
    return "\n\n".join(parts)


def full(ls: PyiqServer, document: OpenDocument, finding: Finding) -> str:
    """The whole answer in the hover (``hoverDetail: "full"``)."""
    questions = questions_for_finding(finding)
    if not questions:
        return tip(ls, document, finding)
    question = questions[0]
    links = Links(ls, document, finding)
    parts = [
        f"### {question.question}",
        f"*{question.level}* · `{question.id}`",
        f"> {question.short.strip()}",
        question.answer.strip(),
    ]
    if question.example.strip():
        parts.append("**Example**\n\n" + fenced(question.example, "python"))
        if question.output.strip():
            parts.append("Output:\n\n" + fenced(question.output, "text"))
    parts.append(f"*Line {_line(document, finding)}:* {markdown_message(ls, finding)}")
    parts.append(links.line(question.id, _related(question, questions)))
    return "\n\n".join(parts)


def one_line(
    ls: PyiqServer,
    document: OpenDocument,
    finding: Finding,
    note: str = "",
    *,
    with_question: bool = True,
) -> str:
    """A secondary construct at the same point, or a mastered one: its name and question."""
    links = Links(ls, document, finding)
    questions = questions_for_finding(finding)
    key = questions[0].id if questions else finding.rule
    text = f"**{_name(ls, finding)}** (line {_line(document, finding)})"
    if note:
        text += f": {note}"
    if questions and not note and with_question:
        text += f": {questions[0].question}"
    return f"{text} · {links.explain(key, 'more')}"


def _first_id(finding: Finding) -> str | None:
    questions = questions_for_finding(finding)
    return questions[0].id if questions else None


def mastered(ls: PyiqServer, finding: Finding) -> bool:
    return not ls.settings.show_mastered and ls.learning.concept_mastered(finding.rule)


def diagnosed_at(ls: PyiqServer, document: OpenDocument, at: int) -> set[Finding]:
    """The findings whose diagnostic message the client shows above the hover at ``at``.

    Only VS Code (the client that runs command links) shows them there.
    """
    if not command_links(ls):
        return set()
    from pyiq.lsp.features.diagnostics import shown

    return {f for f, _ in shown(ls, document) if f.start_byte <= at < f.end_byte}


def hover_markdown(ls: PyiqServer, document: OpenDocument, areas: Sequence[Area], at: int) -> str:
    """The hover of the findings at ``at``: the first in full, the others one line each.

    "Also here" lists only the other constructs anchored at the point (see
    ``Area``), never one whose body merely encloses it. A question the
    diagnostic above already names is not repeated.
    """
    main = areas[0].finding
    others = [area.finding for area in areas[1:] if area.anchored]
    diagnosed = diagnosed_at(ls, document, at)
    if mastered(ls, main):
        parts = [one_line(ls, document, main, "mastered, so its hint is hidden")]
    elif ls.settings.hover_detail == "full":
        parts = [full(ls, document, main)]
    else:
        parts = [tip(ls, document, main, with_question=main not in diagnosed)]
    seen = {main.rule, _first_id(main)}
    also = []
    for finding in others:
        if finding.rule in seen or _first_id(finding) in seen:
            continue
        seen.update((finding.rule, _first_id(finding)))
        note = "mastered" if mastered(ls, finding) else ""
        line = one_line(ls, document, finding, note, with_question=finding not in diagnosed)
        also.append("- " + line)
    if also:
        parts.append("Also here:\n\n" + "\n".join(also))
    return "\n\n".join(parts)


def rule_hover(ls: PyiqServer, rule_id: str) -> str:
    rule = ls.registry.get(rule_id)
    if rule is None:
        return f"Unknown pyiq rule `{rule_id}`"
    text = f"### {rule.name}\n\n`{rule.id}` · {rule.category}\n\n{rule.description.strip()}"
    questions = questions_for(rule_id)
    if questions:
        text += "\n\n**Interview:** " + "; ".join(q.question for q in questions)
    return text


def markup(ls: PyiqServer, markdown: str) -> types.MarkupContent:
    """The hover's text as the client can show it: Markdown, or plain text for a client
    whose ``hover.contentFormat`` leaves Markdown out (Eglot without markdown-mode)."""
    text_document = ls.client_capabilities().text_document
    hover = text_document.hover if text_document else None
    formats = hover.content_format if hover else None
    if formats and types.MarkupKind.Markdown not in formats:
        from pyiq.markdown_plain import to_plain

        return types.MarkupContent(kind=types.MarkupKind.PlainText, value=to_plain(markdown))
    return types.MarkupContent(kind=types.MarkupKind.Markdown, value=markdown)


def setup(server: PyiqServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded()
    def hover(ls: PyiqServer, params: types.HoverParams) -> types.Hover | None:
        document = ls.documents.get(params.text_document.uri)
        if document is None:
            return None
        engine = document.engine
        at = offset(engine.lines, params.position, ls.encoding)
        for code in Suppressions.scan(engine.source, engine.tree, engine.lines).codes:
            if code.start_byte <= at <= code.end_byte:
                return types.Hover(
                    contents=markup(ls, rule_hover(ls, code.rule)),
                    range=span(engine.lines, code.start_byte, code.end_byte, ls.encoding),
                )
        areas = hover_areas(ls, document, at)
        if not areas:
            return None
        lo, hi = areas[0].start, areas[0].end
        value = hover_markdown(ls, document, areas, at)
        return types.Hover(
            contents=markup(ls, value),
            range=span(engine.lines, lo, hi, ls.encoding),
        )
