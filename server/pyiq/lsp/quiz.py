"""Which bank questions a set of findings raises, and their quiz as data.

Bug risks come first (they are what the user should learn from now), then
concepts; each question once, in file order within each group.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pyiq.analysis import Finding
from pyiq.analysis.registry import Registry
from pyiq.bank import Question
from pyiq.links import questions_for


def questions_for_findings(findings: Iterable[Finding], registry: Registry) -> list[Question]:
    ordered = sorted(
        findings,
        key=lambda f: (0 if (r := registry.get(f.rule)) and r.is_bug_risk else 1, f.start_byte),
    )
    seen: set[str] = set()
    out: list[Question] = []
    for finding in ordered:
        for question in questions_for(finding.rule):
            if question.id not in seen:
                seen.add(question.id)
                out.append(question)
    return out


def quiz_data(question: Question) -> dict[str, Any]:
    """A question's quiz for a client that grades locally (a webview)."""
    quiz = question.quiz
    return {
        "id": question.id,
        "question": question.question,
        "prompt": quiz.prompt,
        "code": quiz.code,
        "choices": [
            {"text": c.text, "correct": c.correct, "explanation": c.explanation}
            for c in quiz.choices
        ],
        "correct_index": quiz.correct_index,
    }


def prompt_text(question: Question) -> str:
    quiz = question.quiz
    text = quiz.prompt.strip()
    if quiz.code:
        text += "\n\n" + quiz.code.rstrip()
    return text
