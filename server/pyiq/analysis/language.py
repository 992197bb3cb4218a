"""One tree-sitter Python language object per process.

Creating a ``Language`` is cheap but a ``Parser`` carries state, so callers
get a fresh parser each time while the language is shared.
"""

from __future__ import annotations

from functools import cache

import tree_sitter_python
from tree_sitter import Language, Parser


@cache
def python_language() -> Language:
    return Language(tree_sitter_python.language())


def new_parser() -> Parser:
    return Parser(python_language())


def sanitize(source: bytes) -> bytes:
    """The source with each byte that is not valid UTF-8 replaced by ``?``.

    tree-sitter parses bytes, but its query predicates decode node text as
    UTF-8 and fail on invalid sequences. One ASCII byte per invalid byte
    keeps every offset and column where it was.
    """
    try:
        source.decode("utf-8")
    except UnicodeDecodeError:
        text = source.decode("utf-8", "surrogateescape")
        return "".join("?" if "\udc80" <= ch <= "\udcff" else ch for ch in text).encode(
            "utf-8", "surrogatepass"
        )
    return source
