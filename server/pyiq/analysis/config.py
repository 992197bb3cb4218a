"""``[tool.pyiq]`` settings: which rules run, at what severity, for which levels.

Values are validated as they are read, and every problem is a ``ConfigError``
that names the offending key, so the CLI can print one clear line and the
language server can show a message and fall back to the defaults.

Discovery follows ruff's: the settings of a file come from the closest
directory holding a ``.pyiq.toml``, a ``pyiq.toml`` (both with the keys at
the top level) or a ``pyproject.toml`` *with* a ``[tool.pyiq]`` table (in
that order within one directory); a ``pyproject.toml`` without one is passed
over, so a sub-package's packaging metadata does not drop the repository's
settings. Parent configurations are not merged. Path patterns (``exclude``,
``extend-exclude``, ``per-file-ignores``) are anchored at the directory of
the file that names them.

A configuration file is read only if it is a regular file of sane size; an
undecodable, invalid or absurdly nested one is a ``ConfigError`` naming the
file, never a traceback.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyiq.analysis.limits import MEGABYTES_EXPECTED, valid_megabytes
from pyiq.brief_repr import brief
from pyiq.project_files import ProjectFileError, load_toml

if TYPE_CHECKING:
    from pyiq.analysis.registry import Registry, Rule

LEVELS = ("junior", "mid", "senior")
KEYS = (
    "select",
    "extend-select",
    "ignore",
    "severity",
    "level",
    "exclude",
    "extend-exclude",
    "per-file-ignores",
    "max-file-size-mb",
)
# Ruff's precedence inside one directory, with pyiq's names.
CONFIG_NAMES = (".pyiq.toml", "pyiq.toml", "pyproject.toml")
# A configuration file larger than this is refused rather than parsed.
MAX_CONFIG_BYTES = 4 * 1024 * 1024


class ConfigError(ValueError):
    """An invalid setting; the message starts with the key it is about."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    level: tuple[str, ...] = LEVELS
    source: str | None = None  # where the settings came from, for messages
    # Path patterns, ruff's glob syntax; None: the default exclusions.
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: str | None = None  # the directory relative patterns are anchored at
    # Files larger than this are analysed in part (see analysis.limits); None: the default.
    max_file_mb: float | None = None

    def enabled(self, rule: Rule) -> bool:
        if self.select is not None and rule.id not in self.select:
            if rule.category not in self.select:
                return False
        return rule.id not in self.ignore and rule.category not in self.ignore

    def severity_of(self, rule: Rule) -> str:
        return self.severity.get(rule.id) or self.severity.get(rule.category) or rule.severity

    def merged(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes) if changes else self

    @classmethod
    def from_mapping(
        cls,
        data: Mapping[str, Any],
        registry: Registry,
        prefix: str = "tool.pyiq",
        source: str | None = None,
        root: str | None = None,
    ) -> Config:
        from pyiq.analysis.registry import CATEGORIES, SEVERITIES

        def name(key: str) -> str:
            return f"{prefix}.{key}" if prefix else key

        if not isinstance(data, Mapping):
            kind = type(data).__name__
            raise ConfigError(f"{prefix or 'settings'}: expected a table, got {kind}")
        for key in data:
            if key not in KEYS:
                raise ConfigError(f"{name(key)}: unknown setting (known: {', '.join(KEYS)})")
        known = set(registry.rules) | set(CATEGORIES)

        def rule_list(key: str, value: Any = None) -> tuple[str, ...]:
            value = data[key] if value is None else value
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{name(key)}: expected a list of rule ids or categories")
            for i, item in enumerate(value):
                if item not in known:
                    raise ConfigError(f"{name(key)}[{i}]: unknown rule or category {brief(item)}")
            return tuple(value)

        def patterns(key: str) -> tuple[str, ...]:
            value = data[key]
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{name(key)}: expected a list of path patterns")
            return tuple(value)

        config = cls(source=source, root=root)
        changes: dict[str, Any] = {}
        if "select" in data:
            changes["select"] = rule_list("select")
        if "extend-select" in data:
            extra = rule_list("extend-select")
            if "select" in data:
                changes["select"] = (*changes["select"], *extra)
        if "ignore" in data:
            changes["ignore"] = rule_list("ignore")
        if "severity" in data:
            table = data["severity"]
            if not isinstance(table, Mapping):
                raise ConfigError(f"{name('severity')}: expected a table of rule = severity")
            severities: dict[str, str] = {}
            for rule_id, value in table.items():
                if rule_id not in known:
                    raise ConfigError(f"{name('severity')}.{rule_id}: unknown rule or category")
                if value not in SEVERITIES:
                    raise ConfigError(
                        f"{name('severity')}.{rule_id}: {brief(value)} is not one of "
                        + ", ".join(SEVERITIES)
                    )
                severities[rule_id] = value
            changes["severity"] = severities
        if "level" in data:
            value = data["level"]
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not value or any(v not in LEVELS for v in value):
                raise ConfigError(
                    f"{name('level')}: expected one or more of {', '.join(LEVELS)}, "
                    f"got {brief(value)}"
                )
            changes["level"] = tuple(value)
        if "exclude" in data:
            changes["exclude"] = patterns("exclude")
        if "extend-exclude" in data:
            changes["extend_exclude"] = patterns("extend-exclude")
        if "per-file-ignores" in data:
            table = data["per-file-ignores"]
            if not isinstance(table, Mapping):
                raise ConfigError(
                    f"{name('per-file-ignores')}: expected a table of pattern = [rules]"
                )
            changes["per_file_ignores"] = tuple(
                (str(pattern), rule_list("per-file-ignores", rules) if rules else ())
                for pattern, rules in table.items()
            )
        if "max-file-size-mb" in data:
            megabytes = valid_megabytes(data["max-file-size-mb"])
            if megabytes is None:
                raise ConfigError(
                    f"{name('max-file-size-mb')}: expected {MEGABYTES_EXPECTED}, "
                    f"got {brief(data['max-file-size-mb'])}"
                )
            changes["max_file_mb"] = megabytes
        return config.merged(**changes)


@lru_cache(maxsize=256)
def _parse(path: Path, stamp: tuple[int, int]) -> Mapping[str, Any]:
    """Read as every project file is (:mod:`pyiq.project_files`): regular, bounded, UTF-8."""
    try:
        return load_toml(path, MAX_CONFIG_BYTES)
    except ProjectFileError as exc:
        raise ConfigError(str(exc)) from None


def read_toml(path: Path) -> Mapping[str, Any]:
    """The parsed document, cached while the file's mtime and size stay the same."""
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = (0, 0)
    return _parse(path, stamp)


def _pyiq_table(path: Path) -> Mapping[str, Any] | None:
    """The pyiq settings a configuration file holds; None for a pyproject without any."""
    document = read_toml(path)
    if path.name != "pyproject.toml":
        return document
    tool = document.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, Mapping):
        raise ConfigError(f"{path}: `tool` must be a table, got {type(tool).__name__}")
    table = tool.get("pyiq")
    if table is not None and not isinstance(table, Mapping):
        raise ConfigError(f"{path}: tool.pyiq must be a table, got {type(table).__name__}")
    return table


def config_file_in(directory: Path) -> Path | None:
    """The configuration file of ``directory`` itself, if it has one."""
    for name in CONFIG_NAMES:
        path = directory / name
        if path.is_file() and _pyiq_table(path) is not None:
            return path
    return None


def find_config(start: Path) -> Path | None:
    """The configuration file that applies at ``start`` (a file or a directory)."""
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        path = config_file_in(candidate)
        if path is not None:
            return path
    return None


# The former name: callers ask for "the" configuration, whatever file holds it.
find_pyproject = find_config


def read_tool_table(path: Path, tool: str = "pyiq") -> Mapping[str, Any]:
    """The ``[tool.<tool>]`` table of a pyproject file (empty when absent)."""
    if tool == "pyiq":
        return _pyiq_table(path) or {}
    document = read_toml(path)
    tools = document.get("tool", {})
    if not isinstance(tools, Mapping):
        raise ConfigError(f"{path}: `tool` must be a table")
    table = tools.get(tool, {})
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: tool.{tool} must be a table")
    return table


def load_config(path: Path | None, registry: Registry) -> Config:
    """The configuration from a configuration file, or the defaults when there is none."""
    if path is None:
        return Config()
    table = read_tool_table(path)
    prefix = "tool.pyiq" if path.name == "pyproject.toml" else ""
    try:
        return Config.from_mapping(
            table, registry, prefix=prefix, source=str(path), root=str(path.parent)
        )
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
