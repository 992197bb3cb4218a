"""Expected findings written next to the code in ``tests/rules/<id>/bad.py``.

A comment line made of ``#``, spaces and a run of carets marks the finding on
the closest code line above it: the carets cover the finding's columns (code
points) on that line, up to the line's end when the finding spans lines. The
rule id follows the carets::

    def add(item, bucket=[]):
    #                    ^^ mutable-default-argument
"""

from __future__ import annotations

import re

CARETS = re.compile(r"^(\s*)#(\s*)(\^+)\s+([a-z0-9-]+)\s*$")

Expected = tuple[str, int, int, int]  # rule, line (1-based), start col, end col (0-based)


def expected_findings(text: str) -> list[Expected]:
    expected: list[Expected] = []
    code_line: int | None = None
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        match = CARETS.match(line)
        if match is None:
            code_line = number
            continue
        if code_line is None:
            raise ValueError(f"line {number}: caret annotation with no code line above")
        start = len(match.group(1)) + 1 + len(match.group(2))
        expected.append((match.group(4), code_line, start, start + len(match.group(3))))
    return expected


def is_annotation(line: str) -> bool:
    return CARETS.match(line) is not None
