"""What ``pyiq serve`` does to start fast, and that none of it leaks or hides a command."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref

import pytest

from pyiq.cli.main import _only_module, build_parser
from pyiq.cli.serve_cmd import collector_paused


def test_serve_builds_only_its_own_parser() -> None:
    assert _only_module(["serve", "--tcp", ":2087"]) == "pyiq.cli.serve_cmd"
    assert _only_module(["check", "serve"]) is None
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


def test_garbage_made_during_the_start_is_freed_not_frozen() -> None:
    class Node:
        pass

    with collector_paused():
        cycle = Node()
        cycle.self = cycle  # type: ignore[attr-defined]
        gone = weakref.ref(cycle)
        del cycle
        assert gone() is not None  # no collection while paused
    assert gone() is None
    gc.unfreeze()


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
