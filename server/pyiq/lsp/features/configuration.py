"""Settings from the client and project files; any change republishes.

Order of precedence (later wins): ``[tool.pyiq]`` of the nearest
``pyproject.toml``, ``initializationOptions``, ``workspace/configuration``
(section ``pyiq``), ``workspace/didChangeConfiguration``. Project files are
watched through ``didChangeWatchedFiles`` when the client can register
watchers dynamically, and a change republishes every open document at once;
otherwise the store notices mtime changes itself, at the next publish.

What is watched: every ``*.toml`` of the workspace, which covers the
configuration names and the usual ``extend`` bases (``shared/base.toml``),
plus, where the client takes relative patterns, each ``extend`` file the
store has read that this glob misses (outside the workspace, as
``~/.config/ruff/base.toml``, or not named ``*.toml``). Of the changes
reported, only those to a configuration name or to a file an ``extend``
chain has read reload anything: ``Cargo.toml`` changes nothing here.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any

from lsprotocol import types

from pyiq.lsp.features.diagnostics import republish_all
from pyiq.lsp.guard import guarded
from pyiq.lsp.ruff_config import CONFIG_NAMES
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import uri_to_path

log = logging.getLogger(__name__)

WATCHED_GLOB = "**/*.toml"
WATCH_ID = "pyiq-config-watch"
CHAIN_WATCH_ID = "pyiq-config-chain-watch"


def _watch_capability(ls: PyiqServer) -> types.DidChangeWatchedFilesClientCapabilities | None:
    workspace = ls.client_capabilities().workspace
    watched = workspace.did_change_watched_files if workspace else None
    return watched if watched and watched.dynamic_registration else None


async def _register_watchers(
    ls: PyiqServer, registration_id: str, watchers: list[types.FileSystemWatcher]
) -> bool:
    """Asks the client to watch; False (logged) when it refuses."""
    try:
        await ls.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id=registration_id,
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(
                            watchers=watchers
                        ),
                    )
                ]
            )
        )
    except Exception:
        log.warning("could not register file watchers", exc_info=True)
        return False
    return True


def _workspace_roots(ls: PyiqServer) -> list[str]:
    """The folders a workspace glob is matched in, as directories ending with a separator."""
    uris = [folder.uri for folder in ls.workspace.folders.values()]
    if ls.workspace.root_uri:
        uris.append(ls.workspace.root_uri)
    paths = (uri_to_path(uri) for uri in uris)
    return [os.path.join(os.path.normpath(path), "") for path in paths if path is not None]


def _glob_misses(path: str, roots: list[str]) -> bool:
    """Whether a change to ``path`` escapes the ``**/*.toml`` watcher."""
    return not path.endswith(".toml") or not any(path.startswith(root) for root in roots)


class ChainWatchers:
    """Watchers for the ``extend`` files that the workspace glob misses.

    The store reports each newly read chain file while publishing, which
    cannot wait for the client; the registration runs as a task of its
    own, replacing the previous one, one at a time.
    """

    def __init__(self, ls: PyiqServer) -> None:
        self.ls = ls
        self.registered: tuple[str, ...] = ()
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()

    def changed(self) -> None:
        try:
            task = asyncio.get_running_loop().create_task(self._sync_logged())
        except RuntimeError:  # no loop: nothing to talk to the client with
            return
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _sync_logged(self) -> None:
        try:
            await self.sync()
        except Exception:
            log.warning("could not update the extend-file watchers", exc_info=True)

    async def sync(self) -> None:
        capability = _watch_capability(self.ls)
        if capability is None or not capability.relative_pattern_support:
            return
        async with self._lock:
            roots = _workspace_roots(self.ls)
            wanted = tuple(
                sorted(path for path in self.ls.projects.chain_files if _glob_misses(path, roots))
            )
            if wanted == self.registered:
                return
            if self.registered:
                try:
                    await self.ls.client_unregister_capability_async(
                        types.UnregistrationParams(
                            unregisterations=[
                                types.Unregistration(
                                    id=CHAIN_WATCH_ID,
                                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                )
                            ]
                        )
                    )
                except Exception:
                    log.warning("could not unregister file watchers", exc_info=True)
                self.registered = ()
            watchers = [
                types.FileSystemWatcher(
                    glob_pattern=types.RelativePattern(
                        base_uri=Path(os.path.dirname(path)).as_uri(),
                        pattern=os.path.basename(path),
                    )
                )
                for path in wanted
            ]
            if await _register_watchers(self.ls, CHAIN_WATCH_ID, watchers):
                self.registered = wanted


def _configures(ls: PyiqServer, uri: str) -> bool:
    """Whether a changed file can alter a configuration: the glob also matches ``Cargo.toml``.

    A configuration name anywhere counts (it may be new), and so does a file
    some ``extend`` chain has read; any other file is read by no configuration.
    """
    path = uri_to_path(uri)
    if path is None:
        return False
    return path.name in CONFIG_NAMES or os.path.normpath(path) in ls.projects.chain_files


def _can_pull_configuration(ls: PyiqServer) -> bool:
    workspace = ls.client_capabilities().workspace
    return bool(workspace and workspace.configuration)


async def pull_configuration(ls: PyiqServer) -> None:
    """Asks the client for section ``pyiq`` and applies it."""
    if not _can_pull_configuration(ls):
        return
    try:
        result = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="pyiq")])
        )
    except Exception:
        log.warning("workspace/configuration failed", exc_info=True)
        return
    if result and result[0] is not None:
        ls.apply_client_settings(result[0])


def _section(settings: Any) -> Any:
    """didChangeConfiguration may carry ``{"pyiq": {...}}`` or the section itself."""
    if isinstance(settings, dict) and isinstance(settings.get("pyiq"), dict):
        return settings["pyiq"]
    return settings


def setup(server: PyiqServer) -> None:
    chain_watchers = ChainWatchers(server)
    server.projects.on_chain_files = chain_watchers.changed

    @server.feature(types.INITIALIZE)
    @guarded()
    def initialize(ls: PyiqServer, params: types.InitializeParams) -> None:
        ls.apply_client_settings(params.initialization_options)

    @server.feature(types.INITIALIZED)
    @guarded()
    async def initialized(ls: PyiqServer, params: types.InitializedParams) -> None:
        if _watch_capability(ls) is not None:
            watcher = types.FileSystemWatcher(glob_pattern=WATCHED_GLOB)
            await _register_watchers(ls, WATCH_ID, [watcher])
            await chain_watchers.sync()
        await pull_configuration(ls)
        republish_all(ls)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    @guarded()
    async def did_change_configuration(
        ls: PyiqServer, params: types.DidChangeConfigurationParams
    ) -> None:
        section = _section(params.settings)
        if isinstance(section, dict) and section:
            ls.apply_client_settings(section)
        else:
            await pull_configuration(ls)
        republish_all(ls)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded()
    def did_change_watched_files(ls: PyiqServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(_configures(ls, change.uri) for change in params.changes):
            ls.projects.clear()
            republish_all(ls)
