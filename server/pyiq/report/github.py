"""GitHub Actions workflow commands: annotations on a pull request without code scanning.

One line per finding, ``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``
(``error`` and ``notice`` for the other severities), escaped as the Actions
runner unescapes them: ``%``, ``\\r`` and ``\\n`` everywhere, and ``:`` and
``,`` in property values as well. In a notebook the line is the cell's and
the message starts with the cell's number.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from pyiq.checking import Located
from pyiq.report.text import question_text

COMMANDS = {"error": "error", "warning": "warning", "information": "notice", "hint": "notice"}


def escape_data(text: str) -> str:
    """A message as the runner's ``escapeData`` writes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value as the runner's ``escapeProperty`` writes it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line(finding: Located) -> str:
    properties = {
        "file": finding.path,
        "line": str(finding.line),
        "col": str(finding.column),
        "endLine": str(finding.end_line),
        "endColumn": str(finding.end_column),
        "title": f"pyiq ({finding.rule})",
    }
    message = finding.message
    if finding.cell is not None:
        message = f"cell {finding.cell}: {message}"
    question = question_text(finding.questions[0]) if finding.questions else None
    if question:
        message += f"\nInterview question: {question} (pyiq explain {finding.questions[0]})"
    command = COMMANDS.get(finding.severity, "notice")
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{command} {props}::{escape_data(message)}"


def write(out: TextIO, findings: Iterable[Located]) -> None:
    for finding in findings:
        out.write(line(finding) + "\n")
