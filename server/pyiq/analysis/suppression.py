"""``# pyiq: ignore`` comments, as users of every linter expect them.

``# pyiq: ignore`` silences every rule on its line, ``# pyiq: ignore[a, b]``
the listed rules, and ``# pyiq: ignore-file`` anywhere in a comment the whole
file. Only real comment nodes count: the same text inside a string does not.

ruff's comments are honoured for the bug risks that mirror a ruff rule (their
``peer``): ``# noqa: B006`` on the line silences ``mutable-default-argument``
there, a bare ``# noqa`` every peered bug risk on its line, and
``# ruff: noqa`` / ``# flake8: noqa`` (or ``# ruff: noqa: B006``) the file,
read as ruff reads them (``noqa`` in any case, codes separated by commas or
spaces). Concepts are not lint: a ``noqa`` never hides them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tree_sitter import Tree

from pyiq.analysis.findings import Finding
from pyiq.analysis.lines import LineIndex

# Every directive holds it: a file without it has no suppressions.
SUPPRESSION_MARK = b"pyiq:"
# ruff's directives hold one of these (ruff reads `noqa` in any case).
NOQA_MARKS = (b"noqa", b"NOQA", b"NoQA", b"Noqa")
_DIRECTIVE = re.compile(r"pyiq:\s*(ignore-file|ignore)\b(?:\[([^\]]*)\])?")
_CODE = re.compile(r"[A-Za-z0-9_-]+")
_FILE_NOQA = re.compile(
    r"#\s*(?:ruff|flake8)\s*:\s*noqa(?:\s*:\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?",
    re.IGNORECASE,
)
_LINE_NOQA = re.compile(
    r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?", re.IGNORECASE
)
_RULE_CODE = re.compile(r"[A-Za-z]+[0-9]+")


def marked(source: bytes) -> bool:
    """Whether ``source`` may hold any suppression comment (a cheap pre-check)."""
    return SUPPRESSION_MARK in source or any(mark in source for mark in NOQA_MARKS)


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
    # ruff's line directives: line -> None (a bare one) or the codes it names (upper case).
    noqa: dict[int, set[str] | None] = field(default_factory=dict)
    # ruff's file directive: None when absent, an empty set for every code, else the codes.
    noqa_file: set[str] | None = None

    @classmethod
    def scan(cls, source: bytes, tree: Tree, index: LineIndex | None = None) -> Suppressions:
        found = cls()
        if not marked(source):
            return found
        index = index or LineIndex(source)
        found.index = index
        root = tree.root_node
        comments: set[tuple[int, int]] = set()
        for mark in (SUPPRESSION_MARK, *NOQA_MARKS):
            start = source.find(mark)
            while start >= 0:
                node = root.descendant_for_byte_range(start, start + len(mark))
                if node is not None and node.type == "comment":
                    comments.add((node.start_byte, node.end_byte))
                    start = source.find(mark, node.end_byte)
                else:
                    start = source.find(mark, start + len(mark))
        for start, end in sorted(comments):
            found._add(source, start, end, index)
        return found

    def _add(self, source: bytes, start: int, end: int, index: LineIndex) -> None:
        text = source[start:end].decode("utf-8", "surrogateescape")
        line = index.line_of(start)
        self._add_noqa(text, line)
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

    def _add_noqa(self, text: str, line: int) -> None:
        whole = _FILE_NOQA.search(text)
        if whole is not None:
            codes = {c.upper() for c in _RULE_CODE.findall(whole.group("codes") or "")}
            if not codes:
                self.noqa_file = set()
            elif self.noqa_file != set():
                self.noqa_file = (self.noqa_file or set()) | codes
            return
        match = _LINE_NOQA.search(text)
        if match is None:
            return
        if match.group("codes") is None:
            self.noqa[line] = None
            return
        current = self.noqa.setdefault(line, set())
        if current is not None:
            current.update(c.upper() for c in _RULE_CODE.findall(match.group("codes")))

    @property
    def any_lines(self) -> bool:
        """Whether any directive applies to single lines or to codes of the file."""
        return bool(self.lines or self.noqa or self.noqa_file is not None)

    def suppresses(self, finding: Finding, peer: str | None = None) -> bool:
        """Whether a directive silences the finding (``peer``: its rule's ruff code)."""
        if self.whole_file:
            return True
        if self.index is None:
            return False
        line = self.index.line_of(finding.start_byte)
        if self.lines:
            rules = self.lines.get(line, set())
            if rules is None or finding.rule in rules:
                return True
        if peer is None:
            return False
        if self.noqa_file is not None and (not self.noqa_file or peer in self.noqa_file):
            return True
        if not self.noqa or line not in self.noqa:
            return False
        codes = self.noqa[line]
        return codes is None or peer in codes
