"""What a file imports: the names predicates resolve through."""

from __future__ import annotations

from tree_sitter import Tree

from pyiq.analysis.imports import import_map, module_imports
from pyiq.analysis.language import new_parser

SOURCE = b"""\
import os.path
import numpy as np
from collections import deque, OrderedDict as OD
from . import sibling
from .. import cousin as c
from .pkg import thing
from ..pkg.sub import other


def f():
    import json
    from copy import deepcopy as dc
"""


def _parsed(source: bytes) -> Tree:
    return new_parser().parse(source)


def test_import_map_resolves_every_local_name() -> None:
    assert import_map(_parsed(SOURCE), SOURCE) == {
        "os": "os",
        "np": "numpy",
        "deque": "collections.deque",
        "OD": "collections.OrderedDict",
        "sibling": ".sibling",
        "c": "..cousin",
        "thing": ".pkg.thing",
        "other": "..pkg.sub.other",
        "json": "json",
        "dc": "copy.deepcopy",
    }


def test_module_imports_are_top_level_names_only() -> None:
    assert module_imports(_parsed(SOURCE), SOURCE) == frozenset(
        {"os", "np", "deque", "OD", "sibling", "c", "thing", "other"}
    )


def test_import_in_a_string_or_comment_is_not_an_import() -> None:
    source = b'x = "import os"  # import sys\n'
    assert import_map(_parsed(source), source) == {}
