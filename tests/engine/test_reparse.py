"""A half-typed line that breaks the file is left out of the tree until it parses.

The rest of the file keeps its tree and its findings while the line is being
typed, a keystroke costs an isolated parse instead of tree-sitter's recovery
over the rest of the file, and the pause (``settle``) brings back exactly
what a fresh parse finds.
"""

from __future__ import annotations

from typing import Any

from tree_sitter import Tree

from pyiq.analysis import Document
from pyiq.analysis.findings import Finding
from pyiq.analysis.language import new_parser
from pyiq.analysis.lines import LineIndex
from pyiq.analysis.reparse import reparse

METHODS = "".join(f"    def m{i}(self, x):\n        return x + {i}\n\n" for i in range(30))
SOURCE = (
    "import copy\n\n\nclass Ledger:\n"
    + METHODS
    + "    def edited(self):\n        value = 1\n        return value\n\n"
    + "    def total(self, rows=[]):\n        return sum(rows)\n\n\n"
    + "def after(items={}):\n    if items is None:\n        return []\n    return items\n"
)
ANCHOR = "        value = 1\n"
# Each test types on a new blank line below the anchor, as an editor's Enter makes.
SOURCE = SOURCE.replace(ANCHOR, ANCHOR + "\n")
LINE = "        x = [value for value in self.rows if value is not None]\n"


def _at(source: str) -> int:
    return len(source[: source.index(ANCHOR) + len(ANCHOR)].encode())


def _shifted(findings: list[Finding], at: int, delta: int) -> list[tuple[str, int, int]]:
    """Rules and spans, with every offset from ``at`` on moved by ``delta``."""
    return [
        (
            f.rule,
            f.start_byte + (delta if f.start_byte >= at else 0),
            f.end_byte + (delta if f.end_byte >= at else 0),
        )
        for f in findings
    ]


def _spans(findings: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.rule, f.start_byte, f.end_byte) for f in findings]


def test_a_half_typed_line_leaves_the_rest_of_the_file_as_it_was() -> None:
    before = Document.from_text(SOURCE)
    doc = Document.from_text(SOURCE)
    at = _at(SOURCE)
    typed = LINE.index("]")  # everything up to the closing bracket
    for offset, char in enumerate(LINE[:typed]):
        doc.apply_byte_edit(at + offset, at + offset, char.encode())
        if offset < len("        x ="):
            continue  # `x`: a statement; `x =` is where the line breaks the file
        assert doc.isolated == (at, at + offset + 2)  # the line, its line break included
        assert not doc.exact
        assert _spans(doc.raw_findings) == _shifted(before.raw_findings, at, offset + 1)
    rules = [f.rule for f in doc.raw_findings]
    assert rules.count("mutable-default-argument") == 2  # `rows=[]` and `items={}` below


def test_closing_the_line_parses_it_and_its_findings_come_back() -> None:
    doc = Document.from_text(SOURCE)
    at = _at(SOURCE)
    for offset, char in enumerate(LINE.rstrip("\n")):
        doc.apply_byte_edit(at + offset, at + offset, char.encode())
    assert doc.isolated is None
    assert doc.exact
    fresh = Document(doc.source)
    assert doc.raw_findings == fresh.raw_findings
    line_findings = [f.rule for f in doc.raw_findings if at <= f.start_byte < at + len(LINE)]
    assert "is-comparison" in line_findings or "list-comprehension" in line_findings


def test_the_pause_brings_the_fresh_parse_back() -> None:
    doc = Document.from_text(SOURCE)
    at = _at(SOURCE)
    doc.apply_byte_edit(at, at, b"        x = [value for")
    assert doc.isolated is not None
    doc.settle()
    assert doc.isolated is None and doc.exact
    assert doc.raw_findings == Document(doc.source).raw_findings
    # Typing on after the pause isolates the line again.
    end = at + len("        x = [value for")
    doc.apply_byte_edit(end, end, b" v")
    assert doc.isolated == (at, at + len("        x = [value for v\n"))
    doc.settle()
    assert doc.raw_findings == Document(doc.source).raw_findings


def test_a_block_header_is_not_left_out_without_its_body() -> None:
    # Without its header the method's body would be an indented block of
    # nothing: leaving the line out breaks more than it keeps.
    doc = Document.from_text(SOURCE)
    colon = len(SOURCE[: SOURCE.index("def edited(self):") + len("def edited(self)")].encode())
    doc.apply_byte_edit(colon, colon + 1, b"")
    assert doc.isolated is None
    assert doc.raw_findings == Document(doc.source).raw_findings


def test_an_error_elsewhere_in_the_file_is_not_the_lines_doing() -> None:
    broken = SOURCE + "\nprint(\n"
    doc = Document.from_text(broken)
    at = _at(broken)
    doc.apply_byte_edit(at, at, b"        x = [")
    assert doc.isolated is None
    doc.settle()
    assert doc.raw_findings == Document(doc.source).raw_findings


class _Recording:
    """A parser that records its calls and whether the budget halted one."""

    def __init__(self) -> None:
        self.inner = new_parser()
        self.calls: list[str] = []

    def parse(self, *args: Any, **kwargs: Any) -> Tree:
        try:
            tree = self.inner.parse(*args, **kwargs)
        except ValueError:
            self.calls.append("halted")
            raise
        self.calls.append("parsed")
        return tree

    def reset(self) -> None:
        self.inner.reset()


def _edited(source: bytes, at: int, text: bytes) -> tuple[bytes, Tree, LineIndex]:
    old = LineIndex(source)
    tree = new_parser().parse(source)
    new = source[:at] + text + source[at:]
    lines = old.edited(at, at, new)
    tree.edit(
        start_byte=at,
        old_end_byte=at,
        new_end_byte=at + len(text),
        start_point=old.point(at),
        old_end_point=old.point(at),
        new_end_point=lines.point(at + len(text)),
    )
    return new, tree, lines


def test_a_slow_recovery_is_halted_and_the_line_isolated() -> None:
    # Typed at column 0 between two methods, the open bracket's recovery
    # re-lexes every method below: long enough to pass a zero budget.
    source = SOURCE.replace(METHODS, METHODS * 5).encode()
    at = source.index(b"\n\n    def m3(") + 1
    typed = b"x = [value for value i"
    new, tree, lines = _edited(source, at, typed)
    parser = _Recording()
    result = reparse(parser, new, tree, (at, at + len(typed), b""), lines, None, budget=0.0)  # type: ignore[arg-type]
    assert parser.calls == ["halted"]
    assert result.isolated == (at, at + len(typed) + 1)
    assert not result.tree.root_node.has_error


def test_typing_inside_an_isolated_line_skips_the_full_parse() -> None:
    source = (SOURCE.replace(ANCHOR, ANCHOR + "        x = [val\n")).encode()
    at = _at(SOURCE)
    line = (at, at + len("        x = [val\n"))
    end = line[1] - 1
    new, tree, lines = _edited(source, end, b"u")
    parser = _Recording()
    result = reparse(parser, new, tree, (end, end + 1, b""), lines, (line[0], line[1] + 1))  # type: ignore[arg-type]
    assert parser.calls == []
    assert result.isolated == (line[0], line[1] + 1)
    # A closing bracket may rebalance the line: the full parse is tried.
    new, tree, lines = _edited(source, end, b"]")
    parser = _Recording()
    result = reparse(parser, new, tree, (end, end + 1, b""), lines, (line[0], line[1] + 1))  # type: ignore[arg-type]
    assert parser.calls == ["parsed"]
    assert result.isolated is None


def _type(doc: Document, at: int, text: str) -> None:
    for offset, char in enumerate(text):
        doc.apply_byte_edit(at + offset, at + offset, char.encode())


def test_a_line_that_becomes_valid_without_a_bracket_is_taken_back() -> None:
    # `x =` breaks the file; `1` closes no bracket, but the line had none open,
    # so the keystroke tries the whole file and the line parses.
    doc = Document.from_text(SOURCE)
    at = _at(SOURCE)
    _type(doc, at, "        x =")
    assert doc.isolated is not None
    _type(doc, at + len("        x ="), " 1")
    assert doc.isolated is None and doc.exact
    assert doc.raw_findings == Document(doc.source).raw_findings


def test_a_pause_keeps_an_open_line_isolated() -> None:
    doc = Document.from_text(SOURCE)
    at = _at(SOURCE)
    _type(doc, at, "        x = [value for v")
    isolated, findings = doc.isolated, doc.raw_findings
    assert not doc.settle(keep_isolated=True)
    assert (doc.isolated, doc.raw_findings) == (isolated, findings)
    doc.settle()  # asked for the fresh parse, it gets it
    assert doc.isolated is None
    assert doc.raw_findings == Document(doc.source).raw_findings


def test_a_pause_takes_back_an_isolated_line_that_parses(monkeypatch) -> None:
    # Typing that the bracket scan misreads keeps a line out although it
    # parses; the pause finds out and publishes its findings.
    monkeypatch.setattr("pyiq.analysis.reparse._left_open", lambda line: True)
    doc = Document.from_text(SOURCE)
    at = _at(SOURCE)
    _type(doc, at, "        x = [] if rows is None else rows")
    assert doc.isolated is not None
    assert doc.settle(keep_isolated=True)
    assert doc.isolated is None and doc.exact
    assert doc.raw_findings == Document(doc.source).raw_findings


def _open_line(typed: str) -> Document:
    """SOURCE with ``typed`` typed on the blank line, which it leaves out of the tree."""
    doc = Document.from_text(SOURCE)
    _type(doc, _at(SOURCE), typed)
    assert doc.isolated is not None
    return doc


def _settles_to_fresh(doc: Document) -> None:
    doc.settle()
    assert doc.isolated is None and doc.exact
    assert doc.raw_findings == Document(doc.source).raw_findings


def test_an_edit_elsewhere_keeps_the_line_out() -> None:
    # A second cursor, or a quick fix applied above, while the line is open:
    # the rest of the file keeps the tree without the line, and the edit's
    # own findings change as a fresh parse of the file without the line says.
    doc = _open_line("        x = [value for v")
    line = doc.isolated
    assert line is not None
    top = doc.source.index(b"import copy") + len(b"import copy")
    doc.apply_byte_edit(top, top, b", os")
    assert doc.isolated == (line[0] + 4, line[1] + 4)
    lo, hi = doc.isolated
    without = Document(doc.source[:lo] + doc.source[hi:])
    assert _spans(doc.raw_findings) == _shifted(without.raw_findings, lo, hi - lo)
    # Below the line: removing `rows=[]`'s default drops its finding.
    rows = doc.source.index(b"rows=[]") + len(b"rows")
    before = [f.rule for f in doc.raw_findings].count("mutable-default-argument")
    doc.apply_byte_edit(rows, rows + 3, b"")
    assert doc.isolated == (lo, hi)
    assert [f.rule for f in doc.raw_findings].count("mutable-default-argument") == before - 1
    _settles_to_fresh(doc)


def test_an_edit_elsewhere_that_closes_the_bracket_takes_the_line_back() -> None:
    # `x = [` left open, then `1]` typed on the line below: the file parses.
    doc = _open_line("        x = [")
    assert doc.isolated is not None
    below = doc.isolated[1]
    doc.apply_byte_edit(below, below, b"            1]\n")
    assert doc.isolated is None and doc.exact
    assert doc.raw_findings == Document(doc.source).raw_findings


def test_an_edit_elsewhere_with_an_error_of_its_own_takes_the_line_back() -> None:
    doc = _open_line("        x = [value for v")
    top = doc.source.index(b"import copy") + len(b"import copy")
    doc.apply_byte_edit(top, top, b" (")
    assert doc.isolated is None
    _settles_to_fresh(doc)


def test_a_bracket_left_open_over_several_lines_keeps_them_out_together() -> None:
    # `x = [`, Enter, `1,`: the second line is inside the bracket the first
    # opened; it cannot parse alone, and the first cannot come back without it.
    doc = Document.from_text(SOURCE)
    before = Document.from_text(SOURCE).raw_findings
    at = _at(SOURCE)
    _type(doc, at, "        x = [")
    _type(doc, at + len("        x = ["), "\n            1,")
    typed = len("        x = [\n            1,\n")
    assert doc.isolated == (at, at + typed)
    assert _spans(doc.raw_findings) == _shifted(before, at, typed - 1)  # the blank line's break
    _type(doc, at + typed - 1, "\n        ]")
    assert doc.isolated is None and doc.exact
    assert doc.raw_findings == Document(doc.source).raw_findings


def test_typing_at_the_end_of_the_file_goes_on_with_the_line_left_out() -> None:
    # The last line has no line break after it: what is typed at its end,
    # a further line included, belongs to it, and a backspace there too.
    doc = Document.from_text(SOURCE)
    before = Document.from_text(SOURCE).raw_findings
    end = len(doc.source)
    typed = "x = [value,\n    1"
    for offset, char in enumerate(typed):
        doc.apply_byte_edit(end + offset, end + offset, char.encode())
        if offset >= len("x ="):
            assert doc.isolated == (end, len(doc.source))
            assert doc.raw_findings == before
    doc.apply_byte_edit(len(doc.source) - 1, len(doc.source), b"")
    assert doc.isolated == (end, len(doc.source))
    doc.apply_byte_edit(len(doc.source), len(doc.source), b"2]")
    assert doc.isolated is None and doc.exact
    assert doc.raw_findings == Document(doc.source).raw_findings


def test_joining_the_line_above_to_the_line_left_out_leaves_out_both() -> None:
    # A backspace at the start of the line removes the line break above it:
    # what is left out is whole lines again, the joined one.
    doc = _open_line("        x = [value for v")
    lo, hi = doc.isolated or (0, 0)
    above = doc.source.rfind(b"\n", 0, lo - 1) + 1
    doc.apply_byte_edit(lo - 1, lo, b"")
    assert doc.isolated == (above, hi - 1)
    _settles_to_fresh(doc)
