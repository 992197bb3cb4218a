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
