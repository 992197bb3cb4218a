"""The client's side of a random editing session: its text, its positions, its edits.

An LSP client holds the document as a string, counts columns in UTF-16
units and ends lines at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (never at
``\\f`` or ``\\u2028``). ``Editor`` keeps such a text, turns edits made at
string indices into the ranges a client sends, and generates realistic
edit streams: typing a line character by character, backspacing, pasting
blocks, Enter in the middle of a line, typing at the end of the file,
awkward characters, edits on block headers and several cursors at once.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from lsprotocol import types

_BREAK = re.compile(r"\r\n|\r|\n")

# Lines an editor's user types or pastes: constructs the rules find, brackets
# and strings left open, block headers, tabs, non-ASCII and astral characters.
LINES = [
    "x = [value for v in items if v]",
    "    y = run(a, b, c)",
    "d = {'k': [1, 2], 'j': (3,)}",
    "s = f'{x!r:>{w}}' + (a)",
    "é = ['😀', '\U00010348']",
    "\tw = [\t1]",
    "t = '(' + ['[']",
    "u = [  # ]\n    1]",
    "v = (a \\\n  + b)",
    "@deco(1)",
    "async with open(p) as f:",
    "match (x):",
    "    case [a, b]:",
    "return (1, 2)",
    "def f(a=[], *, b={}):",
    "class C(A, B, metaclass=M):",
    "for i in range(3): fs.append(lambda: i)",
    "if x is 1 or y == None:",
    "try:",
    "except:",
    "with open(p) as f:",
    "else:",
    "s = '''doc",
    's = "unclosed',
    "x = 1\f",
    "y = '\u2028'",
    "from yaml import load as ld",
    "ld(s)",
    "global counter",
    "yield from g()",
    "    pass",
    "        return self",
]
AWKWARD = ["\r\n", "\r", "\n", "\f", "\u2028", "\t", "é", "😀", "(", "[", ")", "'", '"', "#", ":"]
# Lines that head a block, where removing the colon or extending the header breaks it.
_HEADER = re.compile(r"(?m)^(?:def |class |    def |if |for |with |try:)")


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Editor:
    """A client's copy of one document and the edits it sends."""

    text: str
    rng: random.Random
    # Every edit applied, as (index, removed, inserted): undone in reverse.
    history: list[tuple[int, str, str]] = field(default_factory=list)

    def _starts(self) -> list[int]:
        return [0] + [m.end() for m in _BREAK.finditer(self.text)]

    def position(self, index: int) -> types.Position:
        starts = self._starts()
        line = max(i for i, start in enumerate(starts) if start <= index)
        return types.Position(line=line, character=_units(self.text[starts[line] : index]))

    def line_end(self, line: int) -> int:
        """The length of ``line`` in UTF-16 units, its line break left out."""
        start = self._starts()[line]
        match = _BREAK.search(self.text, start)
        return _units(self.text[start : match.start() if match else len(self.text)])

    def change(self, lo: int, hi: int, new: str) -> types.TextDocumentContentChangePartial:
        """Replaces ``text[lo:hi]`` and returns the change a client sends for it."""
        sent, lo, removed = self._replace(lo, hi, new)
        self.history.append((lo, removed, sent.text))
        return sent

    def _replace(
        self, lo: int, hi: int, new: str
    ) -> tuple[types.TextDocumentContentChangePartial, int, str]:
        """The change, where it starts and what it removed.

        No position lies between the ``\\r`` and ``\\n`` of a line break, so
        a range ending there takes in the neighbouring half, given back in
        the new text.
        """
        if 0 < lo < len(self.text) and self.text[lo - 1 : lo + 1] == "\r\n":
            lo, new = lo - 1, "\r" + new
        if 0 < hi < len(self.text) and self.text[hi - 1 : hi + 1] == "\r\n":
            hi, new = hi + 1, new + "\n"
        hi = max(lo, hi)
        rng = types.Range(start=self.position(lo), end=self.position(hi))
        removed = self.text[lo:hi]
        self.text = self.text[:lo] + new + self.text[hi:]
        return types.TextDocumentContentChangePartial(range=rng, text=new), lo, removed

    def undo(self) -> list[types.TextDocumentContentChangePartial]:
        """The changes that take the text back to where the history began."""
        changes = []
        for lo, removed, inserted in reversed(self.history):
            changes.append(self._replace(lo, lo + len(inserted), removed)[0])
        self.history = []
        return changes

    def _line(self) -> tuple[int, int]:
        at = self.rng.randint(0, len(self.text))
        starts = self._starts()
        line = max(i for i, start in enumerate(starts) if start <= at)
        lo = starts[line]
        match = _BREAK.search(self.text, lo)
        return lo, match.start() if match else len(self.text)

    def burst(self) -> list[list[types.TextDocumentContentChangePartial]]:
        """One random editing gesture: the didChange notifications it sends, in order."""
        rng, text = self.rng, self.text
        kind = rng.choice(
            ["type", "type", "delete", "paste", "enter", "end", "awkward", "header", "cursors"]
        )
        if kind == "type":
            lo, hi = self._line()
            line = rng.choice(LINES)
            at = rng.choice([lo, hi])
            if at == hi:
                line = "\n" + line
            sent = []
            for char in line:
                sent.append([self.change(at, at, char)])
                at += len(char)
            return sent
        if kind == "delete":
            at = rng.randint(0, len(text))
            sent = []
            for _ in range(rng.randint(1, 8)):
                at = min(at, len(self.text))
                if at == 0:
                    break
                sent.append([self.change(at - 1, at, "")])
                at -= 1
            return sent
        if kind == "paste":
            lo, hi = self._line()
            block = "\n".join(rng.sample(LINES, rng.randint(1, 4))) + rng.choice(["\n", ""])
            return [[self.change(lo, rng.choice([lo, hi]), block)]]
        if kind == "enter":
            lo, hi = self._line()
            at = rng.randint(lo, hi)
            return [[self.change(at, at, rng.choice(["\n", "\n    ", "\r\n"]))]]
        if kind == "end":
            sent = []
            for char in rng.choice(LINES + AWKWARD):
                sent.append([self.change(len(self.text), len(self.text), char)])
            return sent
        if kind == "awkward":
            at = rng.randint(0, len(text))
            return [[self.change(at, min(len(text), at + rng.choice([0, 1])), rng.choice(AWKWARD))]]
        if kind == "header":
            heads = [m.start() for m in _HEADER.finditer(text)]
            if not heads:
                return []
            at = rng.choice(heads)
            end = _BREAK.search(text, at)
            stop = end.start() if end else len(text)
            colon = text.rfind(":", at, stop)
            if colon >= 0 and rng.random() < 0.5:
                return [[self.change(colon, colon + 1, "")]]
            return [[self.change(stop, stop, rng.choice(["(", " x", "[", "  # c"]))]]
        # Several cursors, one per line at the same column: one notification,
        # the changes bottom-up as editors send them.
        starts = self._starts()
        first = rng.randrange(len(starts))
        rows = range(first, min(len(starts), first + rng.randint(2, 4)))
        char = rng.choice(["x", "(", "#", "    ", "é", "😀", "'"])
        column = rng.randint(0, 4)
        changes = []
        for row in reversed(rows):
            lo = self._starts()[row]
            match = _BREAK.search(self.text, lo)
            end = match.start() if match else len(self.text)
            at = min(lo + column, end)
            changes.append(self.change(at, at, char))
        return [changes]
