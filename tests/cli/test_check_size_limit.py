"""``pyiq check``'s size limit: the editor's ``maxFileSizeMB``, as a flag and a config key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pyiq.analysis.limits import DEFAULT_MAX_FILE_MB
from pyiq.lsp.settings import DEFAULTS
from tests.cli.helpers import run

BUG = "def add(item, bucket=[]):\n    return bucket\n"
# 20 KiB of harmless lines, then the bug risk: past a 0.01 MB limit.
PADDED = "v = 1\n" * 3500 + BUG
HINT = "(max-file-size-mb in [tool.pyiq], or --max-file-size-mb)"


def _risks(out: str) -> list[tuple[int, str]]:
    return [(f["line"], f["rule"]) for f in json.loads(out) if f["category"] == "bug-risk"]


def test_the_default_is_the_editor_setting_default() -> None:
    assert DEFAULT_MAX_FILE_MB == DEFAULTS["maxFileSizeMB"] == 2.0


def test_flag_limits_the_analysed_lines_and_says_so(tmp_path: Path, capsys) -> None:
    path = tmp_path / "big.py"
    path.write_text(BUG + PADDED)
    code, out, err = run(capsys, str(path), "--output-format", "json")
    assert (code, _risks(out), err) == (
        1,
        [(1, "mutable-default-argument"), (3503, "mutable-default-argument")],
        "",
    )
    code, out, err = run(capsys, str(path), "--output-format", "json", "--max-file-size-mb", "0.01")
    assert code == 1
    assert _risks(out) == [(1, "mutable-default-argument")]
    assert err == (
        f"note: {path} is 20.6 KB, over the 0.01 MB size limit: only its first 1,742 lines "
        f"are analysed {HINT}\n"
    )


def test_configuration_key_and_the_flag_over_it(tmp_path: Path, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.pyiq]\nmax-file-size-mb = 0.01\n")
    path = tmp_path / "big.py"
    path.write_text(PADDED)
    code, out, err = run(capsys, str(path), "--output-format", "json")
    assert (code, _risks(out)) == (0, [])
    assert "over the 0.01 MB size limit" in err
    code, out, err = run(capsys, str(path), "--output-format", "json", "--max-file-size-mb", "1")
    assert (code, _risks(out), err) == (1, [(3501, "mutable-default-argument")], "")


@pytest.mark.parametrize("value", ["0", "-1", "2000", "big", "nan"])
def test_flag_out_of_range_is_a_usage_error(value: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, ".", "--max-file-size-mb", value)
    assert exit_info.value.code == 2
    assert "--max-file-size-mb: expected a number of megabytes above 0 and at most 1024" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("value", ['"big"', "0", "true", "[1]"])
def test_configuration_value_of_the_wrong_type_names_file_and_key(
    tmp_path: Path, value: str, capsys
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.pyiq]\nmax-file-size-mb = {value}\n")
    (tmp_path / "a.py").write_text(BUG)
    code, out, err = run(capsys, str(tmp_path), "--output-format", "json")
    assert (code, json.loads(out)) == (2, [])
    assert err.startswith(
        f"error: {tmp_path / 'pyproject.toml'}: tool.pyiq.max-file-size-mb: expected a number "
        "of megabytes above 0 and at most 1024, got "
    )


def _notebook(*sources: str) -> str:
    cells = [{"cell_type": "code", "metadata": {}, "source": s, "outputs": []} for s in sources]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_notebook_code_over_the_limit_is_analysed_in_part(tmp_path: Path, capsys) -> None:
    path = tmp_path / "nb.ipynb"
    path.write_text(_notebook(BUG, PADDED))
    code, out, err = run(capsys, str(path), "--output-format", "json", "--max-file-size-mb", "0.01")
    assert (code, _risks(out)) == (1, [(1, "mutable-default-argument")])
    assert err.startswith(f"note: {path} (code cells) is 20.6 KB, over the 0.01 MB size limit")


def test_notebook_far_over_the_limit_is_not_read(tmp_path: Path, capsys) -> None:
    path = tmp_path / "nb.ipynb"
    output = {"output_type": "stream", "name": "stdout", "text": "x" * 400_000}
    cells = [{"cell_type": "code", "metadata": {}, "source": BUG, "outputs": [output]}]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}))
    code, out, err = run(capsys, str(path), "--output-format", "json", "--max-file-size-mb", "0.01")
    assert (code, json.loads(out)) == (0, [])
    assert err == (
        f"note: {path} is 0.4 MB, over the 0.32 MB a notebook may be "
        "(32 times max-file-size-mb): not analysed\n"
    )
