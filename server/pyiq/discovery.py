"""Which files ``pyiq check`` looks at when given folders.

Like ruff: recurse into folders, take ``*.py`` and ``*.pyi``, skip VCS
metadata, virtual environments, caches, ``node_modules`` and whatever the
``.gitignore`` files on the way down ignore. Paths given explicitly are
always checked, whatever their name.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pathspec

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        "__pycache__",
        "node_modules",
        "site-packages",
        "build",
        "dist",
        ".eggs",
    }
)
SUFFIXES = (".py", ".pyi")


def _is_virtualenv(directory: Path) -> bool:
    return (directory / "pyvenv.cfg").is_file()


def _gitignore(directory: Path) -> pathspec.PathSpec | None:
    path = directory / ".gitignore"
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.PathSpec.from_lines("gitignore", lines)


def iter_python_files(paths: list[Path]) -> Iterator[Path]:
    """Every Python file under ``paths``, each once, in a stable order."""
    seen: set[Path] = set()
    for root in paths:
        if not root.is_dir():
            if root not in seen:
                seen.add(root)
                yield root
            continue
        yield from _walk(root, seen)


def _walk(root: Path, seen: set[Path]) -> Iterator[Path]:
    # Each entry carries the .gitignore specs in force with their base folder.
    stack: list[tuple[Path, tuple[tuple[Path, pathspec.PathSpec], ...]]] = [(root, ())]
    while stack:
        directory, specs = stack.pop()
        spec = _gitignore(directory)
        if spec is not None:
            specs = (*specs, (directory, spec))
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            continue
        subdirs: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            is_dir = entry.is_dir(follow_symlinks=False)
            if _ignored(path, is_dir, specs):
                continue
            if is_dir:
                if entry.name in SKIP_DIRS or entry.name.endswith(".egg-info"):
                    continue
                if _is_virtualenv(path):
                    continue
                subdirs.append(path)
            elif entry.name.endswith(SUFFIXES) and path not in seen:
                seen.add(path)
                yield path
        stack.extend((sub, specs) for sub in reversed(subdirs))


def _ignored(path: Path, is_dir: bool, specs: tuple[tuple[Path, pathspec.PathSpec], ...]) -> bool:
    for base, spec in specs:
        relative = path.relative_to(base).as_posix()
        if is_dir:
            relative += "/"
        if spec.match_file(relative):
            return True
    return False
