"""Git ignore rules compiled so that no ``.gitignore`` can stall discovery.

pathspec's ``GitIgnoreSpec`` matches each rule with Python's backtracking
``re``: a rule of a dozen stars (``*a*a*a…b``) takes seconds per file name
that nearly matches, and a cloned repository writes the ``.gitignore``. Git
(wildmatch) and ruff (the ``ignore`` crate, on the linear-time ``regex``
crate) answer at once. Here:

* a rule with more unbounded repeats than ``re`` handles harmlessly has its
  regex matched by the linear-time NFA of :mod:`pyiq.lsp.linear_match`,
  with the same answer (the match, and whether it ended on a directory);
* a line longer than ``MAX_LINE`` characters is left out: its literal part
  is longer than any path (``PATH_MAX``), and compiling it alone would cost
  more than the whole walk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pathspec import GitIgnoreSpec

from pyiq.lsp.linear_match import SAFE_STARS, LinearMatcher, UnsupportedPattern, repeats_in

# PATH_MAX on Linux: a rule longer than this matches no path.
MAX_LINE = 4096
# How pathspec ends a rule's regex (pathspec 1.x): at the end of the path or
# at a directory separator, named so that it can rank directory matches.
_EITHER_END = "(?:(?P<ps_d>/)|$)"
_DIR_END = "(?P<ps_d>/)"
_DIR_MARK = "ps_d"


class _Match:
    """What pathspec reads of a match: the directory mark."""

    __slots__ = ("_mark",)

    def __init__(self, mark: str | None) -> None:
        self._mark = mark

    def groupdict(self) -> dict[str, str | None]:
        return {_DIR_MARK: self._mark}


class _LinearRule:
    """A rule's regex answered by the NFA: ``search`` as ``re`` answers it, in linear time."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        # ``search`` of an unanchored regex may start anywhere.
        body = pattern[1:] if pattern.startswith("^") else f".*(?:{pattern})"
        self._at_end: LinearMatcher | None = None
        self._mark: str | None = "/"
        if body.endswith(_EITHER_END):  # the path itself, or a folder above it
            body = body[: -len(_EITHER_END)]
            self._at_end = LinearMatcher(body)
            self._in_dir = LinearMatcher(f"(?:{body})/.*")
        elif body.endswith(_DIR_END):  # a folder above it only
            self._in_dir = LinearMatcher(f"(?:{body[: -len(_DIR_END)]})/.*")
        else:  # a prefix of the path, no directory mark
            self._in_dir = LinearMatcher(f"(?:{body}).*")
            self._mark = None

    def search(self, path: str) -> _Match | None:
        # A rule naming the path itself outranks one naming a folder above it,
        # as ``re``'s greedy ``(?:.+/)?`` prefix finds the end match first.
        if self._at_end is not None and self._at_end.fullmatch(path):
            return _Match(None)
        if self._in_dir.fullmatch(path):
            return _Match(self._mark)
        return None


def _harmless(pattern: str) -> bool:
    """Few enough stars for ``re`` (one more than globs: the ``(?:.+/)?`` prefix)."""
    try:
        return repeats_in(pattern) <= SAFE_STARS + 1
    except (re.error, RecursionError, OverflowError):
        return False


def git_ignore_spec(lines: Iterable[str]) -> GitIgnoreSpec:
    """The spec of a ``.gitignore``'s lines, safe to match against any path."""
    spec = GitIgnoreSpec.from_lines(line for line in lines if len(line) <= MAX_LINE)
    for rule in spec.patterns:
        regex: Any = getattr(rule, "regex", None)
        if regex is None or _harmless(regex.pattern):
            continue
        try:
            rule.regex = _LinearRule(regex.pattern)  # type: ignore[attr-defined]
        except (UnsupportedPattern, re.error, RecursionError):
            # A form this module does not know (another pathspec): never
            # match rather than risk a stall.
            rule.include = None  # type: ignore[attr-defined]
    return spec
