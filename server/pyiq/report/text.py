"""Linter-style text: ``path:line:col: rule-id message``, then the interview question.

Bug risks are listed one by one, as a linter lists them. Concepts mark
correct code, and a large tree has tens of thousands: listed one by one
they would bury the bug risks. So unless ``--show-concepts`` asks for each
place, they are gathered into one line per rule after the bug risks (how
many places, in how many files, and the question they raise). The
``concise`` format is the same without the question lines.

Everything that came from a checked file (names and values in messages,
file names) is printed with its control characters made visible, so a file
cannot drive the terminal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from pyiq.bank import BankError, load_bank
from pyiq.checking import Located
from pyiq.terminal_text import clean


def safe(text: str) -> str:
    """``text`` with every control character (line breaks too) shown as an escape."""
    return clean(text, keep_breaks=False)


def question_text(question_id: str) -> str | None:
    try:
        question = load_bank().get(question_id)
    except BankError:
        return None
    return question.question if question else None


def place(finding: Located) -> str:
    """``path:line:col``, or ``path:cell N:line:col`` in a notebook, as ruff writes them."""
    cell = f"cell {finding.cell}:" if finding.cell is not None else ""
    return f"{safe(finding.path)}:{cell}{finding.line}:{finding.column}"


def write_finding(out: TextIO, finding: Located, questions: bool = True) -> None:
    out.write(f"{place(finding)}: {finding.rule} {safe(finding.message)}\n")
    if questions and finding.questions:
        text = question_text(finding.questions[0])
        if text:
            out.write(f"    interview: {text}  (pyiq explain {finding.questions[0]})\n")


@dataclass
class ConceptGroups:
    """Concept findings counted per rule, for the one line each gets."""

    places: Counter[str] = field(default_factory=Counter)
    files: dict[str, set[str]] = field(default_factory=dict)
    questions: dict[str, str | None] = field(default_factory=dict)
    # Files with any finding, bug risks included: one file needs no naming.
    paths: set[str] = field(default_factory=set)

    def add(self, finding: Located) -> None:
        self.places[finding.rule] += 1
        self.files.setdefault(finding.rule, set()).add(finding.path)
        if finding.rule not in self.questions:
            self.questions[finding.rule] = finding.questions[0] if finding.questions else None

    def write(self, out: TextIO, questions: bool = True) -> None:
        if not self.places:
            return
        out.write("Interview topics (--show-concepts lists every place):\n")
        width = max(map(len, self.places))
        # When every finding is in one file, naming it on each line is noise.
        several = len(self.paths) > 1
        for rule, count in sorted(self.places.items(), key=lambda item: (-item[1], item[0])):
            files = len(self.files[rule])
            where = f"{count} place{'s' if count != 1 else ''}"
            if files > 1:
                where += f" in {files} files"
            elif files == 1 and several:
                where += f" in {safe(next(iter(self.files[rule])))}"
            line = f"  {rule:<{width}}  {where}"
            question = self.questions.get(rule)
            text = question_text(question) if question and questions else None
            if text:
                line += f"  interview: {text}  (pyiq explain {question})"
            out.write(line + "\n")


class Writer:
    """Text or concise output, written as results arrive."""

    def __init__(self, out: TextIO, show_concepts: bool = False, questions: bool = True) -> None:
        self.out = out
        self.show_concepts = show_concepts
        self.questions = questions
        self.groups = ConceptGroups()

    def add(self, findings: Iterable[Located]) -> None:
        for finding in findings:
            self.groups.paths.add(finding.path)
            if finding.category == "bug-risk" or self.show_concepts:
                write_finding(self.out, finding, self.questions)
            else:
                self.groups.add(finding)

    def close(self) -> None:
        self.groups.write(self.out, self.questions)


def write_summary(
    out: TextIO, findings: Iterable[Located], files: int, errors: int, config_errors: int = 0
) -> None:
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
    if config_errors:
        line += f"; {config_errors} configuration error{'s' if config_errors != 1 else ''}"
    out.write(line + ".\n")
