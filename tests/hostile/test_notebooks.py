"""Hostile notebooks in ``pyiq check``: each named with its problem, the others still checked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BUG = "def add(item, bucket=[]):\n    return bucket\n"


def _notebook(cells: object, **extra: object) -> str:
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, **extra})


BROKEN = {
    "source_number.ipynb": (
        _notebook([{"cell_type": "code", "source": 5}]),
        "cell 1: a cell's source is neither a string nor a list of strings",
    ),
    "source_list_of_numbers.ipynb": (
        _notebook([{"cell_type": "markdown", "source": "x"}, {"cell_type": "code",
                   "source": ["x", 1]}]),
        "cell 2: a cell's source is neither a string nor a list of strings",
    ),
    "cells_a_table.ipynb": (
        json.dumps({"cells": {"a": 1}}), "not a valid notebook (no list of cells)"
    ),
    "a_list.ipynb": ("[1, 2]", "not a valid notebook (no list of cells)"),
    "deep.ipynb": ("[" * 100_000, "not a valid notebook (JSON nested too deeply)"),
    "truncated.ipynb": ('{"cells": [', "not a valid notebook (invalid JSON: Expecting value"),
    "latin1.ipynb": ('{"cells": ["\xff"]}', "not a valid notebook (invalid JSON: 'utf-8' codec"),
}  # fmt: skip


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name, (text, _) in BROKEN.items():
        data = text.encode("latin-1") if name == "latin1.ipynb" else text.encode()
        (tmp_path / name).write_bytes(data)
    # Readable, with odd but valid parts: escapes in code and in outputs, odd cells,
    # metadata of the wrong types, a lone surrogate, a BOM, UTF-16.
    ansi = "def f(a=['\x1b[2J\x1b]52;c;aGk=\x07']):\n    return a\n"
    output = {"output_type": "stream", "name": "stdout", "text": "\x1b[31mred\x1b[0m"}
    (tmp_path / "ansi.ipynb").write_text(
        _notebook([{"cell_type": "code", "source": ansi, "outputs": [output]}])
    )
    (tmp_path / "odd_cells.ipynb").write_text(
        _notebook([{"cell_type": ["code"], "source": "x"}, 5, None, {"cell_type": "code"},
                   {"cell_type": "code", "source": BUG}])
    )  # fmt: skip
    (tmp_path / "odd_metadata.ipynb").write_text(
        json.dumps(
            {
                "cells": [{"cell_type": "code", "source": BUG}],
                "metadata": {"language_info": {"name": 5}, "kernelspec": []},
            }
        )
    )
    (tmp_path / "surrogate.ipynb").write_text(
        _notebook([{"cell_type": "code", "source": "x = '\\ud800'\n" + BUG}])
    )
    (tmp_path / "bom.ipynb").write_bytes(
        b"\xef\xbb\xbf" + _notebook([{"cell_type": "code", "source": BUG}]).encode()
    )
    return tmp_path


def _check(tree: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "pyiq", "check", *args],
        capture_output=True,
        timeout=120,
        cwd=tree,
        check=False,
    )


def test_every_broken_notebook_is_named_and_the_rest_are_checked(tree: Path) -> None:
    run = _check(tree, "--output-format", "json", ".")
    assert run.returncode == 2
    assert b"\x1b" not in run.stdout and b"\x1b" not in run.stderr
    errors = run.stderr.decode().splitlines()
    assert len(errors) == len(BROKEN)
    for (name, (_, problem)), line in zip(sorted(BROKEN.items()), errors, strict=True):
        assert line.startswith(f"error: {name}: {problem}"), (name, line)
    found = json.loads(run.stdout)
    assert sorted(
        (f["path"], f["cell"], f["line"], f["column"])
        for f in found
        if f["rule"] == "mutable-default-argument"
    ) == [
        ("ansi.ipynb", 1, 1, 9),
        ("bom.ipynb", 1, 1, 22),
        ("odd_cells.ipynb", 5, 1, 22),
        ("odd_metadata.ipynb", 1, 1, 22),
        ("surrogate.ipynb", 1, 2, 22),
    ]


def test_text_output_escapes_what_a_notebook_holds(tree: Path) -> None:
    run = _check(tree, "--output-format", "concise", "ansi.ipynb")
    assert run.returncode == 1
    assert b"\x1b" not in run.stdout and b"\x07" not in run.stdout
    assert b"ansi.ipynb:cell 1:1:9: mutable-default-argument" in run.stdout
