"""A raw JSON-RPC client for ``pyiq serve``: any bytes in, every message out, waits bounded.

pytest-lsp cannot send malformed frames; this client writes whatever bytes
a test gives it to the server's stdin and parses what comes back.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

TIMEOUT = 20.0
BUG = "def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n"


def frame(message: Any) -> bytes:
    body = message if isinstance(message, bytes) else json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class WireClient:
    def __init__(self, data_dir: Path, cwd: Path | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pyiq", "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYIQ_DATA_DIR": str(data_dir)},
            cwd=cwd,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        self.next_id = 100

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                elif line in (b"\r\n", b"\n") and length is not None:
                    break
            self.messages.put(json.loads(out.read(length)))

    def _drain_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr += line

    def write(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message: Any) -> None:
        self.write(frame(message))

    def notify(self, method: str, params: Any) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> dict[str, Any]:
        self.next_id += 1
        msg_id = self.next_id
        self.send({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == msg_id and "method" not in m, timeout)

    def wait(self, matches: Any, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The first message (already seen or coming) that ``matches``."""
        for message in self.seen:
            if matches(message):
                self.seen.remove(message)
                return message
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no matching message; seen {self.seen!r}")
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if message.get("method") in (
                "window/workDoneProgress/create",
                "client/registerCapability",
                "workspace/configuration",
            ):
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            if matches(message):
                return message
            self.seen.append(message)

    def initialize(self, pull: bool = False) -> None:
        text: dict[str, Any] = {"publishDiagnostics": {"versionSupport": True}}
        if pull:
            text["diagnostic"] = {}
        self.request(
            "initialize",
            {"processId": None, "rootUri": None, "capabilities": {"textDocument": text}},
        )
        self.notify("initialized", {})

    def open(self, path: Path, text: str | None = None, version: int = 1) -> str:
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "python",
                    "version": version,
                    "text": text if text is not None else path.read_text(),
                }
            },
        )
        return uri

    def diagnostics(self, uri: str, timeout: float = TIMEOUT) -> list[dict[str, Any]]:
        message = self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            ),
            timeout,
        )
        return message["params"]["diagnostics"]

    def shown_messages(self) -> list[str]:
        """Every window/showMessage text received so far (drained from the queue too)."""
        while True:
            try:
                self.seen.append(self.messages.get_nowait())
            except queue.Empty:
                break
        return [
            m["params"]["message"] for m in self.seen if m.get("method") == "window/showMessage"
        ]

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> int | None:
        if self.alive():
            try:
                self.request("shutdown", None, timeout=5)
                self.notify("exit", None)
                return self.proc.wait(timeout=10)
            except (TimeoutError, OSError, subprocess.TimeoutExpired):
                self.proc.kill()
        return self.proc.wait(timeout=10)
