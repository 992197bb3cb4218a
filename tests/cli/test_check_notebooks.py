"""``pyiq check`` on Jupyter notebooks: code cells, positions as cell and line, like ruff."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pyiq.notebook import parse_notebook, python_text
from tests.cli.helpers import run, validate_sarif

FIXTURE = Path(__file__).parent.parent / "fixtures" / "traps.ipynb"


@pytest.fixture
def notebook(tmp_path: Path) -> Path:
    target = tmp_path / "lesson" / "traps.ipynb"
    target.parent.mkdir()
    shutil.copy(FIXTURE, target)
    return target


def test_text_names_the_cell_and_the_line_in_it(notebook: Path, capsys) -> None:
    code, out, _ = run(capsys, str(notebook.parent), "--output-format", "concise")
    assert code == 1
    # The same places ruff reports for B006 and B023 in this notebook.
    assert out.splitlines()[:2] == [
        f"{notebook}:cell 2:3:22: mutable-default-argument "
        "Default `bucket=[]` is created once and shared by every call that omits `bucket`",
        f"{notebook}:cell 3:3:30: loop-variable-closure "
        "`name` is looked up when the function runs, so it sees the loop's last value; "
        "bind it as a default argument",
    ]


def test_json_carries_the_notebook_path_and_cell(notebook: Path, capsys) -> None:
    _, out, _ = run(capsys, str(notebook), "--output-format", "json", "--select", "bug-risk")
    assert [
        (f["path"], f["cell"], f["line"], f["column"], f["end_line"], f["end_column"], f["rule"])
        for f in json.loads(out)
    ] == [
        (str(notebook), 2, 3, 22, 3, 24, "mutable-default-argument"),
        (str(notebook), 3, 3, 30, 3, 34, "loop-variable-closure"),
    ]


def test_sarif_and_github_name_the_notebook(notebook: Path, capsys) -> None:
    _, out, _ = run(capsys, str(notebook), "--output-format", "sarif")
    document = json.loads(out)
    results = document["runs"][0]["results"]
    assert [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["properties"]["cell"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    ] == [(notebook.as_uri(), 2, 3), (notebook.as_uri(), 3, 3)]
    validate_sarif(document)
    _, out, _ = run(capsys, str(notebook), "--output-format", "github")
    first = out.splitlines()[0]
    assert ",line=3,col=22,endLine=3,endColumn=24,title=pyiq (mutable-default-argument)::" in first
    assert "::cell 2: Default `bucket=[]`" in first


def test_magics_keep_columns_and_foreign_cells_are_left_out() -> None:
    assert python_text("%time x = f(a=[])") == "#time x = f(a=[])"
    assert python_text("  !pip install x\ny = 1") == "  #pip install x\ny = 1"
    assert python_text("%%bash\nls -l\n") is None
    assert python_text("%%timeit\nsum(range(9))") == "#%timeit\nsum(range(9))"
    raw = json.dumps(
        {
            "cells": [
                {"cell_type": "code", "source": "%%html\n<b>x</b>"},
                {"cell_type": "raw", "source": "def f(a=[]): pass"},
                {"cell_type": "code", "source": ["def g(a=[]):\n", "    return a"]},
            ],
            "metadata": {},
        }
    ).encode()
    notebook = parse_notebook(raw)
    assert notebook.source == b"def g(a=[]):\n    return a\n"
    assert notebook.cells.locate(1) == (3, 1)


def test_a_broken_notebook_is_a_named_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "broken.ipynb").write_text('{"cells": [')
    (tmp_path / "odd.ipynb").write_text('{"cells": [{"cell_type": "code", "source": 3}]}')
    (tmp_path / "ok.py").write_text("def f(a=[]):\n    return a\n")
    code, out, err = run(capsys, str(tmp_path), "--output-format", "json")
    assert code == 2
    assert f"{tmp_path / 'broken.ipynb'}: not a valid notebook (invalid JSON" in err
    assert (
        f"{tmp_path / 'odd.ipynb'}: cell 1: a cell's source is neither a string nor a list" in err
    )
    assert [f["path"] for f in json.loads(out) if f["category"] == "bug-risk"] == [
        str(tmp_path / "ok.py")
    ]
