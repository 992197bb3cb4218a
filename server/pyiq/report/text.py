"""Linter-style text: ``path:line:col: rule-id message``, then the interview question."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from pyiq.bank import BankError, load_bank
from pyiq.checking import Located
from pyiq.terminal_text import clean


def _question_text(question_id: str) -> str | None:
    try:
        question = load_bank().get(question_id)
    except BankError:
        return None
    return question.question if question else None


def write_finding(out: TextIO, finding: Located) -> None:
    """One finding; the path and the message quote the file, so their controls are escaped."""
    path, message = clean(str(finding.path), False), clean(finding.message, False)
    out.write(f"{path}:{finding.line}:{finding.column}: {finding.rule} {message}\n")
    if finding.questions:
        text = _question_text(finding.questions[0])
        if text:
            out.write(f"    interview: {text}  (pyiq explain {finding.questions[0]})\n")


def write_summary(out: TextIO, findings: Iterable[Located], files: int, errors: int) -> None:
    findings = list(findings)
    risks = sum(1 for f in findings if f.category == "bug-risk")
    concepts = len(findings) - risks
    parts = [
        f"{risks} bug risk{'s' if risks != 1 else ''}",
        f"{concepts} interview topic{'s' if concepts != 1 else ''}",
    ]
    line = f"Checked {files} file{'s' if files != 1 else ''}: " + ", ".join(parts)
    if errors:
        line += f"; {errors} file{'s' if errors != 1 else ''} could not be checked"
    out.write(line + ".\n")
