"""An incremental reparse that a half-typed line cannot make slow.

Typing ``x = [value for value i`` into the middle of a large file leaves a
bracket open: tree-sitter's error recovery then re-lexes everything after it
(the reused subtrees were parsed outside the bracket, in other parser states)
and a 220 KB file costs 25-30 ms per keystroke until the bracket is closed.
Other half-typed lines parse quickly but restructure much of the file (``x =``
typed at column 0 between two methods ends the class in the error's tree),
and every statement the tree changed is analysed again.

So when an edit breaks a file whose only syntax errors (if any) lie on the
edited lines, the edited lines are parsed as if they were not there
(tree-sitter's included ranges skip them); a line that leaves a bracket open
is first tried within ``budget`` seconds of error recovery. That parse
reuses every other subtree and takes well under a millisecond, and the rest of
the file keeps the tree, and the findings, it had before the user started the
line. While the user keeps typing inside such a line, the following
keystrokes go straight to the same isolated parse, unless they insert or
remove a character that can rebalance the line (a bracket, a quote, ``#``,
a backslash, a line break). Such a tree is not the one a fresh parse builds,
so it is reported as such (``Document.isolated``, ``Document.exact``):
``Document.settle`` replaces it on request, and an editor keeps it while the
line is being written (see ``schedule_settle`` in the server's diagnostics).
An edit elsewhere in the file keeps the line out too, as long as the file
without the line still parses.

Only a line that leaves a bracket open can send the recovery that far, so
only such an edit is parsed with the budget (tree-sitter halts a parse only
when it reads from a callback). Parsing from a callback makes tree-sitter
keep the callback as the tree's source, which its text predicates then read
node text from, a Python call each: ``Source`` answers in short ``bytes``
chunks, the form those reads need, and every other edit parses from bytes.
"""

from __future__ import annotations

import re
import time
from typing import NamedTuple

from tree_sitter import Parser, Point, Range, Tree

from pyiq.analysis.imports import SAME_SCOPE_BLOCKS
from pyiq.analysis.language import new_parser
from pyiq.analysis.lines import LineIndex

# Seconds an incremental reparse may run while recovering from a syntax error.
# Every other keystroke in a 220 KB file reparses in about 1 ms.
BUDGET = 0.002
# Bytes per read: a node's text for a predicate is usually one read.
_CHUNK = 64
_END = 0xFFFFFFFF
# The longest line ``_left_open`` scans, and what it sets aside.
_SCANNED = 2000
_STRINGS_AND_COMMENTS = re.compile(rb"#.*|'(?:\\.|[^'\\\n])*'?|\"(?:\\.|[^\"\\\n])*\"?")
_OPENING = frozenset(b"([{")
_CLOSING = frozenset(b")]}")
# Characters whose insertion or removal can close what a line left open.
_REBALANCING = frozenset(b"()[]{}'\"#\\\n\r")


class Source:
    """The bytes being parsed, served to tree-sitter in short chunks."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __call__(self, offset: int, _point: Point) -> bytes:
        return self.data[offset : offset + _CHUNK]


class Reparsed(NamedTuple):
    tree: Tree
    # The edited lines' span in the new source when the tree leaves them out.
    isolated: tuple[int, int] | None


def reparse(
    parser: Parser,
    source: bytes,
    old_tree: Tree,
    edit: tuple[int, int, bytes],
    lines: LineIndex,
    isolated: tuple[int, int] | None = None,
    budget: float | None = BUDGET,
) -> Reparsed:
    """``source`` parsed incrementally from the edited ``old_tree``.

    ``edit`` is (start, new_end, removed bytes) in ``source``; ``lines``
    indexes ``source``. ``isolated`` is the span of lines ``old_tree`` left
    out, moved to ``source``'s offsets, if it did. ``budget`` None parses
    as tree-sitter alone would, never leaving lines out.
    """
    start, new_end, removed = edit
    if budget is None:
        return Reparsed(parser.parse(source, old_tree), None)
    # Within the lines left out: before the line break that ends them, or
    # anywhere in them when they run to the end of the file (typing on there
    # goes on with the same construct).
    inside = (
        isolated is not None
        and isolated[0] <= start
        and (new_end < isolated[1] or isolated[1] == len(source))
    )
    # An edit inside is judged with all the lines left out: on the second line
    # of `x = [` and `    1,` the bracket is still open, and the first line
    # cannot come back alone.
    span = isolated if inside and isolated is not None else _lines_of(source, start, new_end)
    left_open = _left_open(source[span[0] : span[1]])
    if (
        inside
        and left_open
        and not (_REBALANCING & set(source[start:new_end]) or _REBALANCING & set(removed))
    ):
        assert isolated is not None
        kept = _isolate(source, old_tree, isolated, lines)
        if kept is not None:
            return Reparsed(kept, isolated)
    elif isolated is not None and not inside:
        # An edit elsewhere while the line is left out (a second cursor, a
        # quick fix, a moment on another line): the line still breaks the
        # file, and taking it back would hand the rest of the file to the
        # recovery it was left out to avoid. Unless this edit has an error
        # of its own, or closes the line's bracket on another line (then the
        # file without the line has one), the line stays out.
        kept = _isolate(source, old_tree, isolated, lines)
        if kept is not None:
            return Reparsed(kept, isolated)
    # Only an error of the edited lines' own making is isolated: one the file
    # had elsewhere would stay, and the isolated parse would gain nothing.
    may_isolate = span != (0, len(source)) and (
        inside
        or (
            isolated is None
            and _errors_within(old_tree, span)
            and not _opens_more_lines(old_tree, source, span)
        )
    )
    if may_isolate and left_open:
        # The recovery that can run long: parse within the budget.
        tree = parse_within(parser, source, old_tree, budget)
    else:
        tree = parser.parse(source, old_tree)
    if tree is not None and not (may_isolate and tree.root_node.has_error):
        return Reparsed(tree, None)
    kept = _isolate(source, old_tree, span, lines)
    if kept is not None:
        return Reparsed(kept, span)
    # Leaving the lines out broke the rest (a block's header, say): parse it all.
    return Reparsed(tree or parser.parse(source, old_tree), None)


def parse_within(parser: Parser, source: bytes, old_tree: Tree, budget: float) -> Tree | None:
    """``source`` parsed incrementally from ``old_tree`` (which needs no edit), or
    None when error recovery runs past ``budget`` seconds."""
    deadline = time.perf_counter() + budget

    def progress(_offset: int, has_error: bool) -> bool:
        return has_error and time.perf_counter() > deadline

    try:
        return parser.parse(Source(source), old_tree, progress_callback=progress)
    except ValueError:
        parser.reset()
        return None


def _isolate(source: bytes, old_tree: Tree, span: tuple[int, int], lines: LineIndex) -> Tree | None:
    """The tree without the lines of ``span``, if it has no syntax error then."""
    lo, hi = span
    ranges: list[Range] = []
    if lo > 0:
        ranges.append(Range((0, 0), lines.point(lo), 0, lo))
    if hi < len(source):
        ranges.append(Range(lines.point(hi), (_END, _END), hi, _END))
    isolating = new_parser()
    isolating.included_ranges = ranges
    tree = isolating.parse(source, old_tree)
    return None if tree.root_node.has_error else tree


def _left_open(line: bytes) -> bool:
    """Whether ``line`` opens more brackets than it closes, strings and comments aside.

    Such a line cannot parse until a bracket is typed (or the line is broken):
    typing other characters into it need not try the whole file. A line too
    long to scan cheaply, or one the scan may misread (a triple quote), says no.
    """
    if len(line) > _SCANNED or b'"""' in line or b"'''" in line:
        return False
    code = _STRINGS_AND_COMMENTS.sub(b"", line)
    depth = 0
    for byte in code:
        if byte in _OPENING:
            depth += 1
        elif byte in _CLOSING:
            depth -= 1
    return depth > 0


def _lines_of(source: bytes, start: int, end: int) -> tuple[int, int]:
    """The whole lines (tree-sitter's: broken at ``\\n``) that ``start``-``end`` touches."""
    lo = source.rfind(b"\n", 0, start) + 1
    newline = source.find(b"\n", end)
    return lo, len(source) if newline < 0 else newline + 1


# Statements and clauses whose first line heads a block: those whose blocks run
# in the enclosing scope, and definitions with their decorators.
_HEADERS = (SAME_SCOPE_BLOCKS - {"block"}) | {
    "function_definition",
    "class_definition",
    "decorated_definition",
    "decorator",
}


def _opens_more_lines(tree: Tree, source: bytes, span: tuple[int, int]) -> bool:
    """Whether these lines head a block of ``tree`` that goes on below them.

    Leaving out a block's header (``def f(self):``) can leave its body to the
    block above, a tree without an error but with other functions: the
    lines are not left out then. (The first line of a call spread over lines,
    left out, orphans the rest with an error, which ``_isolate`` sees.)
    """
    lo, hi = span
    line = source[lo:hi]
    first = lo + len(line) - len(line.lstrip())
    if first >= hi:
        return False
    node = tree.root_node.descendant_for_byte_range(first, first)
    while node is not None and node.start_byte >= lo and node.parent is not None:
        if node.end_byte > hi and node.type in _HEADERS:
            return True
        node = node.parent
    return False


def _errors_within(tree: Tree, span: tuple[int, int]) -> bool:
    """Whether every syntax error of ``tree`` lies inside ``span`` (or there is none)."""
    lo, hi = span
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            if node.start_byte < lo or node.end_byte > hi:
                return False
            continue
        stack.extend(child for child in node.children if child.has_error)
    return True
