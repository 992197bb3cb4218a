"""Huge documents: bounded analysis, a clear message, and nobody else waits behind them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.hostile.wire_client import BUG, WireClient

STATEMENT = "x = [i for i in range(10) if i is not None]; "


def _one_line(megabytes: float) -> str:
    return STATEMENT * int(megabytes * 2**20 / len(STATEMENT)) + "\n"


def test_check_of_a_5_mb_line_says_what_it_skipped(tmp_path: Path) -> None:
    path = tmp_path / "minified.py"
    path.write_text(_one_line(5))
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYIQ_DATA_DIR": str(tmp_path / "data")},
    )
    assert run.returncode == 0, run.stderr
    assert f"note: {path} is 5.0 MB, over the 2 MB size limit: not analysed" in run.stderr
    assert json.loads(run.stdout) == []  # valid JSON: no findings


def test_check_of_a_big_file_analyses_its_head(tmp_path: Path) -> None:
    path = tmp_path / "generated.py"
    path.write_text(BUG + "v = 1\n" * 500_000)
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1  # the bug risk in the head is found
    assert "mutable-default-argument" in run.stdout
    assert "only its first" in run.stderr and "lines are analysed" in run.stderr


def test_server_opens_a_5_mb_line_with_a_message_and_stays_responsive(
    client: WireClient, tmp_path: Path
) -> None:
    big = tmp_path / "minified.py"
    big.write_text(_one_line(5))
    began = time.monotonic()
    big_uri = client.open(big)
    [note] = client.diagnostics(big_uri)
    assert note["severity"] == 3 and note["code"] == "size-limit"
    assert note["message"].startswith("minified.py is 5.0 MB, over the 2 MB size limit")
    assert "pyiq.maxFileSizeMB" in note["message"]
    small = tmp_path / "small.py"
    small.write_text(BUG)
    codes = [d["code"] for d in client.diagnostics(client.open(small))]
    assert "mutable-default-argument" in codes
    assert time.monotonic() - began < 15


def test_typing_in_a_slow_document_does_not_hold_other_requests(
    client: WireClient, tmp_path: Path
) -> None:
    slow = tmp_path / "flat.py"
    text = "".join(f"v{i} = {i}\n" for i in range(100_000))
    slow.write_text(text)
    uri = client.open(slow)
    client.diagnostics(uri, timeout=60)
    small = tmp_path / "small.py"
    small.write_text(BUG)
    small_uri = client.open(small)
    client.diagnostics(small_uri)
    line = 50_000
    for version in range(2, 42):
        at = {"line": line, "character": 0}
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}],
            },
        )
    began = time.monotonic()
    answer = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": small_uri}, "position": {"line": 0, "character": 16}},
        timeout=60,
    )
    waited = time.monotonic() - began
    assert "result" in answer
    # Forty reparses of the flat file would take many seconds; batched, the
    # hover waits at most for the first one.
    assert waited < 5, waited
    last = client.wait(
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == 41
        ),
        timeout=60,
    )
    assert last["params"]["diagnostics"] == []
    assert client.alive()


def test_server_takes_the_size_limit_of_tool_pyiq_as_pyiq_check_does(tmp_path: Path) -> None:
    """Same file, same limit, same answer in the editor and the CLI; the client setting wins."""
    (tmp_path / "pyproject.toml").write_text("[tool.pyiq]\nmax-file-size-mb = 0.01\n")
    padded = tmp_path / "padded.py"
    padded.write_text("v = 1\n" * 3500 + BUG)
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "check", "--output-format", "json", str(padded)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert (run.returncode, json.loads(run.stdout)) == (0, [])
    client = WireClient(tmp_path / "data", cwd=tmp_path)
    try:
        client.initialize()
        uri = client.open(padded)
        [note] = client.diagnostics(uri)
        assert note["code"] == "size-limit"
        assert note["message"] == (
            "padded.py is 20.6 KB, over the 0.01 MB size limit: only its first 1,747 lines "
            "are analysed (max-file-size-mb in [tool.pyiq])"
        )
        client.notify(
            "workspace/didChangeConfiguration", {"settings": {"pyiq": {"maxFileSizeMB": 1}}}
        )
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"text": padded.read_text() + "\n"}],
            },
        )
        codes = [d["code"] for d in client.diagnostics(uri)]
        while "mutable-default-argument" not in codes:
            codes = [d["code"] for d in client.diagnostics(uri)]
        assert "size-limit" not in codes
    finally:
        client.close()
