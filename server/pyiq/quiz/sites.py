"""Where a quiz comes from: findings located in files (or in an editor buffer).

A :class:`Site` is one finding with its file, so that question builders can
say "line 12" and predict-the-output generators can look at the syntax
tree around the construct. Files are analysed with the same configuration
``pyiq check`` uses (``[tool.pyiq]``, suppression comments, levels).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from tree_sitter import Tree

from pyiq.analysis import Config, ConfigError, Finding, analyze, load_registry
from pyiq.analysis.language import new_parser, sanitize
from pyiq.analysis.lines import LineIndex


@dataclass(eq=False)
class SourceFile:
    """One file's bytes (sanitised exactly as the engine saw them) and its tree."""

    path: str | None
    source: bytes

    def __post_init__(self) -> None:
        self.source = sanitize(self.source)

    @cached_property
    def tree(self) -> Tree:
        return new_parser().parse(self.source)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    def line_of(self, offset: int) -> int:
        """1-based line of a byte offset."""
        return self.lines.position(offset, "utf-32")[0] + 1


@dataclass(frozen=True, eq=False)
class Site:
    """A finding in a file."""

    file: SourceFile
    finding: Finding
    line: int = field(default=0)
    # In a notebook, the cell (numbered among all cells) and ``line`` counts within it.
    cell: int | None = None

    @property
    def where(self) -> str:
        """How a prompt names the place: "Line 3", or "Line 3 of cell 2" in a notebook."""
        return f"Line {self.line}" if self.cell is None else f"Line {self.line} of cell {self.cell}"

    @property
    def rule(self) -> str:
        return self.finding.rule

    @property
    def path(self) -> str | None:
        return self.file.path


def sites_in_source(
    source: bytes | str,
    findings: Sequence[Finding] | None = None,
    path: str | None = None,
    config: Config | None = None,
) -> list[Site]:
    """Sites of a buffer; ``findings`` default to a fresh analysis of it.

    The language server passes the findings it already has (for a quiz at
    the cursor, just the ones under it); their offsets must refer to
    ``source``.
    """
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    file = SourceFile(path, data)
    if findings is None:
        findings = _surfaced(analyze(file.source, config), config)
    return [Site(file, finding, file.line_of(finding.start_byte)) for finding in findings]


def sites_in_notebook(raw: bytes, path: str, config: Config | None = None) -> list[Site]:
    """Sites of a notebook's code cells, each placed by its cell and its line in that cell.

    The cells are joined and analysed as ``pyiq check`` reads them
    (:mod:`pyiq.notebook`), so the quiz asks about the same findings.
    """
    from pyiq.notebook import parse_notebook

    notebook = parse_notebook(raw, path)
    sites = sites_in_source(notebook.source, None, path, config)
    placed = []
    for site in sites:
        cell, line = notebook.cells.locate(site.line - 1)
        placed.append(Site(site.file, site.finding, line + 1, cell))
    return placed


def sites_in_paths(paths: Iterable[Path]) -> tuple[list[Site], list[str]]:
    """Sites of every Python file and notebook under ``paths``, and the files not read."""
    from pyiq.checking import Overrides, config_for
    from pyiq.discovery import iter_python_files
    from pyiq.notebook import NOTEBOOK_SUFFIX, NotebookError
    from pyiq.sources import SourceError, read_bytes, read_source

    sites: list[Site] = []
    problems: list[str] = []
    for path in iter_python_files(list(paths), notebooks=True):
        try:
            # The quiz teaches: a bug risk ruff already reports still earns its question.
            config = config_for(path, Overrides(respect_ruff=False))
            if path.suffix == NOTEBOOK_SUFFIX:
                sites += sites_in_notebook(read_bytes(path), str(path), config)
                continue
            source = read_source(path)
            sites += sites_in_source(source.data, None, str(path), config)
        except (SourceError, ConfigError, NotebookError) as exc:
            problems.append(str(exc))
        except RecursionError:
            problems.append(f"{path}: too deeply nested to analyse")
    return sites, problems


def _surfaced(findings: list[Finding], config: Config | None) -> list[Finding]:
    """Findings the configured interview levels show (bug risks always)."""
    from pyiq.links import surfaces

    config = config or Config()
    registry = load_registry()
    rules = registry.rules
    return [f for f in findings if f.rule in rules and surfaces(rules[f.rule], config)]
