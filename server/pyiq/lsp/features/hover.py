"""Hover: the interview question behind the construct under the cursor.

A hover answers anywhere inside a finding's construct (the whole function
around a mutable default, not just the ``[]``), listing the most specific
construct first, and on a rule id written in ``# pyiq: ignore[...]``.
A concept the user has mastered gets one line instead of the full answer:
they know it, and a long hover on familiar code is in the way.
"""

from __future__ import annotations

from lsprotocol import types

from pyiq.analysis import Finding
from pyiq.analysis.suppression import Suppressions
from pyiq.bank.markdown import fenced
from pyiq.links import questions_for
from pyiq.lsp.convert import offset, span
from pyiq.lsp.guard import guarded
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import OpenDocument


def findings_at(ls: PyiqServer, document: OpenDocument, at: int) -> list[Finding]:
    """Findings whose construct contains ``at``, smallest construct first."""
    found = [
        f
        for f in ls.findings(document)
        if f.construct_start <= at <= f.construct_end or f.start_byte <= at <= f.end_byte
    ]
    return sorted(found, key=lambda f: (f.construct_end - f.construct_start, f.start_byte))


def _binding_text(document: OpenDocument, finding: Finding) -> str:
    """The user's own line of code the finding is on, so the hover uses their names."""
    lines = document.engine.lines
    line = lines.line_of(finding.start_byte)
    text = " ".join(lines.decode(lines.line_start(line), lines.line_end(line)).split())
    return text if len(text) <= 60 else text[:57] + "..."


def mastered_line(name: str, line: int, question_id: str | None) -> str:
    """The one-line hover of a mastered concept, still pointing at the full answer."""
    more = f" · `pyiq explain {question_id}`" if question_id else ""
    return f"**{name}** (line {line}): mastered{more}"


def finding_markdown(ls: PyiqServer, document: OpenDocument, finding: Finding) -> str:
    rule = ls.registry.get(finding.rule)
    name = rule.name if rule else finding.rule
    line = document.engine.lines.line_of(finding.start_byte) + 1
    if ls.learning.concept_mastered(finding.rule):
        linked = questions_for(finding.rule)
        return mastered_line(name, line, linked[0].id if linked else None)
    binding = _binding_text(document, finding)
    why = f"**Why this came up here:** {name} at line {line}" + (
        f" (`{binding}`)" if binding else ""
    )
    questions = questions_for(finding.rule)
    if not questions:
        description = rule.description.strip() if rule else ""
        return "\n\n".join(p for p in (f"### {name}", finding.message, description, why) if p)
    question = questions[0]
    parts = [
        f"### {question.question}",
        f"*{question.level}* · `{question.id}`",
        question.short.strip(),
        "<details><summary>Full answer</summary>\n\n" + question.answer.strip() + "\n\n</details>",
    ]
    if question.example.strip():
        parts.append("**Example**\n\n" + fenced(question.example, "python"))
        if question.output.strip():
            parts.append("Output:\n\n" + fenced(question.output, "text"))
    parts.append(why)
    related = [q.question for q in questions[1:]]
    try:
        from pyiq.bank import load_bank

        bank = load_bank()
        related += [q.question for qid in question.related if (q := bank.get(qid))]
    except Exception:
        pass
    if related:
        parts.append("**Related:** " + "; ".join(dict.fromkeys(related)))
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
                    contents=types.MarkupContent(
                        kind=types.MarkupKind.Markdown, value=rule_hover(ls, code.rule)
                    ),
                    range=span(engine.lines, code.start_byte, code.end_byte, ls.encoding),
                )
        found = findings_at(ls, document, at)
        if not found:
            return None
        value = "\n\n---\n\n".join(finding_markdown(ls, document, f) for f in found)
        first = found[0]
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=value),
            range=span(engine.lines, first.construct_start, first.construct_end, ls.encoding),
        )
