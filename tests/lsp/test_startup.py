"""``initialize`` answered before the LSP stack loads, exactly as pygls would answer it."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pyiq.lsp.initialize import RESULT_FILE, early_result, pygls_result, stored_template
from pyiq.lsp.stdio import AnsweredWriter, frame

EVERYTHING = {
    "general": {"positionEncodings": ["utf-32", "utf-16"]},
    "textDocument": {
        "synchronization": {"willSave": True, "willSaveWaitUntil": False, "didSave": True},
        "rename": {"prepareSupport": True},
        "diagnostic": {"dynamicRegistration": False},
        "publishDiagnostics": {"versionSupport": True},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
    },
    "notebookDocument": {"synchronization": {"executionSummarySupport": True}},
    "workspace": {
        "configuration": True,
        "didChangeWatchedFiles": {"dynamicRegistration": True},
        "fileOperations": {
            "willCreate": True,
            "didCreate": True,
            "willRename": True,
            "didRename": True,
            "willDelete": True,
            "didDelete": True,
        },
        "workspaceFolders": True,
    },
    "window": {"workDoneProgress": True, "showMessage": {}},
}

CLIENTS = {
    "bare": {},
    "utf-8 first": {"general": {"positionEncodings": ["utf-8", "utf-16"]}},
    "unknown encodings": {"general": {"positionEncodings": ["ebcdic"]}},
    "no willSave": {"textDocument": {"synchronization": {"didSave": True}}},
    "everything": EVERYTHING,
}


def test_stored_answer_is_current() -> None:
    stored = json.loads(RESULT_FILE.read_text(encoding="utf-8"))
    assert stored == stored_template(), "regenerate with: python -m pyiq.lsp.initialize"


@pytest.mark.parametrize("client", sorted(CLIENTS))
def test_early_answer_equals_pygls_answer(client: str) -> None:
    params = {"processId": None, "rootUri": None, "capabilities": CLIENTS[client]}
    assert early_result(params) == pygls_result(params)


def test_no_early_answer_without_capabilities() -> None:
    assert early_result({"processId": None}) is None
    assert early_result(None) is None


class Sink:
    def __init__(self) -> None:
        self.written: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def close(self) -> None:
        pass


def _message(payload: dict[str, Any]) -> bytes:
    return frame(json.dumps(payload).encode())


def test_answered_writer_drops_only_the_second_answer(caplog: pytest.LogCaptureFixture) -> None:
    sink = Sink()
    writer = AnsweredWriter(sink, 1, {"capabilities": {}})
    notice = _message({"jsonrpc": "2.0", "method": "window/showMessage", "params": {}})
    writer.write(notice)
    with caplog.at_level(logging.WARNING):
        writer.write(_message({"jsonrpc": "2.0", "id": 1, "result": {"capabilities": {}}}))
    later = _message({"jsonrpc": "2.0", "id": 1, "result": None})
    writer.write(later)
    assert sink.written == [notice, later]
    assert caplog.records == []


def test_answered_writer_warns_when_the_stored_answer_is_stale(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sink = Sink()
    writer = AnsweredWriter(sink, "a", {"capabilities": {}})
    with caplog.at_level(logging.WARNING):
        writer.write(_message({"jsonrpc": "2.0", "id": "a", "result": {"capabilities": {"x": 1}}}))
    assert sink.written == []
    assert "python -m pyiq.lsp.initialize" in caplog.text


def _read(stream: Any) -> dict[str, Any]:
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        byte = stream.read(1)
        assert byte, "the server closed its output"
        header += byte
    length = int(header.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    return json.loads(stream.read(length))


def test_one_answer_then_settings_problems_and_diagnostics(tmp_path: Path) -> None:
    """A session over pipes, the early path as editors take it."""
    source = tmp_path / "sample.py"
    source.write_text("def add(item, bucket=[]):\n    return bucket\n", encoding="utf-8")
    params = {
        "processId": None,
        "rootUri": tmp_path.as_uri(),
        "capabilities": {"general": {"positionEncodings": ["utf-8"]}, "window": {}},
        "initializationOptions": {"bogus": 1},
    }
    opened = {
        "textDocument": {
            "uri": source.as_uri(),
            "languageId": "python",
            "version": 1,
            "text": source.read_text(),
        }
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "pyiq", "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYIQ_DATA_DIR": str(tmp_path / "data")},
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        process.stdin.write(
            _message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params})
            + _message({"jsonrpc": "2.0", "method": "initialized", "params": {}})
            + _message({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": opened})
        )
        process.stdin.flush()
        messages = [_read(process.stdout)]
        while messages[-1].get("method") != "textDocument/publishDiagnostics":
            messages.append(_read(process.stdout))
        process.stdin.write(
            _message({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
            + _message({"jsonrpc": "2.0", "method": "exit", "params": None})
        )
        process.stdin.close()
        rest, errors = process.stdout.read(), process.stderr.read()
        process.wait(30)
    finally:
        process.kill()
    assert messages[0] == {"jsonrpc": "2.0", "id": 1, "result": pygls_result(params)}
    assert messages[0]["result"]["capabilities"]["positionEncoding"] == "utf-8"
    assert [m for m in messages if m.get("id") == 1] == messages[:1]  # answered once
    assert b'"id": 1,' not in rest and b'"id":1,' not in rest
    shown = [m["params"]["message"] for m in messages if m.get("method") == "window/showMessage"]
    assert any(message.startswith("pyiq.bogus: unknown setting") for message in shown)
    codes = [d["code"] for d in messages[-1]["params"]["diagnostics"]]
    assert codes == ["mutable-default-argument"]
    assert b"answered with" not in errors
