"""The `not in` and `yaml.safe_load` quick fixes: the exact text after the edit, and no fix where
the rewrite would not be obviously right."""

from __future__ import annotations

import ast

import pytest

from pyiq.analysis import Document
from pyiq.lsp.fixes import Fix, quick_fix


def _fixes(source: str, rule: str) -> list[Fix | None]:
    doc = Document(source.encode())
    return [quick_fix(doc, f) for f in doc.findings() if f.rule == rule]


def _apply(source: str, fix: Fix) -> str:
    data = source.encode()
    for edit in sorted(fix.edits, key=lambda e: (e.start, e.end), reverse=True):
        data = data[: edit.start] + edit.text.encode() + data[edit.end :]
    return data.decode()


def fixed(source: str, rule: str) -> str:
    (fix,) = _fixes(source, rule)
    assert fix is not None, source
    text = _apply(source, fix)
    ast.parse(text)
    return text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("if not key in cache:\n    pass\n", "if key not in cache:\n    pass\n"),
        ("flag = not (user.name in names)\n", "flag = user.name not in names\n"),
        ("flag = not(a in b)\n", "flag = a not in b\n"),
        ("flag = not a  in  b\n", "flag = a  not in  b\n"),
        ("flag = not (a)in[1]\n", "flag = (a)not in[1]\n"),
        ("flag = 1 if not (a in b)else 2\n", "flag = 1 if a not in b else 2\n"),
        ("ok = all(not x in seen for x in xs)\n", "ok = all(x not in seen for x in xs)\n"),
    ],
)
def test_not_in_fix(source: str, expected: str) -> None:
    assert fixed(source, "not-in-test") == expected
    (fix,) = _fixes(source, "not-in-test")
    assert fix is not None and fix.title == "Use `not in`"


def test_not_in_fix_keeps_the_meaning() -> None:
    source = "items = ['apple', False]\nresult = not 'apple' in items\n"
    before, after = {}, {}
    exec(source, before)
    exec(fixed(source, "not-in-test"), after)
    assert before["result"] is after["result"] is False


def test_no_not_in_fix_across_lines() -> None:
    assert _fixes("flag = not (a\n    in b)\n", "not-in-test") == [None]


YAML = "import yaml\n\n"


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("yaml.load(text)", "yaml.safe_load(text)"),
        ("yaml.load(text, Loader=yaml.Loader)", "yaml.safe_load(text)"),
        ("yaml.load(text, yaml.FullLoader)", "yaml.safe_load(text)"),
        ("yaml.load(stream, Loader=yaml.UnsafeLoader)", "yaml.safe_load(stream)"),
        ("yaml.load(open(path).read())", "yaml.safe_load(open(path).read())"),
    ],
)
def test_yaml_safe_load_fix(call: str, expected: str) -> None:
    source = f"{YAML}config = {call}\n"
    assert fixed(source, "unsafe-yaml-load") == f"{YAML}config = {expected}\n"
    (fix,) = _fixes(source, "unsafe-yaml-load")
    assert fix is not None and fix.title == "Use `yaml.safe_load`"


def test_yaml_fix_follows_a_module_alias() -> None:
    source = "import yaml as y\n\nconfig = y.load(text, Loader=y.Loader)\n"
    assert fixed(source, "unsafe-yaml-load") == "import yaml as y\n\nconfig = y.safe_load(text)\n"


@pytest.mark.parametrize(
    "call",
    [
        "yaml.load(text, Loader=MyLoader)",  # a custom loader may be needed for its tags
        "yaml.load(text, Loader=yaml.BaseLoader)",  # reads every scalar as a string
        "yaml.load(text, Loader=other.Loader)",
        "yaml.load(**options)",
        "yaml.load(text,  # the stream\n    Loader=yaml.Loader)",
    ],
)
def test_no_yaml_fix_where_a_loader_may_matter(call: str) -> None:
    assert _fixes(f"{YAML}config = {call}\n", "unsafe-yaml-load") == [None]


def test_no_yaml_fix_for_a_load_imported_by_name() -> None:
    assert _fixes("from yaml import load\n\nconfig = load(text)\n", "unsafe-yaml-load") == [None]
