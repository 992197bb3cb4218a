"""Open documents and the project configuration that applies to each.

The engine ``Document`` of every open URI lives here and is edited in
place (pygls keeps its own text too, but the engine needs its own
incrementally-parsed copy). Project configuration (``[tool.pyiq]`` and the
ruff selection) is cached per directory and re-read when any candidate
file's mtime changes, so edits to ``pyproject.toml`` apply without a
restart even when the client cannot watch files.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from pyiq.analysis import Config, ConfigError, Document
from pyiq.analysis.config import find_pyproject, load_config
from pyiq.analysis.registry import Registry
from pyiq.lsp.ruff_peer import CONFIG_NAMES, RuffSelection, ruff_selection

log = logging.getLogger(__name__)


@dataclass
class OpenDocument:
    uri: str
    version: int | None
    engine: Document
    path: Path | None


def uri_to_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


@dataclass(frozen=True)
class ProjectConfig:
    config: Config
    ruff: RuffSelection | None
    problem: str | None


def _candidates(directory: Path) -> tuple[str, ...]:
    """Every file whose change could alter the configuration of ``directory``."""
    return tuple(
        os.path.join(candidate, name)
        for candidate in (directory, *directory.parents)
        for name in CONFIG_NAMES
    )


def _signature(candidates: tuple[str, ...]) -> tuple[int | None, ...]:
    """mtimes of the candidate files (None where absent): checked on every publish."""
    found: list[int | None] = []
    for path in candidates:
        try:
            found.append(os.stat(path).st_mtime_ns)
        except OSError:
            found.append(None)
    return tuple(found)


class ProjectConfigs:
    """``[tool.pyiq]`` and ruff settings per directory, reloaded on mtime change."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._cache: dict[Path, tuple[tuple[int | None, ...], ProjectConfig]] = {}
        # Joining paths with pathlib on every keystroke cost more than the stats.
        self._candidates: dict[Path, tuple[str, ...]] = {}

    def clear(self) -> None:
        self._cache.clear()

    def for_path(self, path: Path | None) -> ProjectConfig:
        if path is None:
            return ProjectConfig(Config(), None, None)
        directory = path.parent
        candidates = self._candidates.get(directory)
        if candidates is None:
            candidates = self._candidates[directory] = _candidates(directory)
        signature = _signature(candidates)
        cached = self._cache.get(directory)
        if cached is not None and cached[0] == signature:
            return cached[1]
        problem = None
        try:
            config = load_config(find_pyproject(directory), self.registry)
        except ConfigError as exc:
            config, problem = Config(), str(exc)
            log.warning("ignoring invalid project configuration: %s", exc)
        project = ProjectConfig(config, ruff_selection(directory), problem)
        self._cache[directory] = (signature, project)
        return project
