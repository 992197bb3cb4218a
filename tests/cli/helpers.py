"""What the ``pyiq check`` tests share: an in-process run and the SARIF schema check."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pyiq.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``pyiq check ARGS`` in this process: exit code, stdout, stderr."""
    code = main(["check", "--no-progress", *args])
    out, err = capsys.readouterr()
    return code, out, err


def validate_sarif(document: object) -> None:
    """Validates against SARIF 2.1.0 when the schema was fetched (``make test`` fetches it)."""
    schema_path = os.environ.get("PYIQ_SARIF_SCHEMA")
    if schema_path and Path(schema_path).is_file():
        import jsonschema

        jsonschema.validate(document, json.loads(Path(schema_path).read_text()))
