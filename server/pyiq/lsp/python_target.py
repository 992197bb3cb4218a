"""The Python version a file's project targets, found where ruff finds it.

The mutable-default fix writes an optional type as ``T | None`` only for a
3.10+ target, so it must know the target the way the user's linter does.
ruff reads ``target-version`` from the configuration that applies (the
closest ``.ruff.toml``, ``ruff.toml`` or ``pyproject.toml`` with a
``[tool.ruff]`` table), else ``requires-python`` from the ``pyproject.toml``
of that configuration's directory, or from the closest ``pyproject.toml``
when there is no ruff configuration. Without any of these ruff assumes its
default (3.9), reported here as None. pyiq's own ``[tool.pyiq]`` has no
version setting. ``extend`` chains are not followed for the version.

Every call reads the files again; the language server asks through its
per-directory project cache (:class:`pyiq.lsp.store.ProjectConfig`), which
reads them once and again only after one of them changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pyiq.project_files import ProjectFileError, load_toml

Version = tuple[int, int]

RUFF_FILES = (".ruff.toml", "ruff.toml")
_TARGET = re.compile(r"py(\d)(\d+)")
# Clauses of a version specifier that set a lower bound (PEP 440).
_LOWER_BOUND = re.compile(r"\s*(?:~=|===|==|>=|>)\s*(\d+)(?:\.(\d+))?")


def _table(path: Path) -> Mapping[str, Any] | None:
    """The TOML file as a table; None when it is absent or unusable (ruff skips those too).

    Read as any project file (:mod:`pyiq.project_files`): never a FIFO or device.
    """
    if not path.is_file():
        return None
    try:
        return load_toml(path)
    except ProjectFileError:
        return None


def _target_version(ruff: Mapping[str, Any]) -> Version | None:
    value = ruff.get("target-version")
    match = _TARGET.fullmatch(value) if isinstance(value, str) else None
    return (int(match[1]), int(match[2])) if match else None


def lowest_version(specifier: str) -> Version | None:
    """The lowest ``major.minor`` a ``requires-python`` specifier admits (``>=3.10,<4``: 3.10)."""
    bounds = [
        (int(match[1]), int(match[2] or 0))
        for clause in specifier.split(",")
        if (match := _LOWER_BOUND.match(clause))
    ]
    return max(bounds) if bounds else None


def _requires_python(pyproject: Mapping[str, Any] | None) -> Version | None:
    project = pyproject.get("project") if pyproject is not None else None
    specifier = project.get("requires-python") if isinstance(project, Mapping) else None
    return lowest_version(specifier) if isinstance(specifier, str) else None


def python_target(path: Path | None) -> Version | None:
    """The target version for the file at ``path``; None when the project does not say."""
    if path is None:
        return None
    return directory_target(path if path.is_dir() else path.parent)


def directory_target(directory: Path) -> Version | None:
    """The target version for the files of ``directory``.

    It reads only the configuration names of ``directory`` and its parents,
    the files the language server's per-directory cache already watches.
    """
    closest_project: Mapping[str, Any] | None = None
    for candidate in (directory, *directory.parents):
        pyproject = _table(candidate / "pyproject.toml")
        if closest_project is None:
            closest_project = pyproject
        tables = (_table(candidate / name) for name in RUFF_FILES)
        ruff = next((table for table in tables if table is not None), None)
        if ruff is None and pyproject is not None:
            tool = pyproject.get("tool")
            table = tool.get("ruff") if isinstance(tool, Mapping) else None
            ruff = table if isinstance(table, Mapping) else None
        if ruff is not None:
            return _target_version(ruff) or _requires_python(pyproject)
    return _requires_python(closest_project)
