"""Configuration files are watched, ruff ``extend`` bases too; a change republishes at once.

The test client behaves as an editor does: it reports a file change only
when one of the watchers the server registered matches the file, so a base
configuration the server forgot to watch changes nothing here either.
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path
from typing import Any

from lsprotocol import types

from pyiq.lsp.store import uri_to_path
from tests.lsp.helpers import TIMEOUT, open_and_wait, session

SOURCE = "def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n"


def _glob_regex(glob: str) -> str:
    """An LSP glob (``**``, ``*``, ``?``) as a regular expression over ``/``-separated paths."""
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


def _watchers(client) -> list[tuple[str, Any]]:
    """(registration id, glob pattern) of every watcher the client holds."""
    return [
        (registration.id, watcher["globPattern"])
        for registration in client.registrations
        if registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        for watcher in registration.register_options["watchers"]
    ]


def _watched(client, root: Path, path: Path) -> bool:
    for _, pattern in _watchers(client):
        if isinstance(pattern, str):
            base, glob = root, pattern
        else:
            base, glob = uri_to_path(pattern["baseUri"]), pattern["pattern"]
        relative = os.path.relpath(path, base)
        if relative.startswith(".."):
            continue
        if re.fullmatch(_glob_regex(glob), Path(relative).as_posix()):
            return True
    return False


async def _until(condition) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), TIMEOUT)


async def _save(client, root: Path, path: Path, text: str, uri: str) -> bool:
    """Writes ``path`` as an editor would save it; True when diagnostics were republished."""
    path.write_text(text)
    if not _watched(client, root, path):
        return False
    republished = asyncio.ensure_future(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    )
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    await asyncio.wait_for(republished, TIMEOUT)
    return True


def _codes(client, uri: str) -> list[str]:
    return [d.code for d in client.diagnostics[uri]]


async def test_extend_base_change_republishes_without_an_edit(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nextend = "shared/base.toml"\n')
    base = tmp_path / "shared" / "base.toml"
    base.parent.mkdir()
    base.write_text('[lint]\nselect = ["E"]\n')
    uri = (tmp_path / "src" / "cart.py").as_uri()
    async with session(root=tmp_path, watch_files=True) as client:
        before = [d.code for d in await open_and_wait(client, uri, SOURCE)]
        await _until(lambda: _watchers(client))
        watchers = _watchers(client)
        saved = await _save(client, tmp_path, base, '[lint]\nselect = ["E", "B006"]\n', uri)
        after = _codes(client, uri)
        version = client.published_versions[uri]
    assert watchers == [("pyiq-config-watch", "**/*.toml")]
    assert before == ["mutable-default-argument"]
    assert saved
    # ruff reports B006 now, so pyiq does not; the document was not edited.
    assert (after, version) == ([], 1)


async def test_a_toml_file_no_configuration_reads_republishes_nothing(tmp_path: Path) -> None:
    """The ``**/*.toml`` watcher also reports ``Cargo.toml`` and the like: they are let be."""
    (tmp_path / "pyproject.toml").write_text("[tool.pyiq]\n")
    uri = (tmp_path / "cart.py").as_uri()
    position = types.Position(line=0, character=5)
    hover = types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position
    )
    async with session(root=tmp_path, watch_files=True) as client:
        await open_and_wait(client, uri, SOURCE)
        await _until(lambda: _watchers(client))
        # Two round trips: a publish scheduled before them (as `initialized`
        # schedules one) has reached the client when the second answer does.
        for _ in range(2):
            await asyncio.wait_for(client.text_document_hover_async(hover), TIMEOUT)
        before = client.publish_counts[uri]
        cargo = tmp_path / "Cargo.toml"
        cargo.write_text('[package]\nname = "cart"\n')
        assert _watched(client, tmp_path, cargo)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=cargo.as_uri(), type=types.FileChangeType.Created)]
            )
        )
        for _ in range(2):
            await asyncio.wait_for(client.text_document_hover_async(hover), TIMEOUT)
        after_cargo = client.publish_counts[uri] - before
        saved = await _save(
            client, tmp_path, tmp_path / "pyproject.toml", '[tool.pyiq]\nignore = ["B"]\n', uri
        )
        after_pyproject = client.publish_counts[uri] - before
    assert (after_cargo, saved, after_pyproject) == (0, True, 1)


async def test_extend_base_outside_the_workspace_is_watched_by_its_path(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "ruff.toml").write_text('extend = "../config/ruff-base"\n')
    base = tmp_path / "config" / "ruff-base"
    base.parent.mkdir()
    base.write_text('[lint]\nselect = ["E"]\n')
    uri = (root / "cart.py").as_uri()
    async with session(root=root, watch_files=True) as client:
        before = [d.code for d in await open_and_wait(client, uri, SOURCE)]
        await _until(lambda: len(_watchers(client)) == 2)
        watchers = _watchers(client)
        saved = await _save(client, root, base, '[lint]\nselect = ["B"]\n', uri)
        after = _codes(client, uri)
    assert watchers == [
        ("pyiq-config-watch", "**/*.toml"),
        (
            "pyiq-config-chain-watch",
            {"baseUri": base.parent.as_uri(), "pattern": "ruff-base"},
        ),
    ]
    assert before == ["mutable-default-argument"]
    assert saved
    assert after == []


async def test_a_new_extend_file_replaces_the_chain_watchers(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    root.mkdir()
    config = root / "ruff.toml"
    config.write_text('extend = "../one/base.toml"\n')
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "base.toml").write_text('[lint]\nselect = ["E"]\n')
    uri = (root / "cart.py").as_uri()
    async with session(root=root, watch_files=True) as client:
        await open_and_wait(client, uri, SOURCE)
        await _until(lambda: len(_watchers(client)) == 2)
        assert await _save(client, root, config, 'extend = "../two/base.toml"\n', uri)
        await _until(lambda: len(_watchers(client)) == 3)
        watchers = _watchers(client)
    chain = [pattern for registration, pattern in watchers if registration != "pyiq-config-watch"]
    # Files once in a chain stay watched: editing back and forth re-registers nothing.
    assert chain == [
        {"baseUri": (tmp_path / "one").as_uri(), "pattern": "base.toml"},
        {"baseUri": (tmp_path / "two").as_uri(), "pattern": "base.toml"},
    ]


async def test_no_watchers_without_dynamic_registration(tmp_path: Path) -> None:
    (tmp_path / "ruff.toml").write_text('extend = "../elsewhere.toml"\n')
    uri = (tmp_path / "cart.py").as_uri()
    async with session(root=tmp_path) as client:
        await open_and_wait(client, uri, SOURCE)
        registrations = list(client.registrations)
    assert registrations == []
