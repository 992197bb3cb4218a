"""Which files ``pyiq check`` looks at when given folders.

As ruff does: recurse into folders and take ``*.py``, ``*.pyi`` and
``*.ipynb``; skip what the governing configuration's ``exclude`` (by
default ruff's list: VCS metadata, caches, ``node_modules``, ...) and
``extend-exclude`` cover, virtual environments (any folder holding a
``pyvenv.cfg``, as ruff and pip know them, whatever its name), and what git
ignores: the ``.gitignore`` files from the repository's root down to each
folder, the repository's ``.git/info/exclude`` and the user's global
excludes file (``core.excludesFile``, found as ruff finds it), read with git's own
semantics (pathspec's ``GitIgnoreSpec``: the last matching rule wins, a
negation can re-include). Outside a repository the ``.gitignore`` files
from the starting folder down still apply.

Paths given explicitly are always checked, whatever their name, unless
``force_exclude`` asks for the exclusions to apply to them too (what
pre-commit needs, since it passes every staged file by name).

Anything that cannot be checked is yielded as a target with an ``error``,
so the caller can name it and go on: an unreadable folder, a FIFO, device
or socket named like a Python file (never opened: reading a FIFO blocks, a
symlink to ``/dev/zero`` never ends), a broken symlink, a broken
configuration (reported once, its files left alone).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pathspec import GitIgnoreSpec

from pyiq.notebook import NOTEBOOK_SUFFIX
from pyiq.projects import Projects
from pyiq.sources import not_regular

SUFFIXES = (".py", ".pyi")
# A .gitignore larger than this is not read (no real one comes close).
MAX_IGNORE_BYTES = 1 << 20

Specs = tuple[tuple[str, GitIgnoreSpec], ...]


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check (``path`` as the user will see it), or a problem to report."""

    path: Path
    absolute: str
    error: str | None = None
    kind: str = "file"  # or "config": a broken configuration governing a folder


def _read_raw(path: str) -> bytes | None:
    """A regular file's bytes, if it is at most ``MAX_IGNORE_BYTES`` (never blocks)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_IGNORE_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(MAX_IGNORE_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)


def _read_small(path: str) -> list[str] | None:
    data = _read_raw(path)
    return None if data is None else data.decode("utf-8", "replace").splitlines()


def _spec(path: str) -> GitIgnoreSpec | None:
    lines = _read_small(path)
    if not lines:
        return None
    return GitIgnoreSpec.from_lines(lines)


def _git_dir(repository: str) -> str | None:
    """The git directory of a work tree (``.git`` may be a file pointing elsewhere)."""
    dot_git = os.path.join(repository, ".git")
    if os.path.isdir(dot_git):
        return dot_git
    lines = _read_small(dot_git) or []
    for line in lines:
        if line.startswith("gitdir:"):
            git_dir = os.path.normpath(os.path.join(repository, line[7:].strip()))
            common = _read_small(os.path.join(git_dir, "commondir"))
            if common:
                return os.path.normpath(os.path.join(git_dir, common[0].strip()))
            return git_dir
    return None


# ``core.excludesFile`` as the ``ignore`` crate (ruff's walker) reads it from the
# user's git configuration: a line, in any section, case-insensitive.
_EXCLUDES_FILE = re.compile(rb'(?im)^[ \t]*excludesfile[ \t]*=[ \t]*"?[ \t]*(\S+?)[ \t]*"?[ \t]*$')


def _config_home() -> str | None:
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg:
        return xdg
    home = os.path.expanduser("~")
    return None if home == "~" else os.path.join(home, ".config")


def global_excludes_file() -> str | None:
    """The user's global git ignore file, found as ruff finds it.

    ``core.excludesFile`` from ``~/.gitconfig``, else from
    ``$XDG_CONFIG_HOME/git/config`` (``~/.config/git/config``), else the
    default ``$XDG_CONFIG_HOME/git/ignore``. Read as the ``ignore`` crate
    does (the line ``excludesfile = path``, ``~`` expanded), not by running
    ``git config``: no process per run, no dependence on git being
    installed, and nothing a repository holds (its ``.git/config``, which a
    downloaded archive may carry, or files it ``include``s) decides which of
    the user's files are read. Only the user's own configuration counts.
    """
    home = os.path.expanduser("~")
    config_home = _config_home()
    candidates = [os.path.join(home, ".gitconfig")] if home != "~" else []
    if config_home is not None:
        candidates.append(os.path.join(config_home, "git", "config"))
    for config in candidates:
        data = _read_raw(config)
        match = _EXCLUDES_FILE.search(data) if data else None
        if match:
            value = match.group(1).decode("utf-8", "replace")
            return value.replace("~", home) if home != "~" else value
    return None if config_home is None else os.path.join(config_home, "git", "ignore")


def _global_spec() -> GitIgnoreSpec | None:
    path = global_excludes_file()
    return None if path is None else _spec(path)


def _outer_specs(root: str) -> Specs:
    """The ignore rules in force at ``root`` from above it: the user's and the repository's.

    As git orders them: the global excludes file first (lowest precedence),
    then ``.git/info/exclude``, then the ``.gitignore`` files from the
    repository's root down. Git and ruff's walker apply the global excludes
    inside a repository only, anchored at its root.
    """
    directory = root
    while not os.path.exists(os.path.join(directory, ".git")):
        parent = os.path.dirname(directory)
        if parent == directory:
            return ()
        directory = parent
    repository = directory
    specs: list[tuple[str, GitIgnoreSpec]] = []
    global_spec = _global_spec()
    if global_spec is not None:
        specs.append((repository, global_spec))
    git_dir = _git_dir(repository)
    if git_dir is not None:
        spec = _spec(os.path.join(git_dir, "info", "exclude"))
        if spec is not None:
            specs.append((repository, spec))
    # Each folder from the repository's root down to the one above ``root``.
    chain = []
    current = root
    while current != repository:
        current = os.path.dirname(current)
        chain.append(current)
    for folder in reversed(chain):
        spec = _spec(os.path.join(folder, ".gitignore"))
        if spec is not None:
            specs.append((folder, spec))
    return tuple(specs)


def _ignored(path: str, is_dir: bool, specs: Specs) -> bool:
    """Git's answer: the last rule that matches decides, deeper files after outer ones."""
    ignored = False
    for base, spec in specs:
        relative = path[len(base) + 1 :]
        if os.sep != "/":
            relative = relative.replace(os.sep, "/")
        if is_dir:
            relative += "/"
        include = spec.check_file(relative).include
        if include is not None:
            ignored = include
    return ignored


def _is_virtualenv(directory: str) -> bool:
    return os.path.isfile(os.path.join(directory, "pyvenv.cfg"))


def _file_problem(entry: os.DirEntry[str], shown: Path) -> str | None:
    """Why a directory entry named like a source file cannot be read (None if it can)."""
    try:
        if entry.is_file():
            return None
        reason = not_regular(entry.stat().st_mode)
    except OSError as exc:
        return f"{shown}: cannot read: {exc.strerror or exc}"
    return f"{shown}: {reason}, skipped"


def iter_targets(
    paths: list[Path],
    projects: Projects,
    force_exclude: bool = False,
    notebooks: bool = True,
) -> Iterator[Target]:
    """Every file under ``paths`` to check, each once, in a stable order, and the problems."""
    suffixes = (*SUFFIXES, NOTEBOOK_SUFFIX) if notebooks else SUFFIXES
    seen: set[str] = set()
    for root in paths:
        absolute = os.path.normpath(os.path.abspath(root))
        if not root.is_dir():
            if absolute in seen:
                continue
            seen.add(absolute)
            if force_exclude:
                project = projects.for_directory(os.path.dirname(absolute))
                if project.problem is None and project.rules.excluded_with_parents(absolute):
                    continue
            yield Target(root, absolute)
            continue
        yield from _walk(root, absolute, projects, suffixes, seen)


def _walk(
    root: Path, absolute: str, projects: Projects, suffixes: tuple[str, ...], seen: set[str]
) -> Iterator[Target]:
    stack: list[tuple[Path, str, Specs]] = [(root, absolute, _outer_specs(absolute))]
    while stack:
        shown, directory, specs = stack.pop()
        project = projects.for_directory(directory)
        if project.problem is not None:
            if project.problem not in projects.reported:
                projects.reported.add(project.problem)
                yield Target(shown, directory, project.problem, "config")
            continue
        spec = _spec(os.path.join(directory, ".gitignore"))
        if spec is not None:
            specs = (*specs, (directory, spec))
        try:
            with os.scandir(directory) as iterator:
                entries = sorted(iterator, key=lambda e: e.name)
        except OSError as exc:
            yield Target(shown, directory, error=f"{shown}: cannot read folder: {exc.strerror}")
            continue
        rules = project.rules
        subdirs: list[tuple[Path, str, Specs]] = []
        for entry in entries:
            name = entry.name
            path = os.path.join(directory, name)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                if (
                    name.endswith(".egg-info")
                    or rules.excluded(path)
                    or _ignored(path, True, specs)
                    or _is_virtualenv(path)
                ):
                    continue
                subdirs.append((shown / name, path, specs))
            elif name.endswith(suffixes) and path not in seen:
                if rules.excluded(path) or _ignored(path, False, specs):
                    continue
                seen.add(path)
                target = shown / name
                yield Target(target, path, _file_problem(entry, target))
        stack.extend(reversed(subdirs))


def iter_python_files(paths: list[Path], notebooks: bool = False) -> Iterator[Path]:
    """Every readable Python file (and notebook, if asked) under ``paths``, for the quiz."""
    for target in iter_targets(list(paths), Projects(), notebooks=notebooks):
        if target.error is None:
            yield target.path
