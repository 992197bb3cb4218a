"""What ``pyiq serve`` does to start fast, and that none of it leaks or hides a command."""

from __future__ import annotations

import asyncio
import gc
import json
import subprocess
import sys
import weakref
from pathlib import Path
from threading import Event
from types import SimpleNamespace

import pytest

from pyiq.cli.main import _only_module, build_parser
from pyiq.cli.serve_cmd import collector_paused, free_start_garbage
from pyiq.lsp import transport
from tests.hostile.wire_client import frame


def test_a_command_builds_only_its_own_parser() -> None:
    assert _only_module(["serve", "--tcp", ":2087"]) == "pyiq.cli.serve_cmd"
    assert _only_module(["check", "serve"]) == "pyiq.cli.check_cmd"
    assert _only_module(["progress", "export", "-"]) == "pyiq.cli.progress_cmd"
    assert _only_module(["--help"]) is None
    assert _only_module(["chek", "x.py"]) is None  # a typo: the full parser names the choices
    assert _only_module(["main"]) is None  # pyiq.cli.main_cmd is no command
    assert _only_module([]) is None
    commands = build_parser("pyiq.cli.serve_cmd")._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert list(commands) == ["serve"]


def test_help_still_lists_every_command() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "--help"], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0
    for command in ("check", "quiz", "serve", "stats", "explain"):
        assert command in run.stdout


def test_a_mistyped_command_is_told_the_choices() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "chek", "x.py"], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2
    assert "invalid choice: 'chek'" in run.stderr
    assert "'check'" in run.stderr and "'quiz'" in run.stderr


def test_check_runs_without_the_other_commands_modules(tmp_path: Path) -> None:
    source = tmp_path / "a.py"
    source.write_text("def f(x=[]):\n    return x\n")
    code = (
        "import sys; from pyiq.cli.main import main; status = main(['check', sys.argv[1]]); "
        "print(status, sorted(m for m in sys.modules if m.startswith('pyiq.cli.')))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(source)], capture_output=True, text=True, timeout=60
    )
    last = run.stdout.strip().splitlines()[-1]
    assert last == "1 ['pyiq.cli.check_cmd', 'pyiq.cli.main']"
    assert "mutable-default-argument" in run.stdout


def test_serve_help_is_the_same_as_from_the_full_parser() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pyiq", "serve", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0
    assert "usage: pyiq serve" in run.stdout
    assert "--tcp HOST:PORT" in run.stdout


def test_collector_is_enabled_again_after_the_start() -> None:
    assert gc.isenabled()
    thresholds = gc.get_threshold()
    frozen = gc.get_freeze_count()
    with collector_paused():
        assert not gc.isenabled()
        kept = [object() for _ in range(10)]
    assert gc.isenabled()
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() >= frozen + len(kept)
    gc.unfreeze()


def test_garbage_made_during_the_start_is_freed_once_idle_and_the_rest_stays_frozen() -> None:
    class Node:
        pass

    with collector_paused():
        cycle = Node()
        cycle.self = cycle  # type: ignore[attr-defined]
        gone = weakref.ref(cycle)
        del cycle
        kept = [Node() for _ in range(10)]
    gc.collect()
    assert gone() is not None  # frozen: no collection before the first diagnostics
    frozen = gc.get_freeze_count()
    free_start_garbage()
    assert gone() is None
    assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() < frozen
    gc.unfreeze()


class _Protocol:
    """What ``handle_body`` needs of a protocol: structuring and handling messages."""

    def __init__(self) -> None:
        self.handled: list[str] = []

    def structure_message(self, data: dict) -> SimpleNamespace:
        return SimpleNamespace(**data)

    def handle_message(self, message: SimpleNamespace) -> None:
        self.handled.append(message.method)


def _message(method: str) -> bytes:
    return frame(json.dumps({"jsonrpc": "2.0", "method": method}).encode())


async def test_idle_work_runs_once_when_no_message_comes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transport, "IDLE_AFTER", 0.05)
    stream = asyncio.StreamReader()
    protocol, ran = _Protocol(), []

    def idle() -> None:
        ran.append(list(protocol.handled))

    async def client() -> None:
        stream.feed_data(_message("first"))
        await asyncio.sleep(0.3)
        stream.feed_data(_message("second"))
        await asyncio.sleep(0.3)
        stream.feed_eof()

    feeding = asyncio.ensure_future(client())
    await asyncio.wait_for(transport.run_messages(Event(), stream, protocol, idle), 10)  # type: ignore[arg-type]
    await feeding
    assert protocol.handled == ["first", "second"]
    assert ran == [["first"]]


async def test_idle_work_waits_while_messages_keep_coming(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(transport, "IDLE_AFTER", 5.0)
    stream = asyncio.StreamReader()
    for index in range(20):
        stream.feed_data(_message(f"m{index}"))
    stream.feed_eof()
    protocol, ran = _Protocol(), []
    await asyncio.wait_for(
        transport.run_messages(Event(), stream, protocol, lambda: ran.append(1)),  # type: ignore[arg-type]
        10,
    )
    assert len(protocol.handled) == 20
    assert ran == []


async def test_failing_idle_work_is_logged_and_serving_goes_on(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(transport, "IDLE_AFTER", 0.01)
    stream = asyncio.StreamReader()
    protocol = _Protocol()

    def broken() -> None:
        raise RuntimeError("idle work broke")

    async def client() -> None:
        await asyncio.sleep(0.1)
        stream.feed_data(_message("after"))
        stream.feed_eof()

    feeding = asyncio.ensure_future(client())
    await asyncio.wait_for(transport.run_messages(Event(), stream, protocol, broken), 10)  # type: ignore[arg-type]
    await feeding
    assert protocol.handled == ["after"]
    assert "idle work failed" in caplog.text


def test_collector_is_enabled_again_when_the_start_fails() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("no server")
    assert gc.isenabled()
    gc.unfreeze()


def test_collector_stays_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
