"""Turning text from the user's file into safe pieces of a template.

Only two kinds of thing cross from the user's code into a snippet:

- identifiers, re-spelt by :func:`identifier` into a valid Python name
  that is not a keyword, not a builtin and not a name the template itself
  uses (so ``def print(list=[])`` cannot break the snippet);
- literal values, read by :func:`literal` with ``ast.literal_eval`` (which
  evaluates nothing but literals) and re-emitted with ``repr``, limited in
  size, so no expression of the user's is ever executed.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import re
from collections.abc import Iterable

from pyiq.terminal_text import clean, code_span

_MAX_NAME = 32
_MAX_LITERAL_TEXT = 120
_MAX_REPR = 80
_NOT_WORD = re.compile(r"\W+")
_RESERVED = frozenset(dir(builtins)) | frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
_LITERAL_TYPES = (int, float, complex, str, bytes, bool, type(None))


def identifier(text: str | None, fallback: str, taken: Iterable[str] = ()) -> str:
    """A usable Python name derived from ``text`` (the last dotted part), else ``fallback``.

    ``taken`` are names already used by the template; a clash gets a
    trailing underscore, as PEP 8 suggests for clashes with keywords.
    """
    used = set(taken)
    name = ""
    if text:
        last = text.strip().rsplit(".", 1)[-1]
        name = _NOT_WORD.sub("_", last).strip("_")[:_MAX_NAME]
        if name and name[0].isdigit():
            name = "_" + name
        if not name.isidentifier():
            name = ""
    name = name or fallback
    while name in _RESERVED or name in used or name.startswith("__"):
        name += "_"
    return name


def literal(text: str | None) -> tuple[bool, object]:
    """(True, value) when ``text`` is a small plain literal, else (False, None).

    Containers may hold only plain scalars and other such containers; the
    text and the value's repr are size-limited so a template stays short.
    """
    if not text or len(text) > _MAX_LITERAL_TEXT:
        return False, None
    try:
        value = ast.literal_eval(text.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False, None
    if not _plain(value) or len(repr(value)) > _MAX_REPR:
        return False, None
    return True, value


def _plain(value: object, depth: int = 0) -> bool:
    if depth > 4:
        return False
    if isinstance(value, _LITERAL_TYPES):
        return True
    if isinstance(value, (list, tuple, set, frozenset)):
        return all(_plain(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    return False


def emit(value: object) -> str:
    """Source text for a value :func:`literal` accepted."""
    return repr(value)


def inline(text: str, limit: int = 40) -> str:
    """User text shown in a prompt (never in code): one line, shortened, controls escaped."""
    text = clean(" ".join(text.split()), keep_breaks=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def span(text: str, limit: int = 40) -> str:
    """User text as Markdown inline code: a backtick in it cannot end the span."""
    return code_span(inline(text, limit))
