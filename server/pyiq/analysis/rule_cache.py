"""The rule files as validated and taken apart, cached by content for the next start.

Reading and validating the 120-odd rule files (tokenizing every pattern,
checking every ``#set!``) took a third of the registry's start-up, on every
start of the language server and of ``pyiq check``, for files that change
only with pyiq itself. The cache stores what :func:`registry.parse_rule_file`
returns for valid files, as plain tuples, under a key that hashes every rule
file's name and text, the pyiq and Python versions, and the code that
parses and validates them (``registry.py``, ``planner.py``, the names of the
Python predicates and reporters): a rule edit, an upgrade or a change to the
parser gives a new key, so a stale entry is never read. Rule files with an
error are never cached; loading them parses and reports as before.

Everything that goes wrong here (no cache yet, a corrupt, truncated or
foreign file, a directory that cannot be written) makes :func:`load` return
None and the caller parse the files: the cache only ever saves time.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pyiq import __version__, marshal_cache
from pyiq.analysis import planner
from pyiq.analysis.planner import Pattern, Predicate
from pyiq.analysis.predicates import PREDICATES, REPORTERS
from pyiq.analysis.surroundings import CONTEXT_CAPTURE

if TYPE_CHECKING:
    from pyiq.analysis.registry import Rule, _Parsed

FORMAT = 2
_MAGIC = "pyiq-rule-cache"
_PREFIX = "rules-"

# (path, text) of each rule file, in load order.
Sources = Sequence[tuple[Path, str]]


def compute_key(sources: Sources) -> str | None:
    """The key of these rule files under the running code; None when the code cannot be read."""
    from pyiq.analysis import registry

    try:
        code = [Path(module.__file__ or "").read_bytes() for module in (registry, planner)]
    except OSError:
        return None
    header = (
        _MAGIC,
        FORMAT,
        __version__,
        sys.version_info[:2],
        sorted(PREDICATES),
        sorted((name, reporter.binds) for name, reporter in REPORTERS.items()),
        CONTEXT_CAPTURE,
    )
    blobs = list(code)
    for path, text in sources:
        blobs += (path.name.encode(), text.encode("utf-8", "surrogateescape"))
    return marshal_cache.content_key(header, blobs)


def _encode(parsed: _Parsed) -> tuple:
    rule = parsed.rule
    fields = (
        rule.id,
        rule.name,
        rule.category,
        rule.severity,
        rule.message,
        rule.description,
        rule.peer,
        rule.reported_capture,
        rule.report,
        rule.hints,
        rule.context,
        rule.captures,
        rule.module_scope,
    )
    patterns = tuple(
        (
            p.text,
            p.shape,
            p.captures,
            tuple((q.name, q.args) for q in p.predicates),
            p.settings,
            p.planned,
        )
        for p in parsed.patterns
    )
    return fields, patterns


def _decode(record: tuple, path: Path, source: str) -> _Parsed:
    from pyiq.analysis.registry import Rule, _Parsed

    fields, patterns = record
    (
        rule_id,
        name,
        category,
        severity,
        message,
        description,
        peer,
        reported,
        report,
        hints,
        context,
        captures,
        module_scope,
    ) = fields
    if rule_id != path.stem or not isinstance(captures, frozenset):
        raise ValueError("a cached rule does not belong to its file")
    rule: Rule = Rule(
        id=rule_id,
        name=name,
        category=category,
        severity=severity,
        message=message,
        description=description,
        peer=peer,
        reported_capture=reported,
        path=str(path),
        report=report,
        hints=hints,
        context=context,
        captures=captures,
        module_scope=module_scope,
    )
    return _Parsed(
        rule,
        source,
        tuple(
            Pattern(
                text=text,
                shape=shape,
                captures=pattern_captures,
                predicates=tuple(Predicate(p_name, args) for p_name, args in predicates),
                settings=settings,
                planned=planned,
            )
            for text, shape, pattern_captures, predicates, settings, planned in patterns
        ),
    )


def load(directory: str, key: str, sources: Sources) -> list[_Parsed] | None:
    """The parsed rule files stored under ``key``, or None when there is no usable entry."""
    records = marshal_cache.read(directory, _PREFIX, _MAGIC, key)
    if not isinstance(records, tuple) or len(records) != len(sources):
        return None
    try:
        return [
            _decode(record, path, text)
            for record, (path, text) in zip(records, sources, strict=True)
        ]
    except (TypeError, ValueError, AttributeError):  # well-formed marshal, wrong shape
        return None


def store(directory: str, key: str, parsed: Sequence[_Parsed]) -> None:
    """Stores the parsed rule files under ``key``; never raises."""
    marshal_cache.write(directory, _PREFIX, _MAGIC, key, tuple(_encode(p) for p in parsed))
