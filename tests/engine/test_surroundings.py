"""The enclosing-construct summary (``_context``) that question links put conditions on."""

from __future__ import annotations

import pytest

from pyiq.analysis import analyze


def _contexts(source: str, rule: str) -> list[str]:
    return [f.binding("_context") for f in analyze(source.encode()) if f.rule == rule]


def test_decorators_of_the_enclosing_definition_follow_it() -> None:
    source = (
        "import pytest\n\n"
        '@pytest.fixture(scope="module")\n'
        "@other.thing\n"
        "def db():\n"
        "    yield connect()\n"
    )
    assert _contexts(source, "generator-function") == [
        "function_definition:db decorated:pytest.fixture decorated:other.thing"
    ]


def test_a_lambda_inside_a_decorated_function_sees_its_decorators() -> None:
    source = "@app.get('/')\ndef index():\n    return sorted(rows, key=lambda r: r.id)\n"
    assert _contexts(source, "lambda") == [
        "keyword_argument:key call:sorted return_statement function_definition:index "
        "decorated:app.get"
    ]


@pytest.mark.parametrize(
    ("body", "context"),
    [
        ("    value = yield total\n", "function_definition:g yield:value"),
        ("    print((yield 1))\n", "function_definition:g yield:value"),
        ("    yield 1\n", "function_definition:g"),
        ("    result = yield from sub()\n    yield result\n", "function_definition:g"),
        ("    def inner():\n        v = yield\n    yield 1\n", "function_definition:g"),
    ],
)
def test_a_generator_that_uses_its_yields_value_is_marked(body: str, context: str) -> None:
    contexts = _contexts("def g():\n" + body, "generator-function")
    assert contexts[0] == context


@pytest.mark.parametrize(
    ("body", "context"),
    [
        (
            "    db = connect()\n    try:\n        yield db\n    finally:\n        db.close()\n",
            "function_definition:g yield:guarded",
        ),
        (
            "    try:\n        yield s\n        s.commit()\n    except Exception:\n        raise\n",
            "function_definition:g yield:guarded",
        ),
        (
            "    try:\n        for line in fh:\n            yield line\n"
            "    finally:\n        fh.close()\n",
            "function_definition:g",
        ),
        (
            "    try:\n        value = yield\n    finally:\n        done()\n",
            "function_definition:g yield:value",
        ),
        ("    try:\n        pass\n    finally:\n        yield 1\n", "function_definition:g"),
        (
            "    try:\n        def inner():\n            yield 1\n"
            "    finally:\n        pass\n    yield 2\n",
            "function_definition:g",
        ),
    ],
)
def test_a_generator_that_yields_inside_a_guarded_try_is_marked(body: str, context: str) -> None:
    """Set-up, ``try: yield``, tear-down: the shape of a context manager, decorated or not."""
    contexts = _contexts("def g():\n" + body, "generator-function")
    assert contexts[0] == context


def test_a_method_name_is_followed_by_its_class_and_bases() -> None:
    source = (
        "from typing import Protocol\n\n"
        "class Repository(Protocol[T], Sized, metaclass=Meta):\n"
        "    @abstractmethod\n"
        "    def get(self, key: str) -> T: ...\n"
        "    def helper(self):\n"
        "        def inner(x: int) -> int:\n"
        "            return x\n"
        "        return inner\n"
    )
    assert _contexts(source, "type-hints") == [
        "function_definition:get decorated:abstractmethod class_definition:Repository "
        "base:Protocol[T] base:Sized",
        "function_definition:inner",
    ]


def test_a_node_in_a_class_body_sees_the_class_bases() -> None:
    source = "class Sorter(Base):\n    order = sorted(rows, key=lambda r: r.id)\n"
    assert _contexts(source, "lambda") == [
        "keyword_argument:key call:sorted assignment class_definition:Sorter base:Base"
    ]
