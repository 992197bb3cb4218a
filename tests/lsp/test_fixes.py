"""The mutable-default quick fix: exact texts, code that parses, and annotations that admit None.

Every case applies the fix's byte edits to the source and compares the whole
resulting text; every result is also compiled, and where it can run, run.
"""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest

from pyiq.analysis import Document
from pyiq.lsp.fixes import Fix, quick_fix
from pyiq.lsp.optional_annotation import Version
from pyiq.lsp.python_target import lowest_version, python_target


def _fixes(source: str, version: Version | None = None) -> dict[str, Fix | None]:
    """The fix of every mutable default in ``source``, by parameter name."""
    doc = Document(source.encode())
    found = {}
    for finding in doc.findings():
        if finding.rule == "mutable-default-argument":
            found[dict(finding.bindings)["_param"]] = quick_fix(doc, finding, lambda: version)
    return found


def _apply(source: str, fix: Fix) -> str:
    data = source.encode()
    for edit in sorted(fix.edits, key=lambda e: (e.start, e.end), reverse=True):
        data = data[: edit.start] + edit.text.encode() + data[edit.end :]
    return data.decode()


def fixed(source: str, name: str = "x", version: Version | None = None) -> str:
    fix = _fixes(source, version)[name]
    assert fix is not None, source
    assert fix.title == f"Use None as the default of `{name}`"
    text = _apply(source, fix)
    ast.parse(text)
    return text


# The body every fixed `def f(x...): return x` gets.
BODY = "    if x is None:\n        x = []\n    return x\n"

IMPORT = "from typing import Optional\n\n\n"

# For `{before}def f(x: {annotation} = []):\n    return x\n` at a target version, the fixed
# file is `{after}def f(x: {widened} = None):\n` + BODY: (before, annotation, version, after,
# widened).
WIDENING = [
    pytest.param("", "list[int]", None, IMPORT, "Optional[list[int]]", id="unknown-target"),
    pytest.param("", "list[int]", (3, 9), IMPORT, "Optional[list[int]]", id="py39"),
    pytest.param("", "list[int]", (3, 10), "", "list[int] | None", id="py310"),
    pytest.param(
        "from __future__ import annotations\n\n\n",
        "dict[str, int]",
        (3, 8),
        "from __future__ import annotations\n\n\n",
        "dict[str, int] | None",
        id="future-annotations",
    ),
    pytest.param(
        "import typing\n\n\n",
        "list",
        None,
        "import typing\n\n\n",
        "typing.Optional[list]",
        id="import-typing",
    ),
    pytest.param(
        "import typing as t\n\n\n",
        "list",
        None,
        "import typing as t\n\n\n",
        "t.Optional[list]",
        id="import-typing-as",
    ),
    pytest.param(
        "from typing import Optional as Opt\n\n\n",
        "list",
        None,
        "from typing import Optional as Opt\n\n\n",
        "Opt[list]",
        id="optional-imported",
    ),
    pytest.param(
        "import os\nfrom typing import List\n\n\n",
        "List[int]",
        None,
        "import os\nfrom typing import List, Optional\n\n\n",
        "Optional[List[int]]",
        id="extends-from-typing",
    ),
    pytest.param(
        '"""Module."""\n\nimport os\n\n\n',
        "set",
        None,
        '"""Module."""\n\nimport os\nfrom typing import Optional\n\n\n',
        "Optional[set]",
        id="import-after-last-import",
    ),
    pytest.param(
        '#!/usr/bin/env python\n"""Module."""\n\n\n',
        "list",
        None,
        '#!/usr/bin/env python\n"""Module."""\nfrom typing import Optional\n\n\n',
        "Optional[list]",
        id="import-after-module-docstring",
    ),
    pytest.param(
        "from mylib import Optional\n\n\n",
        "list",
        None,
        "from mylib import Optional\nimport typing\n\n\n",
        "typing.Optional[list]",
        id="optional-taken-by-another-module",
    ),
    pytest.param("", "'list[int]'", (3, 12), "", "'list[int] | None'", id="string-py312"),
    pytest.param(
        "", '" list[int] "', None, IMPORT, '" Optional[list[int]] "', id="string-optional"
    ),
    pytest.param("", '"a\\tb"', (3, 12), IMPORT, 'Optional["a\\tb"]', id="string-with-escape"),
    pytest.param("", "(lambda: int)", (3, 10), "", "(lambda: int) | None", id="paren-lambda"),
    pytest.param("", "lambda: int", (3, 10), "", "(lambda: int) | None", id="bare-lambda"),
    pytest.param(
        "",
        "'list if True else set'",
        (3, 10),
        "",
        "'(list if True else set) | None'",
        id="conditional-in-string",
    ),
    pytest.param(
        "",
        "Callable[[int], str] | list",
        (3, 10),
        "",
        "Callable[[int], str] | list | None",
        id="callable-union",
    ),
    pytest.param(
        "from typing import Annotated\n\n\n",
        "Annotated[list, 'meta']",
        None,
        "from typing import Annotated, Optional\n\n\n",
        "Annotated[Optional[list], 'meta']",
        id="annotated-keeps-metadata",
    ),
]


@pytest.mark.parametrize(("before", "annotation", "version", "after", "widened"), WIDENING)
def test_annotation_widened(
    before: str, annotation: str, version: Version | None, after: str, widened: str
) -> None:
    source = f"{before}def f(x: {annotation} = []):\n    return x\n"
    assert fixed(source, version=version) == f"{after}def f(x: {widened} = None):\n" + BODY


ADMITS_NONE = [
    "Optional[list]",
    "typing.Optional[list]",
    "t.Optional[list]",
    "list | None",
    "None | list",
    "list | int | None",
    "Union[list, None]",
    "typing.Union[None, list]",
    "Union[list, Optional[int]]",
    "Annotated[Optional[list], 'meta']",
    "Any",
    "'Optional[list]'",
    "'list | None'",
    "'typing.Union[list, None]'",
]


@pytest.mark.parametrize("annotation", ADMITS_NONE)
def test_annotation_that_admits_none_is_kept(annotation: str) -> None:
    source = (
        "import typing\nimport typing as t\n"
        "from typing import Annotated, Any, Optional, Union\n\n\n"
        f"def f(x: {annotation} = []):\n    return x\n"
    )
    asked: list[bool] = []
    doc = Document(source.encode())
    [finding] = [f for f in doc.findings() if f.rule == "mutable-default-argument"]
    fix = quick_fix(doc, finding, lambda: asked.append(True) or (3, 8))
    assert fix is not None
    assert _apply(source, fix) == source.replace(
        f"x: {annotation} = []):\n    return x\n", f"x: {annotation} = None):\n{BODY}"
    )
    assert asked == []  # nothing to widen: the project's files are not read


def test_no_annotation_no_widening_and_no_version_lookup() -> None:
    asked: list[bool] = []
    source = "def f(x={}):\n    return x\n"
    doc = Document(source.encode())
    [finding] = doc.findings()
    fix = quick_fix(doc, finding, lambda: asked.append(True) or (3, 12))
    assert fix is not None
    assert (
        _apply(source, fix) == "def f(x=None):\n    if x is None:\n        x = {}\n    return x\n"
    )
    assert asked == []


def test_postponed_annotations_do_not_read_the_target() -> None:
    asked: list[bool] = []
    source = "from __future__ import annotations\n\n\ndef f(x: list = []):\n    return x\n"
    doc = Document(source.encode())
    [finding] = [f for f in doc.findings() if f.rule == "mutable-default-argument"]
    fix = quick_fix(doc, finding, lambda: asked.append(True) or None)
    assert fix is not None
    assert "x: list | None = None" in _apply(source, fix)
    assert asked == []


# Signatures and bodies of every shape: (source, parameter, target version, fixed text).
SHAPES = [
    pytest.param(
        "def f(a, *, x: list = [], y=1):\n    return x\n",
        "x",
        (3, 10),
        "def f(a, *, x: list | None = None, y=1):\n" + BODY,
        id="keyword-only",
    ),
    pytest.param(
        "def f(x=[], /, y=2):\n    return x\n",
        "x",
        None,
        "def f(x=None, /, y=2):\n    if x is None:\n        x = []\n    return x\n",
        id="positional-only",
    ),
    pytest.param(
        "def f(\n    a,\n    x: dict[str, int] = {},  # the cache\n"
        "    *rest,\n) -> dict[str, int]:\n"
        '    """Doc.\n\n    More.\n    """\n    return x\n',
        "x",
        (3, 11),
        "def f(\n    a,\n    x: dict[str, int] | None = None,  # the cache\n    *rest,\n"
        ') -> dict[str, int]:\n    """Doc.\n\n    More.\n    """\n'
        "    if x is None:\n        x = {}\n    return x\n",
        id="multiline-signature-comment-docstring",
    ),
    pytest.param(
        "class Cart:\n    @staticmethod\n    @functools.cache\n"
        "    async def add(item, bucket=list()):  # why\n        # first\n        return bucket\n",
        "bucket",
        None,
        "class Cart:\n    @staticmethod\n    @functools.cache\n"
        "    async def add(item, bucket=None):  # why\n        # first\n"
        "        if bucket is None:\n            bucket = list()\n        return bucket\n",
        id="decorated-async-method",
    ),
    pytest.param(
        "def outer():\n\tdef inner(x={1: 2}):\n\t\treturn x\n\treturn inner\n",
        "x",
        None,
        "def outer():\n\tdef inner(x=None):\n\t\tif x is None:\n\t\t\tx = {1: 2}\n"
        "\t\treturn x\n\treturn inner\n",
        id="nested-tabs",
    ),
    pytest.param(
        "def f(x=[]): pass\n",
        "x",
        None,
        "def f(x=None):\n    if x is None:\n        x = []\n    pass\n",
        id="same-line-body",
    ),
    pytest.param(
        "def f(x=[]): x.append(1); return x  # keep\n",
        "x",
        None,
        "def f(x=None):\n    if x is None:\n        x = []\n    x.append(1); return x  # keep\n",
        id="same-line-statements",
    ),
    pytest.param(
        'class A:\n    def f(self, x=[]): "Doc."; return x\n',
        "x",
        None,
        'class A:\n    def f(self, x=None):\n        "Doc."\n'
        "        if x is None:\n            x = []\n        return x\n",
        id="same-line-docstring-and-statement",
    ),
    pytest.param(
        'def f(x=[]): "Only a docstring."\n',
        "x",
        None,
        'def f(x=None):\n    "Only a docstring."\n    if x is None:\n        x = []\n',
        id="same-line-docstring-only",
    ),
    pytest.param(
        "def f(\n    x=[],\n): return x\n",
        "x",
        None,
        "def f(\n    x=None,\n):\n    if x is None:\n        x = []\n    return x\n",
        id="multiline-signature-same-line-body",
    ),
    pytest.param(
        '    \ndef f(x=[]):\n    """Doc."""; y = 1\n    return x + [y]\n',
        "x",
        None,
        '    \ndef f(x=None):\n    """Doc."""\n    if x is None:\n        x = []\n'
        "    y = 1\n    return x + [y]\n",
        id="docstring-shares-its-line",
    ),
    pytest.param(
        "def f(x: list = []):\r\n    return x\r\n",
        "x",
        None,
        "from typing import Optional\r\n\r\n\r\n"
        "def f(x: Optional[list] = None):\r\n"
        "    if x is None:\r\n        x = []\r\n    return x\r\n",
        id="crlf",
    ),
    pytest.param(
        'def f(é="ü", x: list = []): return é, x\n',
        "x",
        (3, 10),
        'def f(é="ü", x: list | None = None):\n    if x is None:\n        x = []\n'
        "    return é, x\n",
        id="non-ascii",
    ),
]


@pytest.mark.parametrize(("source", "name", "version", "expected"), SHAPES)
def test_fix_shapes(source: str, name: str, version: Version | None, expected: str) -> None:
    assert fixed(source, name, version) == expected


def test_fix_in_each_default_of_one_signature() -> None:
    source = "def f(x: list = [], y: dict = {}):\n    return x, y\n"
    fixes = _fixes(source, (3, 10))
    assert _apply(source, fixes["x"]) == (
        "def f(x: list | None = None, y: dict = {}):\n"
        "    if x is None:\n        x = []\n    return x, y\n"
    )
    assert _apply(source, fixes["y"]) == (
        "def f(x: list = [], y: dict | None = None):\n"
        "    if y is None:\n        y = {}\n    return x, y\n"
    )


@pytest.mark.parametrize(
    "source",
    [
        "def f(n, x=[n]):\n    return x\n",  # moved into the body, `n` would be the argument
        "def f(x=[]): \\\n    return x\n",  # a backslash would join the guard to the def
        "def f(x=[\n    1,\n]):\n    return x\n",  # a multi-line default
    ],
)
def test_no_fix_where_it_would_change_the_meaning(source: str) -> None:
    assert _fixes(source) == {"x": None}


def test_default_naming_attributes_or_keywords_is_fixed() -> None:
    source = "def f(n, x=[m.n, dict(n=1)]):\n    return x\n"
    assert fixed(source) == (
        "def f(n, x=None):\n    if x is None:\n        x = [m.n, dict(n=1)]\n    return x\n"
    )


def test_fixed_code_runs_and_means_the_same() -> None:
    """Each call gets its own list, the docstring stays the docstring, the hints admit None."""
    source = (
        "from typing import List\n\n\n"
        'def add(item: int, bucket: List[int] = []) -> List[int]: "Collect."; '
        "bucket.append(item); return bucket\n"
    )
    text = fixed(source, "bucket")
    namespace: dict[str, object] = {}
    exec(compile(text, "<fixed>", "exec"), namespace)
    add = namespace["add"]
    assert add(1) == [1]
    assert add(2) == [2]
    assert add(3, [0]) == [0, 3]
    assert add.__doc__ == "Collect."
    assert typing.get_type_hints(add)["bucket"] == typing.Optional[typing.List[int]]  # noqa: UP006, UP045


def test_fixed_string_and_union_annotations_evaluate() -> None:
    source = "def f(a: 'dict[str, int]' = {}, b: set[int] = set()):\n    return a, b\n"
    text = fixed(fixed(source, "a", (3, 10)), "b", (3, 10))
    namespace: dict[str, object] = {}
    exec(compile(text, "<fixed>", "exec"), namespace)
    hints = typing.get_type_hints(namespace["f"])
    assert hints == {"a": dict[str, int] | None, "b": set[int] | None}


@pytest.mark.parametrize(
    ("specifier", "version"),
    [
        (">=3.10", (3, 10)),
        (">= 3.9, <4", (3, 9)),
        ("~=3.11.2", (3, 11)),
        ("==3.12.*", (3, 12)),
        (">3.8", (3, 8)),
        (">=3", (3, 0)),
        ("<3.13", None),
        ("", None),
    ],
)
def test_lowest_version(specifier: str, version: Version | None) -> None:
    assert lowest_version(specifier) == version


def test_python_target_follows_ruff(tmp_path: Path) -> None:
    source = tmp_path / "pkg" / "sub" / "mod.py"
    source.parent.mkdir(parents=True)
    assert python_target(source) is None
    assert python_target(None) is None
    (tmp_path / "pyproject.toml").write_text('[project]\nrequires-python = ">=3.11"\n')
    assert python_target(source) == (3, 11)  # no ruff configuration: the closest pyproject
    (tmp_path / "pkg" / "pyproject.toml").write_text("[project]\nname = 'pkg'\n")
    assert python_target(source) is None  # the closest pyproject says nothing
    (tmp_path / "pkg" / "pyproject.toml").write_text(
        '[project]\nrequires-python = ">=3.9"\n[tool.ruff]\ntarget-version = "py312"\n'
    )
    assert python_target(source) == (3, 12)  # target-version wins over requires-python
    (tmp_path / "pkg" / "pyproject.toml").write_text(
        '[project]\nrequires-python = ">=3.9"\n[tool.ruff]\nline-length = 90\n'
    )
    assert python_target(source) == (3, 9)
    (tmp_path / "pkg" / "sub" / "ruff.toml").write_text('target-version = "py310"\n')
    assert python_target(source) == (3, 10)  # the closest ruff configuration
    (tmp_path / "pkg" / "sub" / "ruff.toml").write_text("line-length = 90\n")
    assert python_target(source) is None  # no pyproject beside that ruff.toml
    (tmp_path / "pkg" / "sub" / "pyproject.toml").write_text(
        '[project]\nrequires-python = ">=3.13"\n'
    )
    assert python_target(source) == (3, 13)
    (tmp_path / "pkg" / "sub" / ".ruff.toml").write_text("")
    assert python_target(source) == (3, 13)  # an empty .ruff.toml is a configuration too
