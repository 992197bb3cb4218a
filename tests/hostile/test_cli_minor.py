"""Small CLI edges: ports out of range, IPv6 addresses, the --ws extra, dash-led answers."""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pyiq.cli.main import _attach_dash_values
from pyiq.cli.serve_cmd import _address


def test_port_out_of_range_is_refused() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "serve", "--tcp", "localhost:99999"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert "0 to 65535" in run.stderr


def test_ipv6_address_in_brackets() -> None:
    assert _address("[::1]:2087") == ("::1", 2087)
    assert _address(":2087") == ("127.0.0.1", 2087)
    with pytest.raises(argparse.ArgumentTypeError):
        _address("[::1:2087")


def test_ipv6_port_not_a_number_is_a_usage_error() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "serve", "--tcp", "[::1]:p"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr


@pytest.mark.skipif(importlib.util.find_spec("websockets") is not None, reason="ws installed")
def test_ws_without_the_extra_names_it() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "serve", "--ws", "127.0.0.1:0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert "pip install 'pyiq[ws]'" in run.stderr


def test_ws_extra_is_declared() -> None:
    text = (Path(__file__).parents[2] / "pyproject.toml").read_text()
    assert 'ws = ["pygls[ws]' in text


def test_answers_starting_with_a_dash(tmp_path: Path) -> None:
    assert _attach_dash_values(["quiz", "--answers", "-,-,-"]) == ["quiz", "--answers=-,-,-"]
    (tmp_path / "m.py").write_text("def f(x=[]):\n    return x\n")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pyiq",
            "quiz",
            str(tmp_path / "m.py"),
            "--answers",
            "-,-,-",
            "--count",
            "3",
            "--no-predict",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYIQ_DATA_DIR": str(tmp_path / "data")},
    )
    assert run.returncode == 0, run.stderr
