"""``# pyiq: ignore`` comments, as users of every linter expect them.

``# pyiq: ignore`` silences every rule on its line, ``# pyiq: ignore[a, b]``
the listed rules, and ``# pyiq: ignore-file`` anywhere in a comment the whole
file. Only real comment nodes count: the same text inside a string does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tree_sitter import Tree

from pyiq.analysis.findings import Finding
from pyiq.analysis.lines import LineIndex

# Every directive holds it: a file without it has no suppressions.
SUPPRESSION_MARK = b"pyiq:"
_DIRECTIVE = re.compile(r"pyiq:\s*(ignore-file|ignore)\b(?:\[([^\]]*)\])?")
_CODE = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class SuppressionCode:
    """One rule id written in a suppression comment, located for hovers."""

    rule: str
    start_byte: int
    end_byte: int


@dataclass(slots=True)
class Suppressions:
    whole_file: bool = False
    # line -> None (all rules) or the set of rule ids silenced on that line
    lines: dict[int, set[str] | None] = field(default_factory=dict)
    codes: list[SuppressionCode] = field(default_factory=list)
    index: LineIndex | None = None

    @classmethod
    def scan(cls, source: bytes, tree: Tree, index: LineIndex | None = None) -> Suppressions:
        found = cls()
        start = source.find(SUPPRESSION_MARK)
        if start < 0:
            return found
        index = index or LineIndex(source)
        found.index = index
        root = tree.root_node
        while start >= 0:
            node = root.descendant_for_byte_range(start, start + len(SUPPRESSION_MARK))
            if node is not None and node.type == "comment":
                found._add(source, node.start_byte, node.end_byte, index)
                start = source.find(SUPPRESSION_MARK, node.end_byte)
            else:
                start = source.find(SUPPRESSION_MARK, start + len(SUPPRESSION_MARK))
        return found

    def _add(self, source: bytes, start: int, end: int, index: LineIndex) -> None:
        text = source[start:end].decode("utf-8", "surrogateescape")
        line = index.line_of(start)
        for match in _DIRECTIVE.finditer(text):
            if match.group(1) == "ignore-file":
                self.whole_file = True
                continue
            if match.group(2) is None:
                self.lines[line] = None
                continue
            current = self.lines.setdefault(line, set())
            base = start + len(text[: match.start(2)].encode("utf-8", "surrogateescape"))
            for code in _CODE.finditer(match.group(2)):
                if current is not None:
                    current.add(code.group(0))
                code_start = base + len(
                    match.group(2)[: code.start()].encode("utf-8", "surrogateescape")
                )
                self.codes.append(
                    SuppressionCode(code.group(0), code_start, code_start + len(code.group(0)))
                )

    def suppresses(self, finding: Finding) -> bool:
        if self.whole_file:
            return True
        if not self.lines or self.index is None:
            return False
        rules = self.lines.get(self.index.line_of(finding.start_byte), set())
        return rules is None or finding.rule in rules
