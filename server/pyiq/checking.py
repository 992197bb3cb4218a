"""Checking files on disk: the work behind ``pyiq check``, free of output concerns."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from pyiq.analysis import Config, ConfigError, analyze, load_registry
from pyiq.analysis.config import find_pyproject, load_config
from pyiq.analysis.limits import DEFAULT_MAX_FILE_MB, describe_limit, head_of, limit_bytes
from pyiq.analysis.lines import LineIndex
from pyiq.analysis.registry import Registry
from pyiq.links import questions_for, surfaces
from pyiq.sources import SourceError, read_source

# Below this many files a process pool costs more to start than it saves.
POOL_THRESHOLD = 48


@dataclass(frozen=True, slots=True)
class Overrides:
    """Command-line rule selection, applied over each file's ``[tool.pyiq]``."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


class Located(NamedTuple):
    """A finding with 1-based lines and columns counted in code points, like ruff.

    A tuple, not a frozen dataclass: a large tree yields hundreds of
    thousands, and a frozen dataclass sets each field through
    ``object.__setattr__``.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    questions: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "questions": list(self.questions),
        }


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Located] = field(default_factory=list)
    error: str | None = None
    # Something the user should know that is not an error (a file analysed in part).
    note: str | None = None


@cache
def _config_for_pyproject(path: Path | None, stamp: tuple[int, int]) -> Config:
    return load_config(path, load_registry())


def _stamp(path: Path | None) -> tuple[int, int]:
    """Keys the config cache by file state, so an edited pyproject is re-read."""
    if path is None:
        return (0, 0)
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)


def _registry_for(config: Config) -> Registry:
    """Only the rules this configuration shows are matched at all."""
    return _registry_for_selection(config.select, config.ignore, config.level)


@cache
def _registry_for_selection(
    select: tuple[str, ...] | None, ignore: tuple[str, ...], level: tuple[str, ...]
) -> Registry:
    config = Config(select=select, ignore=ignore, level=level)
    full = load_registry()
    return full.subset(frozenset(r.id for r in full if config.enabled(r) and surfaces(r, config)))


@cache
def _pyproject_for_dir(directory: Path) -> Path | None:
    """Resolved once per directory: resolving every file's path costs a syscall per component."""
    return find_pyproject(directory.resolve())


def config_for(path: Path, overrides: Overrides) -> Config:
    pyproject = _pyproject_for_dir(path.parent)
    config = _config_for_pyproject(pyproject, _stamp(pyproject))
    changes: dict[str, object] = {}
    if overrides.select is not None:
        changes["select"] = overrides.select
    if overrides.ignore:
        changes["ignore"] = (*config.ignore, *overrides.ignore)
    return config.merged(**changes) if changes else config


def locate(path: str, source: bytes, config: Config) -> list[Located]:
    registry = _registry_for(config)
    findings = analyze(source, config, registry)
    if not findings:
        return []
    position = LineIndex(source).position
    # What a finding reports besides its place depends on its rule alone.
    about: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    located: list[Located] = []
    for finding in findings:
        described = about.get(finding.rule)
        if described is None:
            rule = registry.rules[finding.rule]
            questions = tuple(q.id for q in questions_for(rule.id))
            described = about[rule.id] = (rule.category, config.severity_of(rule), questions)
        line, column = position(finding.start_byte, "utf-32")
        end_line, end_column = position(finding.end_byte, "utf-32")
        located.append(
            Located(
                path,
                line + 1,
                column + 1,
                end_line + 1,
                end_column + 1,
                finding.rule,
                described[0],
                described[1],
                finding.message,
                described[2],
            )
        )
    return located


def check_file(path: Path, overrides: Overrides = Overrides()) -> FileResult:
    """Never raises for a bad file: the problem is returned as the result's error."""
    name = str(path)
    try:
        config = config_for(path, overrides)
        source = read_source(path)
        data, note = source.data, None
        limit = limit_bytes(DEFAULT_MAX_FILE_MB)
        if len(data) > limit:
            # Whole lines within the limit: the run's time stays bounded (see limits).
            head = head_of(data, limit)
            note = describe_limit(name, len(data), DEFAULT_MAX_FILE_MB, head)
            data = head
        return FileResult(name, locate(name, data, config), note=note)
    except (SourceError, ConfigError) as exc:
        return FileResult(name, error=str(exc))
    except RecursionError:
        return FileResult(name, error=f"{name}: too deeply nested to analyse")


def _check_chunk(args: tuple[list[Path], Overrides]) -> list[FileResult]:
    paths, overrides = args
    return [check_file(path, overrides) for path in paths]


def check_paths(
    paths: Sequence[Path], overrides: Overrides = Overrides(), jobs: int | None = None
) -> Iterator[FileResult]:
    """Results in input order; a process pool works through long lists on every core."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(paths) < POOL_THRESHOLD:
        for path in paths:
            yield check_file(path, overrides)
        return
    size = max(8, min(64, len(paths) // (jobs * 8) or 1))
    chunks = [(list(paths[i : i + size]), overrides) for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for results in pool.map(_check_chunk, chunks):
            yield from results
