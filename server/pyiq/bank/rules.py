"""Access to the analysis rule registry from bank-facing code.

The bank does not depend on the analysis engine: a bank without the engine
(e.g. a partial install) still answers questions. This module is the one
place that imports the registry, returning None when it is not installed.
"""

from __future__ import annotations

from typing import Protocol


class RuleLike(Protocol):
    """The fields of ``pyiq.analysis.registry.Rule`` the bank's views use."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def peer(self) -> str | None: ...


def known_rules() -> dict[str, RuleLike] | None:
    """Rule id to rule, or None when the rule registry is not available."""
    try:
        from pyiq.analysis.registry import load_registry
    except ModuleNotFoundError as exc:
        if exc.name not in {"pyiq.analysis", "pyiq.analysis.registry"}:
            raise
        return None
    return dict(load_registry().rules)
