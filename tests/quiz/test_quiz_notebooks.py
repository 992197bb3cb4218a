"""``pyiq quiz`` on a notebook: its code cells, as ``pyiq check`` reads them, placed by cell."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pyiq.cli.main import main

FIXTURE = Path(__file__).parent.parent / "fixtures" / "traps.ipynb"


def _quiz(capsys, *paths: str) -> list[dict[str, object]]:
    assert main(["quiz", *paths, "--format", "json", "--count", "20"]) == 0
    return json.loads(capsys.readouterr().out)["items"]


def test_quiz_on_a_notebook_asks_about_its_cells(capsys, data_dir, tmp_path: Path) -> None:
    notebook = tmp_path / "traps.ipynb"
    shutil.copy(FIXTURE, notebook)
    items = _quiz(capsys, str(notebook))
    predict = {item["rule"]: item for item in items if item["kind"] == "predict"}
    # Cell 2 holds the mutable default on its line 3, cell 3 the lambda in a loop on its line 3.
    default = predict["mutable-default-argument"]
    assert (default["path"], default["cell"], default["line"]) == (str(notebook), 2, 3)
    assert str(default["prompt"]).startswith("Line 3 of cell 2 defines `add`")
    closure = predict["loop-variable-closure"]
    assert (closure["cell"], closure["line"]) == (3, 3)
    # Bug risks lead, as in a quiz on a .py file.
    assert {items[0]["rule"], items[1]["rule"]} == {
        "mutable-default-argument",
        "loop-variable-closure",
    }


def test_folder_quiz_includes_notebooks_and_py_files_keep_no_cell(
    capsys, data_dir, tmp_path: Path
) -> None:
    shutil.copy(FIXTURE, tmp_path / "traps.ipynb")
    (tmp_path / "plain.py").write_text("def f(a={}):\n    return a\n")
    items = _quiz(capsys, str(tmp_path))
    places = {
        (Path(str(item["path"])).name, item["cell"], item["line"])
        for item in items
        if item["kind"] == "predict"
    }
    # One predict question per rule: the mutable default's comes from either file.
    assert {("traps.ipynb", 3, 3), ("plain.py", None, 1)} <= places


def test_a_broken_notebook_is_named_and_the_rest_quizzed(capsys, data_dir, tmp_path: Path) -> None:
    (tmp_path / "broken.ipynb").write_text('{"cells": [')
    (tmp_path / "plain.py").write_text("def f(a={}):\n    return a\n")
    assert main(["quiz", str(tmp_path), "--format", "json", "--count", "3"]) == 0
    captured = capsys.readouterr()
    items = json.loads(captured.out)["items"]
    assert captured.err.startswith(
        f"warning: {tmp_path / 'broken.ipynb'}: not a valid notebook (invalid JSON: "
    )
    assert captured.err.endswith(", skipped\n")
    assert items[0]["rule"] == "mutable-default-argument"
    assert items[0]["path"] == str(tmp_path / "plain.py")
