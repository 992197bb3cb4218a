"""Checking files on disk: the work behind ``pyiq check``, free of output concerns."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from pyiq.analysis import Config, ConfigError, analyze, load_registry, module_name
from pyiq.analysis.limits import DEFAULT_MAX_FILE_MB, describe_limit, head_of, limit_bytes
from pyiq.analysis.lines import LineIndex
from pyiq.analysis.registry import Registry
from pyiq.links import questions_for_finding, surfaces
from pyiq.notebook import NOTEBOOK_SUFFIX, CellMap, NotebookError, parse_notebook
from pyiq.projects import Overrides, Projects
from pyiq.sources import SourceError, TooLarge, decode_source, read_bytes

__all__ = ["FileResult", "Located", "Overrides", "check_file", "check_paths", "config_for"]

DEFAULT_OVERRIDES = Overrides()
# Below this many files a process pool costs more to start than it saves.
POOL_THRESHOLD = 48
# A notebook file may be this many times the size limit (its outputs) and still be read.
NOTEBOOK_RAW_FACTOR = 32
# More workers than this only add start-up time and memory.
MAX_JOBS = 32


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
    # The notebook cell (1-based, among all cells) the line counts in; None in a .py file.
    cell: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "cell": self.cell,
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


# A selection that leaves out at most this share of the rules is matched with
# the full query, and the other rules' findings are dropped: compiling a query
# for the selection costs about 0.45 ms a pattern (55 ms for them all, once per
# run), more than a short run (a pre-commit hook, one file) spends matching a
# few more patterns. ``--select bug-risk`` still gets its own, smaller query.
FILTER_SHARE = 0.25


def _registry_for(config: Config) -> tuple[Registry, frozenset[str] | None]:
    """The registry to match with, and the rules to keep of its findings (None: all)."""
    return _registry_for_selection(config.select, config.ignore, config.level)


@cache
def _registry_for_selection(
    select: tuple[str, ...] | None, ignore: tuple[str, ...], level: tuple[str, ...]
) -> tuple[Registry, frozenset[str] | None]:
    config = Config(select=select, ignore=ignore, level=level)
    full = load_registry()
    chosen = frozenset(r.id for r in full if config.enabled(r) and surfaces(r, config))
    if len(chosen) == len(full):
        return full, None
    if len(full) - len(chosen) <= FILTER_SHARE * len(full):
        return full, chosen
    return full.subset(chosen), None


_projects: dict[Overrides, Projects] = {}


def config_for(path: Path, overrides: Overrides = DEFAULT_OVERRIDES) -> Config:
    """The configuration of one file, as ``pyiq check`` applies it; ConfigError if broken."""
    projects = _projects.get(overrides)
    if projects is None:
        projects = _projects[overrides] = Projects(overrides)
    config = projects.config_for(os.path.normpath(os.path.abspath(path)))
    if isinstance(config, str):
        raise ConfigError(config)
    return config


def locate(path: str, source: bytes, config: Config, cells: CellMap | None = None) -> list[Located]:
    registry, keep = _registry_for(config)
    # The file's own module, so names it defines resolve as ruff resolves them.
    findings = analyze(source, config, registry, module=module_name(path))
    if keep is not None:
        findings = [finding for finding in findings if finding.rule in keep]
    if not findings:
        return []
    position = LineIndex(source).position
    # Category and severity depend on the rule alone; the questions on the
    # finding's own code (``questions_for_finding`` caches that ranking).
    about: dict[str, tuple[str, str]] = {}
    located: list[Located] = []
    for finding in findings:
        described = about.get(finding.rule)
        if described is None:
            rule = registry.rules[finding.rule]
            described = about[rule.id] = (rule.category, config.severity_of(rule))
        questions = tuple(q.id for q in questions_for_finding(finding))
        line, column = position(finding.start_byte, "utf-32")
        end_line, end_column = position(finding.end_byte, "utf-32")
        cell = None
        if cells is not None:
            cell, local = cells.locate(line)
            end_line, line = end_line - (line - local), local
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
                questions,
                cell,
            )
        )
    return located


def check_file(path: Path, config: Config | Overrides = DEFAULT_OVERRIDES) -> FileResult:
    """Never raises for a bad file: the problem is returned as the result's error."""
    name = str(path)
    try:
        if isinstance(config, Overrides):
            config = config_for(path, config)
        megabytes = config.max_file_mb or DEFAULT_MAX_FILE_MB
        limit = limit_bytes(megabytes)
        if name.endswith(NOTEBOOK_SUFFIX):
            # Outputs (images, tables) make notebooks far bigger than their code;
            # past this, even parsing the JSON costs more than a check may.
            try:
                raw = read_bytes(path, limit * NOTEBOOK_RAW_FACTOR)
            except TooLarge as exc:
                note = (
                    f"{name} is {exc.size / 2**20:.1f} MB, over the"
                    f" {megabytes * NOTEBOOK_RAW_FACTOR:g} MB a notebook may be"
                    f" ({NOTEBOOK_RAW_FACTOR} times max-file-size-mb): not analysed"
                )
                return FileResult(name, note=note)
            notebook = parse_notebook(raw, name)
            data, note = _within(f"{name} (code cells)", notebook.source, megabytes)
            return FileResult(name, locate(name, data, config, notebook.cells), note=note)
        data, note = _within(name, decode_source(read_bytes(path), name).data, megabytes)
        return FileResult(name, locate(name, data, config), note=note)
    except (SourceError, ConfigError, NotebookError) as exc:
        return FileResult(name, error=str(exc))
    except RecursionError:
        return FileResult(name, error=f"{name}: too deeply nested to analyse")
    except MemoryError:
        return FileResult(name, error=f"{name}: too large to analyse")
    except Exception as exc:  # a bug must not cost the other files their results
        return FileResult(name, error=f"{name}: internal error: {type(exc).__name__}: {exc}")


def _within(name: str, data: bytes, megabytes: float) -> tuple[bytes, str | None]:
    """The part of ``data`` analysed under the size limit, and the note saying so."""
    limit = limit_bytes(megabytes)
    if len(data) <= limit:
        return data, None
    # Whole lines within the limit: the run's time stays bounded (see limits).
    head = head_of(data, limit)
    note = describe_limit(name, len(data), megabytes, head)
    return head, f"{note} (max-file-size-mb in [tool.pyiq], or --max-file-size-mb)"


Work = tuple[Path, Config]


def _check_chunk(chunk: list[Work]) -> list[FileResult]:
    return [check_file(path, config) for path, config in chunk]


def effective_jobs(jobs: int | None) -> int:
    """Worker processes for ``--jobs``: at most the cores and ``MAX_JOBS``."""
    cores = os.cpu_count() or 1
    return max(1, min(jobs or cores, cores, MAX_JOBS))


def check_paths(work: Sequence[Work], jobs: int | None = None) -> Iterator[FileResult]:
    """Results in input order; a process pool works through long lists on every core."""
    jobs = effective_jobs(jobs)
    if jobs <= 1 or len(work) < POOL_THRESHOLD:
        for path, config in work:
            yield check_file(path, config)
        return
    size = max(8, min(64, len(work) // (jobs * 8) or 1))
    chunks = [list(work[i : i + size]) for i in range(0, len(work), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for results in pool.map(_check_chunk, chunks):
            yield from results
