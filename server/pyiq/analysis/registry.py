"""Rules are data: one tree-sitter query file per rule.

A rule file ``<id>.scm`` starts with ``;;`` comment lines holding its
Markdown description, followed by one or more patterns. Metadata travels in
``#set!`` directives (``id``, ``name``, ``category``, ``severity``,
``message`` and optionally ``peer``, ``report``, ``hints``, ``context`` and
``module-scope``);
the reported capture is the one whose name does not start with ``_``;
``@_construct`` marks the whole construct a hover should answer on. Python
predicates (``#pyiq-...?``) are allowed only where a query cannot express
the condition. ``report`` names a
Python reporter (``predicates.REPORTERS``) that replaces the reported
capture's nodes by the nodes to report, for what a query cannot enumerate
(every name a closure reads, at any depth). ``hints "once-per-file"`` marks a
concept that is everyday idiom (``x is None``, ``__init__``, ``super()``):
an editor hints it once per file rather than once per scope, because real
code is full of it (see ``benchmarks/hint_density.py --idioms``).
``context "ancestors"`` makes the engine bind ``_context``, a summary of
what encloses the reported node (``analysis.surroundings``), for question
links that depend on where a construct sits (a lambda passed as ``key=``
or created in a loop); ``context "calls"`` binds ``_calls``, the callees
inside the construct (``analysis.body_calls``), for links that depend on
what a construct does (a ``with`` block that calls ``notify()``); both can
be named, separated by a space. ``module-scope "NAME ..."`` marks a rule whose
predicates look up bindings across a whole scope (is this ``loop`` from
``asyncio.get_running_loop()``? is this ``task`` read anywhere?): an edit
to another statement can change such a finding, so an incremental analysis
re-checks every occurrence of the names whenever the statements it
re-analyses mention a name that appears on their lines.

Loading validates all of it, because py-tree-sitter silently treats a
predicate it does not implement as always true: a typo would turn a precise
rule into one that matches everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from tree_sitter import Query, QueryError

from pyiq.analysis.body_calls import CALLS_CAPTURE
from pyiq.analysis.language import python_language
from pyiq.analysis.planner import (
    AliasPlanner,
    Entry,
    Pattern,
    PlanError,
    parse_pattern,
    plan,
    split_patterns,
    text_member,
)
from pyiq.analysis.predicates import PREDICATES, REPORTERS
from pyiq.analysis.surroundings import CONTEXT_CAPTURE

Category = Literal["bug-risk", "concept"]
Severity = Literal["error", "warning", "information", "hint"]

CATEGORIES: tuple[Category, ...] = ("bug-risk", "concept")
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "information", "hint")
DEFAULT_SEVERITY: dict[Category, Severity] = {"bug-risk": "warning", "concept": "hint"}

# Predicates py-tree-sitter evaluates natively. ``#is?``/``#is-not?`` are
# parsed but never evaluated, and ``#not-any-of?`` accepts every node once it
# lists two values (0.26 compares each value with "!=" and takes any hit), so
# all three are refused like unknown ones.
BUILTIN_PREDICATES = frozenset(
    {
        "eq?",
        "not-eq?",
        "any-eq?",
        "any-not-eq?",
        "match?",
        "not-match?",
        "any-match?",
        "any-not-match?",
        "any-of?",
        "set!",
    }
)
REQUIRED_KEYS = ("id", "name", "category", "severity", "message")
OPTIONAL_KEYS = ("peer", "report", "hints", "context", "module-scope")
HintFrequency = Literal["once-per-scope", "once-per-file"]
HINT_FREQUENCIES: tuple[HintFrequency, ...] = ("once-per-scope", "once-per-file")
CONTEXTS = ("ancestors", "calls")
RULE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PLACEHOLDER = re.compile(r"\{(_?[A-Za-z][A-Za-z0-9_.-]*)\}")


# py-tree-sitter 0.25/0.26 can corrupt memory when a Query that used
# predicates is deallocated (a later Query() then crashes the process); rule
# queries are few and small, so every one created is kept for the process.
_KEEP_ALIVE: list[Query] = []


def compile_query(source: str) -> Query:
    """A query that lives as long as the process (see above)."""
    query = Query(python_language(), source)
    _KEEP_ALIVE.append(query)
    return query


class RuleError(ValueError):
    """A rule file that cannot be loaded; the message names the file."""


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    category: Category
    severity: Severity
    message: str
    description: str
    peer: str | None
    reported_capture: str
    path: str
    # A reporter (``predicates.REPORTERS``) choosing the nodes to report.
    report: str | None = None
    # How often an editor hints a concept by default (see the module docstring).
    hints: HintFrequency = "once-per-scope"
    # Whether findings bind ``_context`` (see ``analysis.surroundings``).
    context: bool = False
    # Whether findings bind ``_calls`` (see ``analysis.body_calls``).
    calls: bool = False
    # Every capture name the rule's findings can bind, for checking question links.
    captures: frozenset[str] = frozenset()
    # Names whose module-level statements an edit to module-level code re-checks.
    module_scope: frozenset[str] = frozenset()

    @property
    def is_bug_risk(self) -> bool:
        return self.category == "bug-risk"


@dataclass(frozen=True, slots=True)
class _Parsed:
    rule: Rule
    source: str
    patterns: tuple[Pattern, ...]


def _description(source: str) -> str:
    lines: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped.startswith(";;"):
            break
        text = stripped[2:]
        lines.append(text[1:] if text.startswith(" ") else text)
    return "\n".join(lines).strip()


def parse_rule_file(path: Path | str, source: str, check_syntax: bool = True) -> _Parsed:
    """Validate one rule file and return its rule; raises RuleError.

    ``check_syntax`` compiles the file on its own. Loading a whole directory
    skips it, because compiling the planned query checks every file at once
    and compiling each file as well would double the server's start-up.
    """
    name = Path(str(path)).name
    stem = name.removesuffix(".scm")

    def fail(message: str) -> RuleError:
        return RuleError(f"{name}: {message}")

    try:
        patterns = tuple(parse_pattern(text) for text in split_patterns(source))
    except PlanError as exc:
        raise fail(f"invalid query: {exc}") from None
    if check_syntax:
        try:
            query = compile_query(source)
        except QueryError as exc:
            raise fail(f"invalid query: {exc}") from None
        if query.pattern_count != len(patterns):
            raise fail(
                f"tree-sitter reads {query.pattern_count} pattern(s) where pyiq reads "
                f"{len(patterns)}; write each pattern as one bracketed form"
            )
    if not patterns:
        raise fail("no pattern")

    predicates = {p.name for pattern in patterns for p in pattern.predicates}
    captures = {name for pattern in patterns for name in pattern.captures}
    unknown = sorted(p for p in predicates if p not in BUILTIN_PREDICATES and p not in PREDICATES)
    if unknown:
        raise fail(
            "unknown predicate(s) "
            + ", ".join(f"#{p}" for p in unknown)
            + " (tree-sitter would ignore them and match everything)"
        )

    settings: dict[str, str] = {}
    for pattern in patterns:
        for key, value in pattern.settings:
            if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
                raise fail(f"unknown #set! key {key!r}")
            if value is None:
                raise fail(f"#set! {key} needs a value")
            if key in settings and settings[key] != value:
                raise fail(f"conflicting #set! {key}: {settings[key]!r} and {value!r}")
            settings[key] = value
    missing = [key for key in REQUIRED_KEYS if key not in settings]
    if missing:
        raise fail("missing #set! " + ", ".join(missing))
    rule_id = settings["id"]
    if not RULE_ID.match(rule_id):
        raise fail(f"rule id {rule_id!r} is not kebab-case")
    if rule_id != stem:
        raise fail(f"rule id {rule_id!r} does not match the file name")
    category = settings["category"]
    if category not in CATEGORIES:
        raise fail(f"category {category!r} is not one of {', '.join(CATEGORIES)}")
    severity = settings["severity"]
    if severity not in SEVERITIES:
        raise fail(f"severity {severity!r} is not one of {', '.join(SEVERITIES)}")

    hints = settings.get("hints", "once-per-scope")
    if hints not in HINT_FREQUENCIES:
        raise fail(f"hints {hints!r} is not one of {', '.join(HINT_FREQUENCIES)}")
    if hints != "once-per-scope" and category != "concept":
        raise fail("#set! hints applies to concepts only (bug risks are shown wherever found)")

    reported = sorted(c for c in captures if not c.startswith("_"))
    if len(reported) != 1:
        raise fail(
            "exactly one reported capture (not starting with '_') is required, found "
            + (", ".join("@" + c for c in reported) or "none")
        )
    report = settings.get("report")
    named = set(captures)
    if report is not None:
        reporter = REPORTERS.get(report)
        if reporter is None:
            known = ", ".join(sorted(REPORTERS))
            raise fail(f"unknown reporter {report!r} in #set! report (known: {known})")
        if reporter.binds in captures:
            raise fail(f"capture @{reporter.binds} clashes with what reporter {report!r} binds")
        named.add(reporter.binds)
    contexts = settings.get("context", "").split()
    if "context" in settings and not contexts:
        raise fail(f"#set! context names one or more of {', '.join(CONTEXTS)}")
    for context in contexts:
        if context not in CONTEXTS:
            raise fail(f"#set! context {context!r} is not one of {', '.join(CONTEXTS)}")
    if "ancestors" in contexts:
        named.add(CONTEXT_CAPTURE)
    if "calls" in contexts:
        named.add(CALLS_CAPTURE)
    for placeholder in _PLACEHOLDER.findall(settings["message"]):
        if placeholder not in named:
            raise fail(f"message refers to unknown capture {{{placeholder}}}")
    module_scope = frozenset(settings.get("module-scope", "").split())
    if "module-scope" in settings and not all(_IDENTIFIER.fullmatch(n) for n in module_scope):
        raise fail("#set! module-scope takes identifiers separated by spaces")
    description = _description(source)
    if not description:
        raise fail("missing description (leading ';;' comment lines)")

    rule = Rule(
        id=rule_id,
        name=settings["name"],
        category=category,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        message=settings["message"],
        description=description,
        peer=settings.get("peer"),
        reported_capture=reported[0],
        path=str(path),
        report=report,
        hints=hints,  # type: ignore[arg-type]
        context="ancestors" in contexts,
        calls="calls" in contexts,
        captures=frozenset(named),
        module_scope=module_scope,
    )
    return _Parsed(rule, source, patterns)


class Registry:
    """All rules, and one planned query that runs them in a single tree walk.

    Running one query per rule would walk the tree once per rule; the
    planned query walks it once, with rules that share a pattern shape
    merged into one pattern (see ``planner``). ``merge=False`` compiles
    every pattern as written, which tests use as the reference.
    """

    def __init__(self, parsed: list[_Parsed], *, merge: bool = True) -> None:
        parsed = sorted(parsed, key=lambda p: p.rule.id)
        self._parsed = parsed
        self._merge = merge
        # As written, Python predicates stay in the query and need py-tree-sitter's
        # callback (which leaks, see ``planner._single``); tests use it as the reference.
        self.needs_callback = not merge
        self._subsets: dict[frozenset[str], Registry] = {}
        self.rules: dict[str, Rule] = {p.rule.id: p.rule for p in parsed}
        self.module_scope: frozenset[str] = frozenset().union(
            *(p.rule.module_scope for p in parsed)
        )
        patterns = [(p.rule, pattern) for p in parsed for pattern in p.patterns]
        if merge:
            self.entries: list[Entry] = plan(patterns)
        else:
            self.entries = [
                Entry(
                    pattern.text,
                    (text_member(rule, {c: c for c in pattern.captures}, pattern),),
                    True,
                )
                for rule, pattern in patterns
            ]
        self._patterns = patterns
        self._aliases: AliasPlanner | None = None
        self._alias_queries: dict[str, Query] = {}
        self.query = (
            compile_query("\n".join(e.source for e in self.entries)) if self.entries else None
        )
        if self.query is not None and self.query.pattern_count != len(self.entries):
            raise RuleError("the planned rule query lost patterns; a rule file is malformed")

    def alias_query(
        self, aliases: dict[str, frozenset[str]]
    ) -> tuple[Query, list[Entry], frozenset[str]] | None:
        """The query finding uses of the file's import aliases that the rule filters miss.

        ``aliases`` maps local names to their unaliased spellings
        (``imports.import_aliases``); see ``planner.AliasPlanner``. Compiled
        once per set of aliases that matter (few files rename what a rule
        filters on, and an editor's file keeps its set), kept like every
        rule query (``compile_query``); None when no rule's filter cares.
        The third item is the aliases that matter.
        """
        if self._aliases is None:
            self._aliases = AliasPlanner(self._patterns)
        relevant = self._aliases.relevant(aliases)
        if not relevant:
            return None
        planned = self._aliases.plan(relevant)
        if planned is None:
            return None
        source, entries = planned
        query = self._alias_queries.get(source)
        if query is None:
            query = compile_query(source)
            self._alias_queries[source] = query
        return query, entries, frozenset(alias for alias, _ in relevant)

    def get(self, rule_id: str) -> Rule | None:
        return self.rules.get(rule_id)

    def subset(self, rule_ids: frozenset[str]) -> Registry:
        """A registry of only these rules, compiled once per set.

        A run that selects a few rules (``--select bug-risk``) should not pay
        for matching the patterns of the others and discarding their findings.
        """
        if rule_ids >= self.rules.keys():
            return self
        found = self._subsets.get(rule_ids)
        if found is None:
            chosen = [p for p in self._parsed if p.rule.id in rule_ids]
            found = Registry(chosen, merge=self._merge)
            self._subsets[rule_ids] = found
        return found

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self.rules

    def __iter__(self):  # noqa: ANN204 - a plain iterator over rules
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)


def load_rules_from(directory: Path, *, merge: bool = True, use_cache: bool = False) -> Registry:
    """Every rule file of ``directory``, validated, in one planned query.

    The files are compiled together once. Only when that fails are they
    compiled one by one, to name the broken ones. ``use_cache`` takes the
    files as parsed and validated by an earlier start from the user's cache
    directory when neither their text nor pyiq changed (see ``rule_cache``).
    """
    paths = sorted(directory.glob("*.scm"), key=lambda p: p.stem)  # the Registry's id order
    sources = [(path, path.read_text(encoding="utf-8")) for path in paths]
    cached = _RuleCache(sources) if use_cache else None
    parsed = cached.load() if cached is not None else None
    fresh = parsed is None
    errors: list[str] = []
    if parsed is None:
        parsed = []
        for path, source in sources:
            try:
                parsed.append(parse_rule_file(path, source, False))
            except RuleError as exc:
                errors.append(str(exc))
        if errors:
            raise RuleError("invalid rule files:\n  " + "\n  ".join(errors))
    try:
        registry = Registry(parsed, merge=merge)
    except QueryError:
        pass
    else:
        if fresh and cached is not None:
            cached.store(parsed)
        return registry
    for path, source in sources:
        try:
            parse_rule_file(path, source)
        except RuleError as exc:
            errors.append(str(exc))
    raise RuleError("invalid rule files:\n  " + "\n  ".join(errors or ["the combined query"]))


class _RuleCache:
    """The cache entry of one set of rule files (``rule_cache``), imported only when used."""

    def __init__(self, sources: list[tuple[Path, str]]) -> None:
        from pyiq import marshal_cache
        from pyiq.analysis import rule_cache

        self.sources = sources
        self.module = rule_cache
        self.directory = marshal_cache.cache_dir()
        self.key = rule_cache.compute_key(sources)

    def load(self) -> list[_Parsed] | None:
        if self.key is None:
            return None
        return self.module.load(self.directory, self.key, self.sources)

    def store(self, parsed: list[_Parsed]) -> None:
        if self.key is not None:
            self.module.store(self.directory, self.key, parsed)


# The shipped rule files, beside the package's modules (an installed pyiq is
# always a directory: its parser is a native extension). Found from this file
# rather than through ``importlib.resources``, whose reader imports ``zipfile``
# (about 5 ms) before the first diagnostics.
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@cache
def load_registry() -> Registry:
    """The rules shipped with pyiq, loaded and validated once per process."""
    return load_rules_from(RULES_DIR, use_cache=True)
