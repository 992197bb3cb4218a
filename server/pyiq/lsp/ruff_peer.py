"""Living beside ruff: which of our bug risks ruff already reports.

Several pyiq bug risks mirror a ruff rule (their ``peer``, e.g. B006). When
the workspace's ruff configuration selects that peer, the user already sees
the problem from ruff; a second squiggle on the same code is noise. This
module reads the nearest ruff configuration and answers whether a code is
selected, following ruff's rules: ``ruff.toml`` / ``.ruff.toml`` /
``[tool.ruff]`` in ``pyproject.toml``, the default selection, ``select``
(top level or ``lint.``), ``extend-select``, ``ignore``, and prefix matching
where the longer prefix wins and ``ignore`` wins a tie.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

log = logging.getLogger(__name__)

DEFAULT_SELECT = ("E4", "E7", "E9", "F")
# Ruff's precedence inside one directory.
CONFIG_NAMES = (".ruff.toml", "ruff.toml", "pyproject.toml")


@dataclass(frozen=True)
class RuffSelection:
    """A ruff configuration's effective rule selection."""

    select: tuple[str, ...] = DEFAULT_SELECT
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    path: str | None = None

    def selects(self, code: str) -> bool:
        """Whether ruff would report ``code`` with this configuration."""
        chosen = _longest(code, (*self.select, *self.extend_select))
        if chosen is None:
            return False
        ignored = _longest(code, self.ignore)
        return ignored is None or chosen > ignored


def _longest(code: str, prefixes: Iterable[str]) -> int | None:
    """Length of the most specific prefix matching ``code`` (ALL counts as 0)."""
    best: int | None = None
    for prefix in prefixes:
        if prefix == "ALL":
            length = 0
        elif code.startswith(prefix):
            length = len(prefix)
        else:
            continue
        best = length if best is None else max(best, length)
    return best


def _codes(table: Mapping[str, Any], key: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def selection_from_table(table: Mapping[str, Any], path: str | None = None) -> RuffSelection:
    """The selection a ruff settings table describes (``lint.`` keys win)."""
    lint = table.get("lint")
    lint = lint if isinstance(lint, Mapping) else {}

    def pick(key: str) -> tuple[str, ...] | None:
        found = _codes(lint, key)
        return found if found is not None else _codes(table, key)

    return RuffSelection(
        select=pick("select") or DEFAULT_SELECT,
        extend_select=(
            *(_codes(table, "extend-select") or ()),
            *(_codes(lint, "extend-select") or ()),
        ),
        ignore=(*(_codes(table, "ignore") or ()), *(_codes(lint, "ignore") or ())),
        path=path,
    )


def _read(path: Path) -> Mapping[str, Any] | None:
    """The ruff table of a config file, or None when it is not a ruff config."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        log.warning("cannot read ruff configuration %s: %s", path, exc)
        return None
    if path.name == "pyproject.toml":
        ruff = data.get("tool", {}).get("ruff")
        return ruff if isinstance(ruff, Mapping) else None
    return data


def find_ruff_config(start: Path) -> tuple[Path, Mapping[str, Any]] | None:
    """The nearest ruff configuration at or above ``start``, as ruff looks it up."""
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                table = _read(path)
                if table is not None:
                    return path, table
    return None


def ruff_selection(start: Path) -> RuffSelection | None:
    """The effective selection of the nearest ruff config; None when there is none."""
    found = find_ruff_config(start)
    if found is None:
        return None
    path, table = found
    return selection_from_table(table, str(path))
