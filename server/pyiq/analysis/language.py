"""One tree-sitter Python language object per process.

Creating a ``Language`` is cheap but a ``Parser`` carries state, so callers
get a fresh parser each time while the language is shared.
"""

from __future__ import annotations

import re
from functools import cache

import tree_sitter_python
from tree_sitter import Language, Parser


@cache
def python_language() -> Language:
    return Language(tree_sitter_python.language())


def new_parser() -> Parser:
    return Parser(python_language())


# A UTF-16 surrogate encoded as UTF-8 (``surrogatepass``): how a lone surrogate a
# client sends in JSON (``"\\ud800"``) reaches the engine.
_SURROGATE = re.compile(rb"\xed[\xa0-\xbf][\x80-\xbf]")
_REPLACEMENT = "\ufffd".encode()


def sanitize(source: bytes) -> bytes:
    """The source with each byte that is not valid UTF-8 replaced by ``?``.

    tree-sitter parses bytes, but its query predicates decode node text as
    UTF-8 and fail on invalid sequences. One ASCII byte per invalid byte
    keeps every offset and column where it was. A lone surrogate is one
    character to the client that sent it (one UTF-16 unit, one code point):
    its three bytes become U+FFFD, three bytes and one character too, so the
    columns after it on its line stay the client's.
    """
    try:
        source.decode("utf-8")
    except UnicodeDecodeError:
        source = _SURROGATE.sub(_REPLACEMENT, source)
        text = source.decode("utf-8", "surrogateescape")
        return "".join("?" if "\udc80" <= ch <= "\udcff" else ch for ch in text).encode(
            "utf-8", "surrogatepass"
        )
    return source
