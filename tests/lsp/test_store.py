"""The store: documents sleep and wake unchanged; project configuration is cached per directory.

Beyond the most recently used ones, open documents sleep. The target Python
version is read once per configuration and again only after an edit.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

import pyiq.lsp.python_target as python_target_module
from pyiq.analysis import Document
from pyiq.lsp.fixes import quick_fix
from pyiq.lsp.python_target import python_target
from pyiq.lsp.rules import server_registry
from pyiq.lsp.store import Awake, OpenDocument, ProjectConfigs

TEXT = "def add(item, bucket=[]):\n    return bucket\n\nf = lambda: 0  # é😀\n"


def _open(name: str, awake: Awake, text: str = TEXT) -> OpenDocument:
    return OpenDocument(
        uri=f"file:///tmp/{name}.py",
        version=1,
        engine=Document.from_text(text, server_registry()),
        path=None,
        awake=awake,
    )


def test_least_recently_used_documents_sleep() -> None:
    awake = Awake(limit=2)
    first, second = _open("a", awake), _open("b", awake)
    first.engine  # noqa: B018 - a use makes it the most recent
    third = _open("c", awake)
    assert (first.asleep, second.asleep, third.asleep) == (False, True, False)


def test_a_sleeping_document_wakes_with_the_same_state() -> None:
    awake = Awake(limit=1)
    document = _open("a", awake)
    document.engine.apply_edit((3, 0), (3, 0), "g = [] is []\n")
    before = (document.engine.source, document.engine.raw_findings)
    _open("b", awake)
    assert document.asleep
    woken = document.engine
    assert not document.asleep
    assert (woken.source, woken.raw_findings) == before
    fresh = Document(before[0], server_registry())
    assert woken.raw_findings == fresh.raw_findings


def test_a_sleeping_document_releases_its_tree() -> None:
    awake = Awake(limit=1)
    document = _open("a", awake)
    tree = document.engine.tree
    _open("b", awake)
    assert document.asleep
    gc.collect()
    assert sys.getrefcount(tree) == 2  # this function's name and the call's argument


def test_closed_documents_leave_the_awake_set() -> None:
    awake = Awake(limit=1)
    closed = _open("a", awake)
    awake.forget(closed)
    kept = _open("b", awake)
    assert not closed.asleep and not kept.asleep


def test_project_configuration_follows_new_files_up_the_tree(tmp_path: Path) -> None:
    source = tmp_path / "pkg" / "mod.py"
    source.parent.mkdir()
    source.write_text("x = 1\n")
    projects = ProjectConfigs(server_registry())
    assert projects.for_path(source).ruff is None
    (tmp_path / "ruff.toml").write_text('select = ["B006"]\n')
    ruff = projects.for_path(source).ruff
    assert ruff is not None and ruff.selects("B006")


# --- the target Python version is cached with the project configuration ------------


def _write_later(path: Path, text: str) -> None:
    """Writes ``path`` with an mtime surely after the previous one (coarse clocks repeat)."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    os.utime(path, ns=(before + 10**9, before + 10**9))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[Path]:
    """Every file the target-version reader opens, counted."""
    counted: Counter[Path] = Counter()
    read = python_target_module._table

    def spy(path: Path) -> object:
        counted[path] += 1
        return read(path)

    monkeypatch.setattr(python_target_module, "_table", spy)
    return counted


def _mutable_default_fix(path: Path, projects: ProjectConfigs, source: str) -> str:
    """The fixed text, the target asked as the code action asks it (through the store)."""
    doc = Document.from_text(source, server_registry())
    (finding,) = [f for f in doc.findings() if f.rule == "mutable-default-argument"]
    fix = quick_fix(doc, finding, lambda: projects.for_path(path).python_target)
    assert fix is not None
    data = source.encode()
    for edit in sorted(fix.edits, key=lambda e: e.start, reverse=True):
        data = data[: edit.start] + edit.text.encode() + data[edit.end :]
    return data.decode()


def test_two_code_actions_read_no_file_twice(tmp_path: Path, reads: Counter[Path]) -> None:
    source = tmp_path / "pkg" / "cart.py"
    _write_later(tmp_path / "pyproject.toml", '[project]\nrequires-python = ">=3.10"\n')
    projects = ProjectConfigs(server_registry())
    text = "def f(x: set = set()):\n    return x\n"
    projects.for_path(source)  # publishing diagnostics never asks for the target
    assert reads == Counter()
    first = _mutable_default_fix(source, projects, text)
    assert reads[tmp_path / "pyproject.toml"] == 1
    assert set(reads.values()) == {1}
    once = Counter(reads)
    second = _mutable_default_fix(source, projects, text)
    assert reads == once
    assert (
        first
        == second
        == "def f(x: set | None = None):\n    if x is None:\n        x = set()\n    return x\n"
    )


def test_editing_requires_python_changes_the_next_fix(tmp_path: Path, reads: Counter[Path]) -> None:
    source = tmp_path / "cart.py"
    project = tmp_path / "pyproject.toml"
    _write_later(project, '[project]\nrequires-python = ">=3.10"\n')
    projects = ProjectConfigs(server_registry())
    text = "def f(x: set = set()):\n    return x\n"
    assert _mutable_default_fix(source, projects, text).startswith("def f(x: set | None = None):")
    _write_later(project, '[project]\nrequires-python = ">=3.9"\n')
    assert _mutable_default_fix(source, projects, text).startswith(
        "from typing import Optional\n\n\ndef f(x: Optional[set] = None):"
    )
    assert reads[project] == 2
    # An edit the signature cannot see (same size, mtime put back) stays unseen
    # until the cache is cleared, as a watched-file notification clears it.
    stat = project.stat()
    project.write_text('[project]\nrequires-python = ">=3.8"\n')
    os.utime(project, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert projects.for_path(source).python_target == (3, 9)
    projects.clear()
    assert projects.for_path(source).python_target == (3, 8)


def test_cached_target_follows_every_file_it_depends_on(tmp_path: Path) -> None:
    """The steps of ``python_target``'s own test, answered from the cache after each edit."""
    source = tmp_path / "pkg" / "sub" / "mod.py"
    source.parent.mkdir(parents=True)
    projects = ProjectConfigs(server_registry())
    steps = [
        (tmp_path / "pyproject.toml", '[project]\nrequires-python = ">=3.11"\n', (3, 11)),
        (tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'pkg'\n", None),
        (
            tmp_path / "pkg" / "pyproject.toml",
            '[project]\nrequires-python = ">=3.9"\n[tool.ruff]\ntarget-version = "py312"\n',
            (3, 12),
        ),
        (
            tmp_path / "pkg" / "pyproject.toml",
            '[project]\nrequires-python = ">=3.9"\n[tool.ruff]\nline-length = 90\n',
            (3, 9),
        ),
        (tmp_path / "pkg" / "sub" / "ruff.toml", 'target-version = "py310"\n', (3, 10)),
        (tmp_path / "pkg" / "sub" / "ruff.toml", "line-length = 90\n", None),
        (
            tmp_path / "pkg" / "sub" / "pyproject.toml",
            '[project]\nrequires-python = ">=3.13"\n',
            (3, 13),
        ),
        (tmp_path / "pkg" / "sub" / ".ruff.toml", 'target-version = "py38"\n', (3, 8)),
    ]
    assert projects.for_path(source).python_target is None
    for path, text, expected in steps:
        _write_later(path, text)
        assert projects.for_path(source).python_target == expected, (path, text)
        assert python_target(source) == expected


def test_new_extend_files_are_reported_once(tmp_path: Path) -> None:
    source = tmp_path / "proj" / "mod.py"
    source.parent.mkdir()
    _write_later(tmp_path / "proj" / "ruff.toml", 'extend = "../shared/base.toml"\n')
    _write_later(tmp_path / "shared" / "base.toml", '[lint]\nselect = ["B006"]\n')
    projects = ProjectConfigs(server_registry())
    calls: list[set[str]] = []
    projects.on_chain_files = lambda: calls.append(set(projects.chain_files))
    projects.for_path(source)
    base = str(tmp_path / "shared" / "base.toml")
    assert calls == [{base}]
    projects.clear()
    projects.for_path(source)  # read again, nothing new
    _write_later(tmp_path / "shared" / "base.toml", 'extend = "other.cfg"\n')
    projects.for_path(source)
    assert calls == [{base}, {base, str(tmp_path / "shared" / "other.cfg")}]
