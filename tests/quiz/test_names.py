"""Sanitising user identifiers and reading literals."""

from __future__ import annotations

import builtins
import keyword

from hypothesis import given
from hypothesis import strategies as st

from pyiq.quiz.predict.names import emit, identifier, literal


def test_plain_names_are_kept():
    assert identifier("add_item", "f") == "add_item"
    assert identifier("self.cache", "f") == "cache"


def test_clashes_get_an_underscore():
    assert identifier("list", "f") == "list_"
    assert identifier("class", "f") == "class_"
    assert identifier("calls", "f", {"calls"}) == "calls_"
    assert identifier("__dunder__", "f").startswith("dunder")


def test_junk_falls_back_or_is_repaired():
    assert identifier("", "fallback") == "fallback"
    assert identifier("9lives", "f") == "_9lives"
    assert identifier("a-b c", "f") == "a_b_c"
    assert identifier("(x)[0]", "f") == "x_0"
    assert identifier("データ", "f") == "データ"


@given(st.text(max_size=60), st.sets(st.text(max_size=8), max_size=3))
def test_any_text_becomes_a_safe_name(text, taken):
    name = identifier(text, "fallback", taken)
    assert name.isidentifier()
    assert not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
    assert not hasattr(builtins, name)
    assert name not in taken
    compile(f"{name} = 1", "<test>", "exec")


def test_literals_are_read_without_evaluating_code():
    assert literal("[1, 'a', (2.5, None)]") == (True, [1, "a", (2.5, None)])
    assert literal("{'k': {1, 2}}") == (True, {"k": {1, 2}})
    assert literal("__import__('os').system('x')") == (False, None)
    assert literal("f(1)") == (False, None)
    assert literal("[" * 100) == (False, None)
    assert literal("1" * 200) == (False, None)  # too long to show


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3), max_leaves=6))  # fmt: skip
def test_literals_round_trip_through_repr(value):
    ok, read = literal(emit(value))
    if ok:
        assert read == value
