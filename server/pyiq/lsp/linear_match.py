"""Full matches of glob regexes in linear time, whatever the pattern.

Python's ``re`` backtracks: a glob of 25 stars (``*a*a*a…``) tried on a long
file name that nearly matches takes time exponential in the stars, and a
project's ruff configuration is what decides the pattern. The regexes
:mod:`pyiq.lsp.ruff_glob` builds use only literals, any-character, classes,
alternation and ``?``/``*`` repeats, so they are simulated here as a
Thompson NFA: each character of the path advances a set of states, at most
as many as the pattern has, so a match costs O(len(path) * len(pattern)).

``re`` stays the fast path for patterns with at most ``SAFE_STARS``
unbounded repeats (``**/*.py`` has two): their backtracking is polynomial of
that degree in the path's length and paths are short.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as sre
    from re import _parser as sre_parse
else:  # pragma: no cover - exercised on 3.10 only
    import sre_constants as sre
    import sre_parse

SAFE_STARS = 2

Test = Callable[[str], bool]


class _State:
    __slots__ = ("outs", "test")

    def __init__(self, test: Test | None = None, outs: list[_State] | None = None) -> None:
        self.test = test  # None: an epsilon (split) state, or the match state without outs
        self.outs: list[_State] = outs or []


class UnsupportedPattern(ValueError):
    """The regex uses something outside the glob subset."""


def _class_test(items: list[tuple[Any, Any]]) -> Test:
    negate = False
    chars: set[str] = set()
    ranges: list[tuple[str, str]] = []
    for op, value in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            chars.add(chr(value))
        elif op is sre.RANGE:
            ranges.append((chr(value[0]), chr(value[1])))
        else:
            raise UnsupportedPattern(f"class item {op}")

    def test(char: str) -> bool:
        inside = char in chars or any(low <= char <= high for low, high in ranges)
        return inside != negate

    return test


def _compile(nodes: Any, next_state: _State) -> _State:
    """The NFA for ``nodes`` continuing to ``next_state``, built from the end."""
    state = next_state
    for op, value in reversed(list(nodes)):
        state = _node(op, value, state)
    return state


def _node(op: Any, value: Any, after: _State) -> _State:
    if op is sre.LITERAL:
        literal = chr(value)
        return _State(lambda char: char == literal, [after])
    if op is sre.NOT_LITERAL:
        literal = chr(value)
        return _State(lambda char: char != literal, [after])
    if op is sre.ANY:
        return _State(lambda char: True, [after])
    if op is sre.IN:
        return _State(_class_test(value), [after])
    if op is sre.SUBPATTERN:
        return _compile(value[-1], after)
    if op is sre.BRANCH:
        return _State(None, [_compile(branch, after) for branch in value[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = value
        if high is sre.MAXREPEAT:
            loop = _State(None)
            loop.outs = [_compile(body, loop), after]
            state = loop
        else:
            state = after
            for _ in range(high - low):
                state = _State(None, [_compile(body, state), after])
        for _ in range(low):
            state = _compile(body, state)
        return state
    raise UnsupportedPattern(f"regex operator {op}")


def _closure(states: list[_State], into: set[_State]) -> None:
    stack = list(states)
    while stack:
        state = stack.pop()
        if state in into:
            continue
        into.add(state)
        if state.test is None:
            stack.extend(state.outs)


class LinearMatcher:
    """``fullmatch`` of a regex subset by NFA simulation."""

    def __init__(self, pattern: str, flags: int = re.DOTALL) -> None:
        self.pattern = pattern
        self._accept = _State()
        self._start = _compile(sre_parse.parse(pattern, flags), self._accept)

    def fullmatch(self, text: str) -> bool:
        current: set[_State] = set()
        _closure([self._start], current)
        for char in text:
            following = [state.outs[0] for state in current if state.test and state.test(char)]
            if not following:
                return False
            current = set()
            _closure(following, current)
        return self._accept in current


def _unbounded(nodes: Any) -> int:
    """Unbounded repeats one match can pass in sequence: the degree of backtracking."""
    count = 0
    for op, value in nodes:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            count += (value[1] is sre.MAXREPEAT) + _unbounded(value[2])
        elif op is sre.SUBPATTERN:
            count += _unbounded(value[-1])
        elif op is sre.BRANCH:
            count += max((_unbounded(branch) for branch in value[1]), default=0)
    return count


def repeats_in(pattern: str) -> int:
    """The degree of ``re``'s backtracking on ``pattern``: its unbounded repeats in sequence."""
    return _unbounded(sre_parse.parse(pattern, re.DOTALL))


class GlobMatcher:
    """A compiled glob regex: ``re`` when backtracking is harmless, the NFA otherwise."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        tree = sre_parse.parse(pattern, re.DOTALL)
        self._regex: re.Pattern[str] | None = None
        self._nfa: LinearMatcher | None = None
        if _unbounded(tree) <= SAFE_STARS:
            self._regex = re.compile(pattern, re.DOTALL)
        else:
            self._nfa = LinearMatcher(pattern)

    def fullmatch(self, text: str) -> bool:
        if self._regex is not None:
            return self._regex.fullmatch(text) is not None
        assert self._nfa is not None
        return self._nfa.fullmatch(text)
