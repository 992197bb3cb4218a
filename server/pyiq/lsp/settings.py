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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pyiq.analysis.config import LEVELS, Config, ConfigError
from pyiq.analysis.limits import DEFAULT_MAX_FILE_MB, MEGABYTES_EXPECTED, valid_megabytes
from pyiq.analysis.registry import Registry
from pyiq.brief_repr import brief
from pyiq.lsp.hints import HINT_MODES
from pyiq.lsp.quiz_length import (
    DEFAULT_QUIZ_LENGTH,
    QUIZ_LENGTH_MAX,
    QUIZ_LENGTH_MIN,
    valid_quiz_length,
)

CONCEPT_MODES = ("hint", "information", "off")
QUIZ_UIS = ("messages", "data")
HOVER_DETAILS = ("tip", "full")

DEFAULTS: dict[str, Any] = {
    "select": None,
    "ignore": [],
    "severity": {},
    "level": list(LEVELS),
    "conceptDiagnostics": "hint",
    "conceptHints": "oncePerScope",
    "hoverDetail": "tip",
    "showMastered": False,
    "codeLens": True,
    "respectRuff": True,
    "quizUi": "messages",
    "masteryThreshold": 0.9,
    "quizLength": DEFAULT_QUIZ_LENGTH,
    "maxFileSizeMB": DEFAULT_MAX_FILE_MB,
}

# Top-level keys of the ``pyiq`` section that only the editor extension reads
# (``pyiq.server.command``, ``pyiq.importStrategy``, ``pyiq.trace.server``); accepted and
# ignored here.
CLIENT_ONLY_KEYS = ("server", "trace", "importStrategy")

# Keys shared with ``[tool.pyiq]``: validated by the engine's own Config.
ENGINE_KEYS = ("select", "ignore", "severity", "level")


@dataclass(frozen=True)
class Settings:
    """The client's options; ``engine`` holds only what the client set explicitly."""

    engine: Mapping[str, Any] = field(default_factory=dict)
    concept_diagnostics: str = DEFAULTS["conceptDiagnostics"]
    concept_hints: str = DEFAULTS["conceptHints"]
    hover_detail: str = DEFAULTS["hoverDetail"]
    show_mastered: bool = DEFAULTS["showMastered"]
    code_lens: bool = DEFAULTS["codeLens"]
    respect_ruff: bool = DEFAULTS["respectRuff"]
    quiz_ui: str = DEFAULTS["quizUi"]
    mastery_threshold: float = DEFAULTS["masteryThreshold"]
    quiz_length: int = DEFAULTS["quizLength"]
    max_file_mb: float = DEFAULTS["maxFileSizeMB"]

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
            conceptHints=self.concept_hints,
            hoverDetail=self.hover_detail,
            showMastered=self.show_mastered,
            codeLens=self.code_lens,
            respectRuff=self.respect_ruff,
            quizUi=self.quiz_ui,
            masteryThreshold=self.mastery_threshold,
            quizLength=self.quiz_length,
            maxFileSizeMB=self.max_file_mb,
        )
        return out


def _engine_value(key: str, value: Any, registry: Registry) -> Any:
    """Validates one engine key with the engine's parser, so errors read the same."""
    Config.from_mapping({key: value}, registry, prefix="pyiq")
    return value


# What an option parser returns for a value it refuses (None can be a value).
INVALID: Any = object()


def _one_of(choices: tuple[str, ...]) -> Callable[[object], Any]:
    return lambda value: value if value in choices else INVALID


def _boolean(value: object) -> Any:
    return value if isinstance(value, bool) else INVALID


def _expected_boolean(value: object) -> str:
    return f"expected true or false, got {brief(value)}"


def _mastery_threshold(value: object) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 1:
        return float(value)
    return INVALID


def _quiz_length(value: object) -> Any:
    """The length as an int.

    JSON has one number type, so some clients send ``2.0`` for 2: a whole
    float is accepted, a fractional one is not.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return INVALID
    if isinstance(value, float) and not value.is_integer():
        return INVALID
    return int(value) if valid_quiz_length(value) else INVALID


def _megabytes(value: object) -> Any:
    megabytes = valid_megabytes(value)
    return INVALID if megabytes is None else megabytes


@dataclass(frozen=True)
class _Option:
    """A client-only option: its ``Settings`` field, its parser, and what it expects."""

    attr: str
    parse: Callable[[object], Any]
    problem: Callable[[object], str]


OPTIONS: dict[str, _Option] = {
    "conceptDiagnostics": _Option(
        "concept_diagnostics",
        _one_of(CONCEPT_MODES),
        lambda value: f"{brief(value)} is not one of {', '.join(CONCEPT_MODES)}",
    ),
    "conceptHints": _Option(
        "concept_hints",
        _one_of(HINT_MODES),
        lambda value: f"{brief(value)} is not one of {', '.join(HINT_MODES)}",
    ),
    "hoverDetail": _Option(
        "hover_detail",
        _one_of(HOVER_DETAILS),
        lambda value: f"{brief(value)} is not one of {', '.join(HOVER_DETAILS)}",
    ),
    "showMastered": _Option("show_mastered", _boolean, _expected_boolean),
    "codeLens": _Option("code_lens", _boolean, _expected_boolean),
    "respectRuff": _Option("respect_ruff", _boolean, _expected_boolean),
    "quizUi": _Option(
        "quiz_ui",
        _one_of(QUIZ_UIS),
        lambda value: f"{brief(value)} is not one of {', '.join(QUIZ_UIS)}",
    ),
    "masteryThreshold": _Option(
        "mastery_threshold",
        _mastery_threshold,
        lambda value: f"expected a number above 0 and at most 1, got {brief(value)}",
    ),
    "quizLength": _Option(
        "quiz_length",
        _quiz_length,
        lambda value: (
            f"expected a whole number from {QUIZ_LENGTH_MIN} to {QUIZ_LENGTH_MAX}, "
            f"got {brief(value)}"
        ),
    ),
    "maxFileSizeMB": _Option(
        "max_file_mb",
        _megabytes,
        lambda value: f"expected {MEGABYTES_EXPECTED}, got {brief(value)}",
    ),
}


def _fallback(problem: str, key: str) -> str:
    """The problem, saying which default now applies (the message promises what happens).

    The default of an engine key leaves ``[tool.pyiq]`` in charge, so the
    message says so: the value in force may be the project's.
    """
    text = f"{problem}; using the default {brief(DEFAULTS[key])}"
    if key in ENGINE_KEYS:
        text += f", or the {key} of [tool.pyiq] where a pyproject.toml sets it"
    return text


def parse_settings(
    data: object, registry: Registry, base: Settings | None = None
) -> tuple[Settings, list[str]]:
    """Settings from a client mapping over ``base``, and one problem per bad key.

    A bad key gets its default, whatever ``base`` had: the user is told the
    default applies, so it must. A key equal to its default counts as unset
    for the engine keys (editors send every setting with its default, which
    must not hide ``[tool.pyiq]``), and so does a bad one: the default of an
    engine key is to leave ``[tool.pyiq]`` in charge.
    """
    settings = base or Settings()
    problems: list[str] = []
    if data is None:
        return settings, problems
    if not isinstance(data, Mapping):
        return Settings(), [
            f"pyiq: expected an object of settings, got {type(data).__name__}; using the defaults"
        ]
    engine = dict(settings.engine)
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key in ENGINE_KEYS:
            engine.pop(key, None)
            if value is None or value == DEFAULTS[key]:
                continue
            try:
                engine[key] = _engine_value(key, value, registry)
            except ConfigError as exc:
                problems.append(_fallback(str(exc), key))
        elif key in OPTIONS:
            option = OPTIONS[key]
            parsed = option.parse(value)
            if parsed is INVALID:
                parsed = DEFAULTS[key]
                problems.append(_fallback(f"pyiq.{key}: {option.problem(value)}", key))
            changes[option.attr] = parsed
        elif key in CLIENT_ONLY_KEYS:
            continue
        else:
            problems.append(f"pyiq.{key}: unknown setting (known: {', '.join(DEFAULTS)})")
    return replace(settings, engine=engine, **changes), problems
