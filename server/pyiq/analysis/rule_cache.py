"""The rule files as validated and taken apart, cached by content for the next start.

Reading and validating the 120-odd rule files (tokenizing every pattern,
checking every ``#set!``) took a third of the registry's start-up, on every
start of the language server and of ``pyiq check``, for files that change
only with pyiq itself. The cache stores what :func:`registry.parse_rule_file`
returns for valid files, as plain tuples, under a key that hashes every rule
file's name and text, the pyiq and Python versions, and the code that
parses, validates and stores them (``registry.py``, ``planner.py``, this
module, the names of the Python predicates and reporters): a rule edit, an
upgrade or a change to the parser gives a new key, so a stale entry is never
read. Rule files with an
error are never cached; loading them parses and reports as before.

Everything that goes wrong here (no cache yet, a corrupt, truncated or
foreign file, a directory that cannot be written) makes :func:`load` return
None and the caller parse the files: the cache only ever saves time.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from pyiq import __version__, marshal_cache
from pyiq.analysis import planner, registry
from pyiq.analysis.planner import Pattern, Predicate
from pyiq.analysis.predicates import PREDICATES, REPORTERS
from pyiq.analysis.registry import Rule, _Parsed
from pyiq.analysis.surroundings import CONTEXT_CAPTURE

FORMAT = 2
_MAGIC = "pyiq-rule-cache"
_PREFIX = "rules-"

# (path, text) of each rule file, in load order.
Sources = Sequence[tuple[Path, str]]


def compute_key(sources: Sources) -> str | None:
    """The key of these rule files under the running code; None when the code cannot be read."""
    try:
        modules = (registry.__file__, planner.__file__, __file__)
        code = [Path(name or "").read_bytes() for name in modules]
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


# Rule's fields in declaration order, without ``path`` (where the file is now).
_RULE_FIELDS = tuple(f.name for f in fields(Rule) if f.name != "path")
_PATH_AT = [f.name for f in fields(Rule)].index("path")


def _encode(parsed: _Parsed) -> tuple:
    rule = tuple(getattr(parsed.rule, name) for name in _RULE_FIELDS)
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
    return rule, patterns


def _decode(record: tuple, path: Path, source: str) -> _Parsed:
    values, patterns = record
    if len(values) != len(_RULE_FIELDS) or values[0] != path.stem:
        raise ValueError("a cached rule does not belong to its file")
    rule = Rule(*values[:_PATH_AT], str(path), *values[_PATH_AT:])
    if not isinstance(rule.captures, frozenset) or not isinstance(rule.module_scope, frozenset):
        raise ValueError("a cached rule has the wrong types")
    return _Parsed(
        rule,
        source,
        tuple(
            Pattern(
                text=text,
                shape=shape,
                captures=captures,
                predicates=tuple(Predicate(name, args) for name, args in predicates),
                settings=settings,
                planned=planned,
            )
            for text, shape, captures, predicates, settings, planned in patterns
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
