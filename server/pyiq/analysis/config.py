"""``[tool.pyiq]`` settings: which rules run, at what severity, for which levels.

Values are validated as they are read, and every problem is a ``ConfigError``
that names the offending key, so the CLI can print one clear line and the
language server can show a message and fall back to the defaults.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from pyiq.analysis.registry import Registry, Rule

LEVELS = ("junior", "mid", "senior")
KEYS = ("select", "ignore", "severity", "level")


class ConfigError(ValueError):
    """An invalid setting; the message starts with the key it is about."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    level: tuple[str, ...] = LEVELS
    source: str | None = None  # where the settings came from, for messages

    def enabled(self, rule: Rule) -> bool:
        if self.select is not None and rule.id not in self.select:
            if rule.category not in self.select:
                return False
        return rule.id not in self.ignore and rule.category not in self.ignore

    def severity_of(self, rule: Rule) -> str:
        return self.severity.get(rule.id) or self.severity.get(rule.category) or rule.severity

    def merged(self, **changes: Any) -> Config:
        values = {
            "select": self.select,
            "ignore": self.ignore,
            "severity": self.severity,
            "level": self.level,
            "source": self.source,
        }
        values.update(changes)
        return Config(**values)

    @classmethod
    def from_mapping(
        cls,
        data: Mapping[str, Any],
        registry: Registry,
        prefix: str = "tool.pyiq",
        source: str | None = None,
    ) -> Config:
        from pyiq.analysis.registry import CATEGORIES, SEVERITIES

        if not isinstance(data, Mapping):
            raise ConfigError(f"{prefix}: expected a table, got {type(data).__name__}")
        for key in data:
            if key not in KEYS:
                raise ConfigError(f"{prefix}.{key}: unknown setting (known: {', '.join(KEYS)})")
        known = set(registry.rules) | set(CATEGORIES)

        def rule_list(key: str) -> tuple[str, ...]:
            value = data[key]
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{prefix}.{key}: expected a list of rule ids or categories")
            for i, item in enumerate(value):
                if item not in known:
                    raise ConfigError(f"{prefix}.{key}[{i}]: unknown rule or category {item!r}")
            return tuple(value)

        config = cls(source=source)
        changes: dict[str, Any] = {}
        if "select" in data:
            changes["select"] = rule_list("select")
        if "ignore" in data:
            changes["ignore"] = rule_list("ignore")
        if "severity" in data:
            table = data["severity"]
            if not isinstance(table, Mapping):
                raise ConfigError(f"{prefix}.severity: expected a table of rule = severity")
            severities: dict[str, str] = {}
            for rule_id, value in table.items():
                if rule_id not in known:
                    raise ConfigError(f"{prefix}.severity.{rule_id}: unknown rule or category")
                if value not in SEVERITIES:
                    raise ConfigError(
                        f"{prefix}.severity.{rule_id}: {value!r} is not one of "
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
                    f"{prefix}.level: expected one or more of {', '.join(LEVELS)}, got {value!r}"
                )
            changes["level"] = tuple(value)
        return config.merged(**changes)


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``."""
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            return path
    return None


def read_tool_table(path: Path, tool: str = "pyiq") -> Mapping[str, Any]:
    """The ``[tool.<tool>]`` table of a pyproject file (empty when absent)."""
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    table = document.get("tool", {}).get(tool, {})
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: tool.{tool} must be a table")
    return table


def load_config(path: Path | None, registry: Registry) -> Config:
    """The configuration from a pyproject file, or the defaults when there is none."""
    if path is None:
        return Config()
    table = read_tool_table(path)
    try:
        return Config.from_mapping(table, registry, source=str(path))
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
