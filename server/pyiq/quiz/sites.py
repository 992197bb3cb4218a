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


def sites_in_paths(paths: Iterable[Path]) -> tuple[list[Site], list[str]]:
    """Sites of every Python file under ``paths``, and the files that could not be read."""
    from pyiq.checking import Overrides, config_for
    from pyiq.discovery import iter_python_files
    from pyiq.sources import SourceError, read_source

    sites: list[Site] = []
    problems: list[str] = []
    for path in iter_python_files(list(paths)):
        try:
            # The quiz teaches: a bug risk ruff already reports still earns its question.
            config = config_for(path, Overrides(respect_ruff=False))
            source = read_source(path)
            sites += sites_in_source(source.data, None, str(path), config)
        except (SourceError, ConfigError) as exc:
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
