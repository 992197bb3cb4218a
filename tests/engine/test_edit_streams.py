"""Realistic edit streams, applied as a client sends them, settle to a fresh parse.

``test_incremental`` throws fragments at random offsets; these streams are
what a person at an editor does (``tests.edit_model.Editor``): a line typed
a character at a time, backspaces, pastes, Enter in the middle of a line,
typing at the end of the file, CRLF, lone CR, form feeds, line separators,
tabs, non-ASCII and astral characters, broken block headers and several
cursors in one notification, every position in UTF-16 units. Between
gestures nothing may raise or report a position outside the document, a
tree said to be exact must find what a fresh parse finds, and a half-typed
line left out of the tree must leave the rest as if the line were blank.
After the pause (``settle``) the findings are a fresh parse's; undoing every
edit gives back the first findings.
"""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyiq.analysis import Document
from pyiq.analysis.reparse import BUDGET
from tests.edit_model import Editor

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
RULE_FILES = sorted(RULES_DIR.glob("*/*.py"))
GESTURES = 10


def _seed_text(paths: list[Path], crlf: bool, wrap: bool) -> str:
    text = "\n".join(path.read_text(encoding="utf-8") for path in paths)
    if wrap:  # the edits then land in the methods of one large class
        text = "class Wrapper:\n" + "".join(f"    {line}\n" for line in text.splitlines() if line)
    return text.replace("\n", "\r\n") if crlf else text


def _apply(doc: Document, changes: list) -> None:
    """One didChange: its changes in order, each on the text the one before left."""
    for change in changes:
        start, end = change.range.start, change.range.end
        doc.apply_edit((start.line, start.character), (end.line, end.character), change.text)


def _spans(doc: Document) -> list[tuple[str, int, int]]:
    return [(f.rule, f.start_byte, f.end_byte) for f in doc.raw_findings]


def _check(doc: Document) -> None:
    size = len(doc.source)
    for f in doc.raw_findings:
        assert 0 <= f.start_byte <= f.end_byte <= size, f
        assert 0 <= f.construct_start <= f.construct_end <= size, f
        assert 0 <= f.span_start <= f.span_end <= size, f
    if doc.exact:
        assert doc.raw_findings == Document(doc.source).raw_findings
    if doc.isolated is not None:
        lo, hi = doc.isolated
        assert 0 <= lo < hi <= size
        assert lo == 0 or doc.source[lo - 1] == ord("\n")
        ends = doc.source[hi - 1] == ord("\n")
        assert ends or hi == size
        # The rest of the file is analysed as if the line were blank (captured
        # text that spans the line, as in a message, may still quote it).
        blank = doc.source[:lo] + b" " * (hi - lo - ends) + b"\n" * ends + doc.source[hi:]
        assert _spans(doc) == _spans(Document(blank))


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(st.sampled_from(RULE_FILES), min_size=1, max_size=2),
    st.randoms(use_true_random=False),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["none", "pause", "slow"]),
)
def test_edit_streams_settle_to_a_fresh_parse(
    paths: list[Path], rng: random.Random, crlf: bool, wrap: bool, mode: str
) -> None:
    original = _seed_text(paths, crlf, wrap)
    editor = Editor(original, rng)
    doc = Document.from_text(original)
    first = doc.raw_findings
    # "slow": every error recovery runs past its budget, as in a large file.
    doc.parse_budget = 0.0 if mode == "slow" else BUDGET
    for _ in range(GESTURES):
        for changes in editor.burst():
            _apply(doc, changes)
        assert doc.text == editor.text
        _check(doc)
        if mode != "none":
            # The editor's pause: a half-typed line stays out unless the file parses.
            doc.settle(keep_isolated=True)
            _check(doc)
    fresh = Document(doc.source)
    doc.settle()
    assert doc.exact and doc.isolated is None
    assert doc.raw_findings == fresh.raw_findings
    assert doc.findings() == fresh.findings()
    _apply(doc, editor.undo())
    _check(doc)
    doc.settle()
    assert doc.source == original.encode() and doc.raw_findings == first
