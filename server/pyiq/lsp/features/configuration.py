"""Settings from the client and project files; any change republishes.

Order of precedence (later wins): ``[tool.pyiq]`` of the nearest
``pyproject.toml``, ``initializationOptions``, ``workspace/configuration``
(section ``pyiq``), ``workspace/didChangeConfiguration``. Project files are
watched through ``didChangeWatchedFiles`` when the client can register
watchers dynamically; otherwise the store notices mtime changes itself.
"""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types

from pyiq.lsp.features.diagnostics import republish_all
from pyiq.lsp.guard import guarded
from pyiq.lsp.server import PyiqServer

log = logging.getLogger(__name__)

WATCHED = ("**/pyproject.toml", "**/ruff.toml", "**/.ruff.toml")


def _can_register_watchers(ls: PyiqServer) -> bool:
    workspace = ls.client_capabilities().workspace
    watched = workspace.did_change_watched_files if workspace else None
    return bool(watched and watched.dynamic_registration)


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
    @server.feature(types.INITIALIZE)
    @guarded()
    def initialize(ls: PyiqServer, params: types.InitializeParams) -> None:
        ls.apply_client_settings(params.initialization_options)

    @server.feature(types.INITIALIZED)
    @guarded()
    async def initialized(ls: PyiqServer, params: types.InitializedParams) -> None:
        if _can_register_watchers(ls):
            watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
            try:
                await ls.client_register_capability_async(
                    types.RegistrationParams(
                        registrations=[
                            types.Registration(
                                id="pyiq-config-watch",
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
        ls.projects.clear()
        republish_all(ls)
