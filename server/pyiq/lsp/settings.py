"""Client settings: typed, validated one key at a time, with safe fallbacks.

Settings arrive from ``initializationOptions``, ``workspace/configuration``
and ``workspace/didChangeConfiguration``. A bad value must not take the
server down or silently disable it: each invalid key falls back to its
default and is reported (naming the key and the default), the way
jedi-language-server treats its initialization options. The defaults here
must equal ``client/vscode/package.json``; a test holds them together.
Keys under ``CLIENT_ONLY_KEYS`` (how the editor starts and traces the
server) belong to the editor extension: a client that forwards its whole
section must not get them reported as unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pyiq.analysis.config import LEVELS, Config, ConfigError
from pyiq.analysis.registry import Registry

CONCEPT_MODES = ("hint", "information", "off")
QUIZ_UIS = ("messages", "data")

DEFAULTS: dict[str, Any] = {
    "select": None,
    "ignore": [],
    "severity": {},
    "level": list(LEVELS),
    "conceptDiagnostics": "hint",
    "codeLens": True,
    "respectRuff": True,
    "quizUi": "messages",
    "masteryThreshold": 0.9,
    "quizLength": 10,
}

# How many questions a quiz may ask: enough for a file full of topics, few
# enough that building it (predict questions run snippets) stays quick.
QUIZ_LENGTH_RANGE = (1, 100)

# Top-level keys of the ``pyiq`` section that only the editor extension reads
# (``pyiq.server.command``, ``pyiq.trace.server``); accepted and ignored here.
CLIENT_ONLY_KEYS = ("server", "trace")

# Keys shared with ``[tool.pyiq]``: validated by the engine's own Config.
ENGINE_KEYS = ("select", "ignore", "severity", "level")


@dataclass(frozen=True)
class Settings:
    """The client's options; ``engine`` holds only what the client set explicitly."""

    engine: Mapping[str, Any] = field(default_factory=dict)
    concept_diagnostics: str = DEFAULTS["conceptDiagnostics"]
    code_lens: bool = DEFAULTS["codeLens"]
    respect_ruff: bool = DEFAULTS["respectRuff"]
    quiz_ui: str = DEFAULTS["quizUi"]
    mastery_threshold: float = DEFAULTS["masteryThreshold"]
    quiz_length: int = DEFAULTS["quizLength"]

    def config(self, base: Config, registry: Registry) -> Config:
        """``base`` (from pyproject) with the client's explicit engine options over it."""
        if not self.engine:
            return base
        parsed = Config.from_mapping(dict(self.engine), registry, prefix="pyiq")
        return base.merged(**{key: getattr(parsed, key) for key in self.engine})

    def as_dict(self) -> dict[str, Any]:
        """The effective options in the client's spelling, defaults filled in."""
        out = {key: DEFAULTS[key] for key in ENGINE_KEYS}
        out.update(self.engine)
        out.update(
            conceptDiagnostics=self.concept_diagnostics,
            codeLens=self.code_lens,
            respectRuff=self.respect_ruff,
            quizUi=self.quiz_ui,
            masteryThreshold=self.mastery_threshold,
            quizLength=self.quiz_length,
        )
        return out


def _engine_value(key: str, value: Any, registry: Registry) -> Any:
    """Validates one engine key with the engine's parser, so errors read the same."""
    Config.from_mapping({key: value}, registry, prefix="pyiq")
    return value


def _quiz_length(value: object) -> int | None:
    """The length as an int, or None when invalid.

    JSON has one number type, so some clients send ``2.0`` for 2: a whole
    float is accepted, a fractional one is not.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    low, high = QUIZ_LENGTH_RANGE
    return int(value) if low <= value <= high else None


def parse_settings(
    data: object, registry: Registry, base: Settings | None = None
) -> tuple[Settings, list[str]]:
    """Settings from a client mapping over ``base``, and one problem per bad key.

    A key equal to its default counts as unset for the engine keys: editors
    send every setting with its default, which must not hide ``[tool.pyiq]``.
    """
    settings = base or Settings()
    problems: list[str] = []
    if data is None:
        return settings, problems
    if not isinstance(data, Mapping):
        return settings, [f"pyiq: expected an object of settings, got {type(data).__name__}"]
    engine = dict(settings.engine)
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key in ENGINE_KEYS:
            if value is None or value == DEFAULTS[key]:
                engine.pop(key, None)
                continue
            try:
                engine[key] = _engine_value(key, value, registry)
            except ConfigError as exc:
                problems.append(f"{exc}; using the default {DEFAULTS[key]!r}")
        elif key == "conceptDiagnostics":
            if value in CONCEPT_MODES:
                changes["concept_diagnostics"] = value
            else:
                problems.append(
                    f"pyiq.conceptDiagnostics: {value!r} is not one of "
                    f"{', '.join(CONCEPT_MODES)}; using the default {DEFAULTS[key]!r}"
                )
        elif key in ("codeLens", "respectRuff"):
            attr = "code_lens" if key == "codeLens" else "respect_ruff"
            if isinstance(value, bool):
                changes[attr] = value
            else:
                problems.append(
                    f"pyiq.{key}: expected true or false, got {value!r}; "
                    f"using the default {DEFAULTS[key]!r}"
                )
        elif key == "quizUi":
            if value in QUIZ_UIS:
                changes["quiz_ui"] = value
            else:
                problems.append(
                    f"pyiq.quizUi: {value!r} is not one of {', '.join(QUIZ_UIS)}; "
                    f"using the default {DEFAULTS[key]!r}"
                )
        elif key == "masteryThreshold":
            if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 1:
                changes["mastery_threshold"] = float(value)
            else:
                problems.append(
                    f"pyiq.masteryThreshold: expected a number above 0 and at most 1, "
                    f"got {value!r}; using the default {DEFAULTS[key]!r}"
                )
        elif key == "quizLength":
            length = _quiz_length(value)
            changes["quiz_length"] = DEFAULTS[key] if length is None else length
            if length is None:
                low, high = QUIZ_LENGTH_RANGE
                problems.append(
                    f"pyiq.quizLength: expected a whole number from {low} to {high}, "
                    f"got {value!r}; using the default {DEFAULTS[key]!r}"
                )
        elif key in CLIENT_ONLY_KEYS:
            continue
        else:
            problems.append(f"pyiq.{key}: unknown setting (known: {', '.join(DEFAULTS)})")
    return replace(settings, engine=engine, **changes), problems
