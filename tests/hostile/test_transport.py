"""Malformed JSON-RPC traffic: logged, answered when it is a request, never fatal, no popups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.wire_client import BUG, WireClient, frame


def _still_serves(client: WireClient, tmp_path: Path, name: str = "alive.py") -> None:
    path = tmp_path / name
    path.write_text(BUG, encoding="utf-8")
    codes = [d["code"] for d in client.diagnostics(client.open(path))]
    assert "mutable-default-argument" in codes
    assert client.alive()


def test_header_line_over_64_kib(client: WireClient, tmp_path: Path) -> None:
    body = json.dumps({"jsonrpc": "2.0", "method": "initialized", "params": {}}).encode()
    client.write(b"Content-Length: 3\r\nX-Pad: " + b"x" * 200_000 + b"\r\n\r\n" + body)
    _still_serves(client, tmp_path)


def test_too_small_content_length(client: WireClient, tmp_path: Path) -> None:
    client.write(
        b"Content-Length: 3\r\n\r\n" + b'{"jsonrpc": "2.0", "x": "' + b"y" * 100_000 + b'"}'
    )
    _still_serves(client, tmp_path)


def test_non_numeric_content_length(client: WireClient, tmp_path: Path) -> None:
    client.write(b"Content-Length: ten\r\n\r\n{}")
    _still_serves(client, tmp_path)


def test_lower_case_content_length_is_understood(client: WireClient, tmp_path: Path) -> None:
    path = tmp_path / "lower.py"
    path.write_text(BUG, encoding="utf-8")
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {
                    "uri": path.as_uri(),
                    "languageId": "python",
                    "version": 1,
                    "text": BUG,
                }
            },
        }
    ).encode()
    client.write(b"content-length: %d\r\n\r\n" % len(body) + body)
    assert "mutable-default-argument" in [d["code"] for d in client.diagnostics(path.as_uri())]


def test_body_that_is_not_json(client: WireClient, tmp_path: Path) -> None:
    client.send(b"\xff\xfe not json {")
    client.send(b"[" * 100_000)
    _still_serves(client, tmp_path)


def test_malformed_request_gets_an_error_answer(client: WireClient, tmp_path: Path) -> None:
    client.send({"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {"oops": 1}})
    answer = client.wait(lambda m: m.get("id") == 7)
    assert answer["error"]["code"] in (-32602, -32603)
    _still_serves(client, tmp_path)


def test_malformed_notifications_are_logged_not_shown(client: WireClient, tmp_path: Path) -> None:
    for _ in range(50):
        client.notify("textDocument/didChange", {"textDocument": 3, "contentChanges": "x"})
    _still_serves(client, tmp_path)
    assert client.shown_messages() == []


def test_exit_without_shutdown_exits_1(tmp_path: Path) -> None:
    client = WireClient(tmp_path / "data")
    client.initialize()
    client.notify("exit", None)
    assert client.proc.wait(timeout=20) == 1


def test_exit_after_shutdown_exits_0(tmp_path: Path) -> None:
    client = WireClient(tmp_path / "data")
    client.initialize()
    assert client.close() == 0


def test_end_of_input_ends_the_server_quietly(tmp_path: Path) -> None:
    client = WireClient(tmp_path / "data")
    client.initialize()
    assert client.proc.stdin is not None
    client.proc.stdin.close()
    assert client.proc.wait(timeout=20) == 0
    assert b"Traceback" not in client.stderr


def test_frame_helper_is_plain() -> None:
    assert frame(b"{}") == b"Content-Length: 2\r\n\r\n{}"


async def test_tcp_framing_survives_an_overlong_line_and_a_bad_length() -> None:
    import asyncio

    from pyiq.lsp.transport import LINE_LIMIT, read_body

    stream = asyncio.StreamReader(limit=LINE_LIMIT)
    stream.feed_data(b"X-Pad: " + b"x" * (LINE_LIMIT * 2) + b"\r\n")
    stream.feed_data(b"Content-Length: ten\r\n\r\n")
    stream.feed_data(b"content-length: 2\r\n\r\n{}")
    stream.feed_eof()
    assert await read_body(stream) == b"{}"
    assert await read_body(stream) is None


GLUED = (
    b"Content-Length: 3\r\n\r\n"
    + b'{"a": "'
    + b"y" * 200_000
    + b'"}'
    + b'Content-Length: 17\r\n\r\n{"jsonrpc":"2.0"}'
)


@pytest.mark.parametrize("piece", [len(GLUED), 4096, 1000])
async def test_tcp_resynchronizes_on_a_header_glued_after_an_overlong_line(piece: int) -> None:
    """A body longer than its Content-Length runs past the line limit; the next header is kept."""
    import asyncio

    from pyiq.lsp.transport import LINE_LIMIT, read_body

    stream = asyncio.StreamReader(limit=LINE_LIMIT)

    async def feed() -> None:
        for start in range(0, len(GLUED), piece):
            stream.feed_data(GLUED[start : start + piece])
            await asyncio.sleep(0)
        stream.feed_eof()

    feeding = asyncio.ensure_future(feed())
    first = await asyncio.wait_for(read_body(stream), 10)
    second = await asyncio.wait_for(read_body(stream), 10)
    assert (first, second) == (b'{"a', b'{"jsonrpc":"2.0"}')
    assert await asyncio.wait_for(read_body(stream), 10) is None
    await feeding


def test_stdio_resynchronizes_on_a_header_glued_after_an_overlong_line() -> None:
    import io

    from pyiq.lsp.transport import read_body_blocking

    stream = io.BytesIO(GLUED)
    assert read_body_blocking(stream) == b'{"a'
    assert read_body_blocking(stream) == b'{"jsonrpc":"2.0"}'
    assert read_body_blocking(stream) is None
