"""Finding the identifiers of a name by searching bytes, checked against the tree's identifiers.

The search drops hits inside longer words by their neighbouring bytes
before asking the tree, so these tests feed it what makes that hard: names
glued to numbers in broken code, dots, non-ASCII blanks and letters,
strings and comments.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tree_sitter import Node

from pyiq.analysis.language import new_parser
from pyiq.analysis.predicates import descendants, identifiers


def _spans(nodes: list[Node]) -> list[tuple[int, int]]:
    return [(n.start_byte, n.end_byte) for n in nodes]


def _every_identifier(root: Node, name: bytes, source: bytes) -> list[tuple[int, int]]:
    return [
        (n.start_byte, n.end_byte)
        for n in descendants(root)
        if n.type == "identifier" and source[n.start_byte : n.end_byte] == name
    ]


def test_names_glued_to_numbers_and_after_blanks_are_found() -> None:
    source = (
        "re = 1\n"
        "return re + are + re1 + x.re + _re\n"
        "a = 1re, 0xfre, 1.e5re, 1jre, 1_0re\n"
        "b = \u200bre, ére, 're', f(re=re)  # re\n"
    ).encode()
    root = new_parser().parse(source).root_node
    found = _spans(list(identifiers(root, b"re", source)))
    assert found == _every_identifier(root, b"re", source)
    # The assignment, the read, the attribute, five glued to numbers, the one
    # after the zero-width space, and the keyword argument's name and value.
    lines = [source[:start].count(b"\n") for start, _ in found]
    assert lines == [0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3]


def test_a_search_between_offsets_stays_between_them() -> None:
    source = b"re = re\nre = re\n"
    root = new_parser().parse(source).root_node
    assert _spans(list(identifiers(root, b"re", source, 3, 12))) == [(5, 7), (8, 10)]


_PIECES = ["re", "r", "e", "1", "0x", ".", "_", " ", "\n", "(", ")", "'", "#", "=", "\u200b", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from([b"re", b"e", b"r"]))
def test_the_search_finds_exactly_the_trees_identifiers(pieces: list[str], name: bytes) -> None:
    source = "".join(pieces).encode()
    root = new_parser().parse(source).root_node
    assert _spans(list(identifiers(root, name, source))) == _every_identifier(root, name, source)
