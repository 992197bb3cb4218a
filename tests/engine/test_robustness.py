"""Bad input gets a clear answer and nothing crashes."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyiq.analysis import Document, analyze
from pyiq.analysis.lines import LineIndex
from pyiq.sources import SourceError, decode_source

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
REAL_FILES = sorted(RULES_DIR.glob("*/*.py"))


def _positions(source: bytes, encoding: str = "utf-32") -> list[tuple[str, int, int]]:
    index = LineIndex(source)
    return [(f.rule, *index.position(f.start_byte, encoding)) for f in analyze(source)]


def test_empty_file() -> None:
    assert analyze(b"") == []


def test_columns_after_astral_and_non_ascii_characters() -> None:
    source = "s = 'é😀'; f = lambda: 0\ndef g(a='😀', b=[]): pass\n".encode()
    assert ("mutable-default-argument", 1, 15) in _positions(source)
    assert ("mutable-default-argument", 1, 16) in _positions(source, "utf-16")
    assert ("mutable-default-argument", 1, 18) in _positions(source, "utf-8")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_give_the_same_lines(newline: str) -> None:
    text = newline.join(["import os", "", "def f(x=[]):", "\treturn x", ""])
    assert ("mutable-default-argument", 2, 8) in _positions(text.encode())


def test_form_feed_and_line_separator_do_not_split_lines() -> None:
    text = "x = 1\f\ny = '\u2028'\ndef f(a=[]): pass\n"
    assert ("mutable-default-argument", 2, 8) in _positions(text.encode())


def test_syntax_errors_keep_findings_from_the_valid_parts() -> None:
    source = b"def broken(:\n    pass\n\ndef f(a=[]):\n    return a\n"
    assert ("mutable-default-argument", 3, 8) in _positions(source)


def test_deeply_nested_brackets_do_not_recurse() -> None:
    source = b"x = " + b"(" * 500 + b"1" + b")" * 500 + b"\ndef f(a=[]): pass\n"
    assert ("mutable-default-argument", 1, 8) in _positions(source)
    unbalanced = b"x = " + b"[" * 5000 + b"\n"
    analyze(unbalanced)


def test_fifty_thousand_lines() -> None:
    body = "def f{0}(a, b=[]):\n    return a\n"
    source = "".join(body.format(i) for i in range(25_000)).encode()
    findings = analyze(source)
    assert len([f for f in findings if f.rule == "mutable-default-argument"]) == 25_000


def test_binary_file_is_refused_clearly() -> None:
    with pytest.raises(SourceError, match="binary file"):
        decode_source(b"\x7fELF\x00\x01\x02", "a.out")


def test_bom_is_dropped_and_columns_stay_right() -> None:
    source = decode_source(codecs.BOM_UTF8 + b"def f(a=[]): pass\n", "bom.py")
    assert _positions(source.data)[0] == ("mutable-default-argument", 0, 8)


def test_declared_latin1_is_decoded() -> None:
    raw = "# -*- coding: latin-1 -*-\ns = 'café'; f = lambda: 0\n".encode("latin-1")
    source = decode_source(raw, "latin.py")
    assert source.encoding == "iso8859-1"
    assert "café".encode() in source.data


def test_invalid_utf8_is_refused_clearly() -> None:
    with pytest.raises(SourceError, match=r"not valid utf-8 at byte 5"):
        decode_source(b"x = '\xff'\n", "bad.py")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data: bytes) -> None:
    doc = Document(data)
    doc.findings()
    doc.apply_byte_edit(len(data) // 2, len(data) // 2 + 3, data[:7])
    doc.findings()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32), st.sampled_from(REAL_FILES))
def test_mutated_real_files_never_raise(seed: int, path: Path) -> None:
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 20)):
        if not data:
            break
        i = rng.randrange(len(data))
        op = rng.randrange(3)
        if op == 0:
            del data[i : i + rng.randint(1, 10)]
        elif op == 1:
            data[i:i] = bytes(rng.choice(b"()[]{}:'\"\\\n\r\t #@=") for _ in range(3))
        else:
            data[i] = rng.randrange(256)
    analyze(bytes(data))


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "\udbff\ud800"])
def test_a_lone_surrogate_is_one_character_as_the_client_counts_it(surrogate: str) -> None:
    # JSON lets a client send lone surrogates; they reach the engine encoded
    # with surrogatepass, three bytes that are not UTF-8. Each must stay one
    # UTF-16 unit and one code point, or every column after it on the line
    # drifts from the client's, and so does every edit the client sends there.
    text = f"s = '{surrogate}'; f = lambda: 0\n"
    column = text.index("f =")
    doc = Document.from_text(text)
    found = [f for f in doc.raw_findings if f.rule == "lambda-assignment"]
    assert [doc.lines.position(f.start_byte, "utf-16") for f in found] == [(0, column)]
    assert [doc.lines.position(f.start_byte, "utf-32") for f in found] == [(0, column)]
    doc.apply_edit((0, column), (0, column), "g = 1; ")
    assert doc.text.endswith("'; g = 1; f = lambda: 0\n")
    assert doc.raw_findings == Document(doc.source).raw_findings
