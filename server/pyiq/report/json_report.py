"""One JSON array of findings, for scripts."""

from __future__ import annotations

from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import TextIO

from pyiq.checking import Located

# Each finding is one line of the array. json's general encoder costs more
# per call than the whole of a finding's fields, so a line is assembled from
# the C string escaper (the same one ``json.dumps(..., ensure_ascii=False)``
# uses) and the integers; a test compares it with ``json.dumps``.
_quote = encode_basestring


def encode(finding: Located) -> str:
    """The finding as ``json.dumps(finding.as_dict(), ensure_ascii=False)`` writes it."""
    questions = ", ".join(map(_quote, finding.questions))
    cell = "null" if finding.cell is None else str(finding.cell)
    return (
        f'{{"path": {_quote(finding.path)}, "cell": {cell}, "line": {finding.line}, '
        f'"column": {finding.column}, "end_line": {finding.end_line}, '
        f'"end_column": {finding.end_column}, "rule": {_quote(finding.rule)}, '
        f'"category": {_quote(finding.category)}, "severity": {_quote(finding.severity)}, '
        f'"message": {_quote(finding.message)}, "questions": [{questions}]}}'
    )


class Writer:
    """Writes the array as findings arrive.

    ``pyiq check`` hands over each file's findings while worker processes
    are still checking others, so encoding overlaps the analysis instead of
    following it.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def add(self, findings: Iterable[Located]) -> None:
        for finding in findings:
            self.out.write(("[\n  " if self.count == 0 else ",\n  ") + encode(finding))
            self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
