"""The raise-without-from quick fix: `from <the handler's name>`, exact edits, or no fix."""

from __future__ import annotations

import ast

import pytest

from pyiq.analysis import Document
from pyiq.lsp.fixes import Fix, quick_fix


def _fixes(source: str) -> list[Fix | None]:
    doc = Document(source.encode())
    return [quick_fix(doc, f) for f in doc.findings() if f.rule == "raise-without-from"]


def _apply(source: str, fix: Fix) -> str:
    data = source.encode()
    for edit in sorted(fix.edits, key=lambda e: (e.start, e.end), reverse=True):
        data = data[: edit.start] + edit.text.encode() + data[edit.end :]
    return data.decode()


CASES = [
    pytest.param(
        "try:\n    pass\nexcept KeyError as err:\n    raise LookupError('x')\n",
        "try:\n    pass\nexcept KeyError as err:\n    raise LookupError('x') from err\n",
        id="simple",
    ),
    pytest.param(
        "try:\n    pass\nexcept (KeyError, IndexError) as exc:\n"
        "    if exc:\n        raise ValueError(\n            'multi',\n        )  # why\n",
        "try:\n    pass\nexcept (KeyError, IndexError) as exc:\n"
        "    if exc:\n        raise ValueError(\n            'multi',\n        ) from exc  # why\n",
        id="nested-multiline-with-comment",
    ),
    pytest.param(
        "def f():\n    try:\n        pass\n    except* OSError as group:\n"
        "        raise RuntimeError\n",
        "def f():\n    try:\n        pass\n    except* OSError as group:\n"
        "        raise RuntimeError from group\n",
        id="except-star",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_fix_chains_with_the_handler_name(source: str, expected: str) -> None:
    (fix,) = _fixes(source)
    assert fix is not None
    assert fix.title.startswith("Chain the exception: `from ")
    result = _apply(source, fix)
    assert result == expected
    ast.parse(result)
    assert _fixes(result) == []  # the finding is gone


def test_no_fix_when_the_handler_binds_no_name() -> None:
    source = "try:\n    pass\nexcept KeyError:\n    raise LookupError('x')\n"
    assert _fixes(source) == [None]
