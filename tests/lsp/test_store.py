"""Open documents beyond the most recently used ones sleep and wake unchanged."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from pyiq.analysis import Document
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
