"""Finding and reading the ruff configuration that applies to a file.

Discovery follows ruff ("Config file discovery"): the closest directory
holding ``.ruff.toml``, ``ruff.toml`` or a ``pyproject.toml`` with a
``[tool.ruff]`` table wins (in that order within a directory), and parent
configurations are not merged. ``extend = "path"`` (``~`` and ``$VAR``
expanded, relative to the file naming it) inherits from another file, in
chains; each file's relative globs are anchored at its own directory.
Along a chain a setting of the extending file replaces the base's, except
that each file's ``select``/``extend-select``/``ignore``/``extend-ignore``
is one more selection step (see :mod:`pyiq.lsp.ruff_peer`), and
``extend-per-file-ignores`` and ``extend-exclude`` accumulate. Inside one
file a ``lint.`` key replaces its deprecated top-level twin.

Invalid configurations: ruff refuses a configuration as a whole when any
file of its chain is unreadable, is not valid TOML, gives a setting the
wrong type, has a glob it cannot compile, or when the chain has a cycle or
a missing file. ``ruff server`` then logs the error and lints with the
next configuration up the tree, or with its defaults when there is none
(``RuffSettingsIndex``); it does not go silent. pyiq does the same: a
warning is logged, the broken configuration is skipped, and when nothing
valid remains the default selection applies, since a ruff configuration,
even a broken one, says ruff is in use. Only the settings pyiq reads are
validated: an unknown key or an unknown rule code, which ruff would also
refuse, goes unnoticed.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pyiq.brief_repr import brief
from pyiq.lsp.ruff_glob import FileGlobs, GlobError, PerFileGlob
from pyiq.lsp.ruff_peer import (
    DEFAULT_EXCLUDE,
    NO_GLOBS,
    PerFileIgnore,
    RuffSelection,
    RuleSelection,
)
from pyiq.project_files import ProjectFileError, load_toml

log = logging.getLogger(__name__)

# Ruff's precedence inside one directory.
CONFIG_NAMES = (".ruff.toml", "ruff.toml", "pyproject.toml")
_VARIABLE = re.compile(r"\$(?:\{(\w+)\}|(\w+))")


class RuffConfigError(Exception):
    """A configuration ruff would refuse."""


@dataclass(frozen=True)
class _Layer:
    """What one file of an ``extend`` chain says; None where it is silent."""

    selection: RuleSelection
    per_file_ignores: tuple[PerFileIgnore, ...] | None
    extend_per_file_ignores: tuple[PerFileIgnore, ...]
    exclude: FileGlobs | None
    extend_exclude: FileGlobs
    lint_exclude: FileGlobs | None
    extend: str | None


def _strings(value: Any, key: str) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RuffConfigError(f"`{key}` must be a list of strings, got {brief(value)}")
    return value


def _per_file(value: Any, key: str, root: str) -> tuple[PerFileIgnore, ...] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise RuffConfigError(f"`{key}` must be a table of glob = [codes], got {brief(value)}")
    return tuple(
        PerFileIgnore(PerFileGlob.parse(pattern, root), tuple(_strings(codes, key) or ()))
        for pattern, codes in value.items()
    )


def _layer(table: Mapping[str, Any], root: str) -> _Layer:
    lint = table.get("lint", {})
    if not isinstance(lint, Mapping):
        raise RuffConfigError(f"`lint` must be a table, got {brief(lint)}")

    def common(key: str) -> Any:
        return lint[key] if key in lint else table.get(key)

    def globs(value: Any, key: str) -> FileGlobs | None:
        patterns = _strings(value, key)
        return None if patterns is None else FileGlobs.user(patterns, root)

    select = _strings(common("select"), "select")
    extend = table.get("extend")
    if extend is not None and not isinstance(extend, str):
        raise RuffConfigError(f"`extend` must be a path, got {brief(extend)}")
    try:
        return _Layer(
            selection=RuleSelection(
                select=None if select is None else tuple(select),
                extend_select=tuple(_strings(common("extend-select"), "extend-select") or ()),
                ignore=(
                    *(_strings(common("ignore"), "ignore") or ()),
                    *(_strings(common("extend-ignore"), "extend-ignore") or ()),
                ),
            ),
            per_file_ignores=_per_file(common("per-file-ignores"), "per-file-ignores", root),
            extend_per_file_ignores=_per_file(
                common("extend-per-file-ignores"), "extend-per-file-ignores", root
            )
            or (),
            exclude=globs(table.get("exclude"), "exclude"),
            extend_exclude=globs(table.get("extend-exclude"), "extend-exclude") or NO_GLOBS,
            lint_exclude=globs(lint.get("exclude"), "lint.exclude"),
            extend=extend,
        )
    except GlobError as exc:
        raise RuffConfigError(str(exc)) from exc


def _combine(
    layers: list[_Layer], root: str, path: str | None, sources: tuple[str, ...] = ()
) -> RuffSelection:
    """The chain's settings, ``layers`` listed from the extending file to the base."""
    base_first = layers[::-1]

    def nearest(values: list[Any], default: Any) -> Any:
        return next((value for value in values if value is not None), default)

    extend_exclude = NO_GLOBS
    for layer in base_first:
        extend_exclude = extend_exclude + layer.extend_exclude
    return RuffSelection(
        selections=tuple(layer.selection for layer in base_first),
        per_file_ignores=(
            *nearest([layer.per_file_ignores for layer in layers], ()),
            *(rule for layer in base_first for rule in layer.extend_per_file_ignores),
        ),
        exclude=nearest([layer.exclude for layer in layers], DEFAULT_EXCLUDE),
        extend_exclude=extend_exclude,
        lint_exclude=nearest([layer.lint_exclude for layer in layers], NO_GLOBS),
        root=root,
        path=path,
        sources=sources,
    )


def selection_from_table(table: Mapping[str, Any], directory: Path | None = None) -> RuffSelection:
    """The selection one settings table describes on its own (``extend`` not followed).

    Relative globs are anchored at ``directory`` (the working directory by
    default, as ruff does for settings given without a file).
    """
    root = os.path.normpath(os.fspath(directory or Path.cwd()))
    return _combine([_layer(table, root)], root, None)


def _load(path: Path) -> Mapping[str, Any] | None:
    """The ruff table of a file, or None for a ``pyproject.toml`` without one."""
    try:
        data = load_toml(path)
    except ProjectFileError as exc:
        raise RuffConfigError(str(exc)) from None
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    ruff = tool.get("ruff") if isinstance(tool, Mapping) else None
    if ruff is not None and not isinstance(ruff, Mapping):
        raise RuffConfigError(f"[tool.ruff] in {path} must be a table")
    return ruff


def _expand(value: str, relative_to: Path) -> Path:
    """An ``extend`` value as ruff resolves it (``shellexpand::full``, then normalized)."""

    def variable(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        if name not in os.environ:
            raise RuffConfigError(f"`extend = {brief(value)}`: environment variable {name} not set")
        return os.environ[name]

    expanded = os.path.expanduser(_VARIABLE.sub(variable, value))
    return Path(os.path.normpath(os.path.join(relative_to, expanded)))


def resolve(config: Path, sources: list[str] | None = None) -> RuffSelection:
    """The settings of ``config`` with its ``extend`` chain; RuffConfigError if refused.

    Every file read or looked for is appended to ``sources``.
    """
    sources = [] if sources is None else sources
    layers: list[_Layer] = []
    chain: list[str] = []
    path = Path(os.path.normpath(config))
    while True:
        if str(path) in chain:
            raise RuffConfigError("circular extend: " + " extends ".join([*chain, str(path)]))
        chain.append(str(path))
        sources.append(str(path))
        try:
            layer = _layer(_load(path) or {}, str(path.parent))
        except RuffConfigError as exc:
            if str(path) in str(exc):
                raise
            raise RuffConfigError(f"{path}: {exc}") from None
        layers.append(layer)
        if layer.extend is None:
            break
        path = _expand(layer.extend, path.parent)
    first = Path(chain[0])
    return _combine(layers, str(first.parent), str(first), tuple(dict.fromkeys(sources)))


def _settings_file(directory: Path) -> Path | None:
    """The configuration ruff uses in ``directory`` (``settings_toml``)."""
    for name in CONFIG_NAMES:
        path = directory / name
        if path.is_file() and (name != "pyproject.toml" or _load(path) is not None):
            return path
    return None


def ruff_selection(start: Path) -> RuffSelection | None:
    """The selection ruff server uses for files in ``start``; None without any ruff config.

    Every configuration skipped as broken leaves one line in ``problems``,
    naming the file (or directory) and what is wrong, for the user to see.
    """
    directory = start if start.is_dir() else start.parent
    sources: list[str] = []
    broken: Path | None = None
    problems: list[str] = []
    for candidate in (directory, *directory.parents):
        try:
            config = _settings_file(candidate)
            if config is None:
                continue
            found = resolve(config, sources)
            return replace(found, problems=tuple(problems)) if problems else found
        except RuffConfigError as exc:
            problem = _problem(candidate, str(exc))
        except (OSError, ValueError, RecursionError) as exc:
            problem = _problem(candidate, f"{type(exc).__name__}: {exc}")
        log.warning("%s", problem)
        problems.append(problem)
        broken = broken or candidate
    if broken is None:
        return None
    return RuffSelection(
        root=str(broken), sources=tuple(dict.fromkeys(sources)), problems=tuple(problems)
    )


def _problem(directory: Path, detail: str) -> str:
    """One line for the user; the detail names the file it is about."""
    return f"ignoring ruff configuration in {directory}: {detail}"
