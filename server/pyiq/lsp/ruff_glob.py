"""Ruff's file patterns: globs as the ``globset`` crate reads them.

Python's ``fnmatch`` and ``pathlib`` disagree with ruff on the cases that
decide whether a file is linted: in ruff's globs (globset with default
options) ``*`` and ``?`` also match ``/`` (``"tests/*"`` covers
``tests/sub/x.py``), ``**`` is recursive only as a whole path component,
``{a,b}`` alternates, and ``[!x]`` / ``[^x]`` negate a class. A relative
pattern is anchored at the directory of the configuration file that names
it (``GlobPath::normalize``: joined, ``.``/``..`` removed, the directory
itself taken literally); a pattern that ruff cannot compile makes ruff
refuse the whole configuration, so :class:`GlobError` is raised for it.
Patterns are matched in linear time (:mod:`pyiq.lsp.linear_match`): a
project's configuration must not be able to hang the server.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from pyiq.lsp.linear_match import GlobMatcher


class GlobError(ValueError):
    """A pattern globset rejects (unclosed class or alternation, dangling escape)."""


_RECURSIVE_PREFIX = "(?:/?|.*/)"
_RECURSIVE_SUFFIX = "/.*"
_RECURSIVE_MIDDLE = "(?:/|/.*/)"
_META = "*?[]{}"


class _Parser:
    """globset's tokenizer, emitting regex pieces instead of tokens."""

    def __init__(self, glob: str) -> None:
        self.glob = glob
        self.chars = list(glob)
        self.index = 0
        self.stack: list[list[str]] = [[]]
        self.branches: list[list[str]] = []  # finished branches of each open alternation

    def peek(self) -> str | None:
        return self.chars[self.index] if self.index < len(self.chars) else None

    def bump(self) -> str | None:
        char = self.peek()
        if char is not None:
            self.index += 1
        return char

    def push(self, piece: str) -> None:
        self.stack[-1].append(piece)

    def parse(self) -> str:
        while (char := self.bump()) is not None:
            if char == "?":
                self.push(".")
            elif char == "*":
                self._star()
            elif char == "[":
                self._class()
            elif char == "{":
                self.stack.append([])
                self.branches.append([])
            elif char == "}" and len(self.stack) > 1:
                self._close_alternation()
            elif char == "," and len(self.stack) > 1:
                self.branches[-1].append(self.stack.pop())
                self.stack.append([])
            elif char == "\\":
                escaped = self.bump()
                if escaped is None:
                    raise GlobError(f"dangling '\\' in {self.glob!r}")
                self.push(re.escape(escaped))
            else:
                self.push(re.escape(char))
        if len(self.stack) > 1:
            raise GlobError(f"unclosed alternation in {self.glob!r}")
        pieces = self.stack[0]
        if pieces == [_RECURSIVE_PREFIX]:
            return ".*"  # a pattern of just `**` matches everything
        return "".join(pieces)

    def _close_alternation(self) -> None:
        branches = [*self.branches.pop(), self.stack.pop()]
        # globset drops empty alternatives unless `empty_alternates` is set.
        kept = ["".join(branch) for branch in branches if branch]
        self.push("(?:" + "|".join(kept) + ")" if kept else "")

    def _star(self) -> None:
        # The character before this `*`, as globset's `prev` (None at the start).
        prev = self.chars[self.index - 2] if self.index >= 2 else None
        if self.peek() != "*":
            self.push(".*")
            return
        self.bump()
        if not self.stack[-1]:
            if self.peek() not in (None, "/"):
                self.push(".*")
                return
            self.push(_RECURSIVE_PREFIX)
            self.bump()
            return
        in_alternation = len(self.stack) > 1
        if prev != "/" and (not in_alternation or prev not in (",", "{")):
            self.push(".*")
            return
        following = self.peek()
        if following is None or (in_alternation and following in (",", "}")):
            suffix = True
        elif following == "/":
            self.bump()
            suffix = False
        else:
            self.push(".*")
            return
        last = self.stack[-1].pop()
        if last in (_RECURSIVE_PREFIX, _RECURSIVE_SUFFIX):
            self.push(last)
        else:
            self.push(_RECURSIVE_SUFFIX if suffix else _RECURSIVE_MIDDLE)

    def _class(self) -> None:
        negated = self.peek() in ("!", "^")
        if negated:
            self.bump()
        ranges: list[list[str]] = []
        first, in_range = True, False
        while True:
            char = self.bump()
            if char is None:
                raise GlobError(f"unclosed character class in {self.glob!r}")
            if char == "]" and not first:
                break
            if char == "-" and not first and not in_range:
                in_range = True
            elif in_range:
                ranges[-1][1] = char
                if ranges[-1][1] < ranges[-1][0]:
                    raise GlobError(f"invalid range in {self.glob!r}")
                in_range = False
            else:
                ranges.append([char, char])
            first = False
        if in_range:
            ranges.append(["-", "-"])
        body = "".join(
            re.escape(low) if low == high else f"{re.escape(low)}-{re.escape(high)}"
            for low, high in ranges
        )
        self.push(f"[{'^' if negated else ''}{body}]")


def glob_regex(glob: str) -> str:
    """The regex (to match a whole path) for one globset pattern."""
    return _Parser(glob).parse()


def compile_globs(globs: list[str]) -> GlobMatcher | None:
    """One matcher for any of ``globs`` (a ``GlobSet``); None when empty."""
    if not globs:
        return None
    return GlobMatcher("|".join(f"(?:{glob_regex(glob)})" for glob in globs))


def escape(text: str) -> str:
    """A glob matching ``text`` literally, as ``globset::escape`` writes it."""
    return "".join(f"[{char}]" if char in _META else char for char in text)


def anchored(pattern: str, root: str) -> str:
    """``pattern`` made absolute against the directory ``root`` (taken literally)."""
    if pattern.startswith("/"):
        return posixpath.normpath(pattern)
    return posixpath.normpath(posixpath.join(escape(root), pattern))


@dataclass(frozen=True)
class FileGlobs:
    """Patterns as ruff's ``exclude`` family reads them (a ``GlobSet`` of ``FilePattern``).

    ``globs`` are final (already anchored): build user patterns with
    :meth:`user`. Every glob is tried against the whole path and against its
    last component, as ``match_candidate_exclusion`` does.
    """

    globs: tuple[str, ...] = ()
    regex: GlobMatcher | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", compile_globs(list(self.globs)))

    @classmethod
    def user(cls, patterns: list[str], root: str) -> FileGlobs:
        """Each pattern anchored at ``root``, and as written when it has no ``/``.

        So ``"build"`` excludes a ``build`` directory anywhere below the root,
        while ``"src/gen"`` means that one directory.
        """
        globs: list[str] = []
        for pattern in patterns:
            globs.append(anchored(pattern, root))
            if "/" not in pattern:
                globs.append(pattern)
        return cls(tuple(globs))

    def __add__(self, other: FileGlobs) -> FileGlobs:
        return FileGlobs((*self.globs, *other.globs))

    def matches(self, path: str, name: str) -> bool:
        regex = self.regex
        return regex is not None and (regex.fullmatch(name) or regex.fullmatch(path))


@dataclass(frozen=True)
class PerFileGlob:
    """A ``per-file-ignores`` key: basename and absolute matchers, maybe negated.

    Ruff (``CompiledPerFileList``) tries the pattern as written against the
    file name and its absolute form against the whole path; ``!pattern``
    applies to the files that match neither.
    """

    pattern: str
    basename: GlobMatcher = field(compare=False, repr=False)
    absolute: GlobMatcher = field(compare=False, repr=False)
    negated: bool = False

    @classmethod
    def parse(cls, pattern: str, root: str) -> PerFileGlob:
        negated = pattern.startswith("!")
        body = pattern[1:] if negated else pattern
        return cls(
            pattern,
            GlobMatcher(glob_regex(body)),
            GlobMatcher(glob_regex(anchored(body, root))),
            negated,
        )

    def applies(self, path: str, name: str) -> bool:
        matched = self.basename.fullmatch(name) or self.absolute.fullmatch(path)
        return matched != self.negated
