"""Runs the rule registry over a parsed tree and turns matches into findings."""

from __future__ import annotations

import bisect
import gc
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

from tree_sitter import Node, Query, QueryCursor, Tree

from pyiq.analysis.body_calls import CALLS_CAPTURE, callees
from pyiq.analysis.config import Config
from pyiq.analysis.findings import SORT_KEY, Finding
from pyiq.analysis.imports import module_imports
from pyiq.analysis.language import new_parser, sanitize
from pyiq.analysis.lines import LineIndex
from pyiq.analysis.modules import ModuleName
from pyiq.analysis.planner import Entry, Member, evaluate
from pyiq.analysis.predicates import PREDICATES, REPORTERS, MatchContext
from pyiq.analysis.registry import Registry, Rule, load_registry
from pyiq.analysis.suppression import Suppressions
from pyiq.analysis.surroundings import CONTEXT_CAPTURE, describe

_new_finding = tuple.__new__
_PLACEHOLDER = re.compile(r"\{(_?[A-Za-z][A-Za-z0-9_.-]*)\}")
_MAX_BINDING = 60


def _binding_text(node: Node, source: bytes) -> str:
    """The node's text on one line, cut to ``_MAX_BINDING`` characters.

    Most captures are names: a short text that is an identifier needs no
    whitespace folding, and every finding binds every capture. Captures can
    also be whole functions: only a prefix is decoded when that prefix
    already yields more than enough text (its last, possibly cut, word then
    falls beyond the cut).
    """
    start, end = node.start_byte, node.end_byte
    if end - start <= _MAX_BINDING:
        text = source[start:end].decode("utf-8", "replace")
        return text if text.isidentifier() else " ".join(text.split())
    text = ""
    if end - start > 8 * _MAX_BINDING:
        text = " ".join(source[start : start + 8 * _MAX_BINDING].decode("utf-8", "replace").split())
    if len(text) <= _MAX_BINDING + 2:
        text = " ".join(source[start:end].decode("utf-8", "replace").split())
    if len(text) > _MAX_BINDING:
        text = text[: _MAX_BINDING - 1] + "…"
    return text


@lru_cache(maxsize=512)
def _template(message: str) -> tuple[str, ...]:
    """The message split into text and placeholder names (odd positions), once per rule."""
    return tuple(_PLACEHOLDER.split(message))


def _format(message: str, bindings: dict[str, str]) -> str:
    parts = _template(message)
    if len(parts) == 1:
        return message
    out = list(parts)
    for index in range(1, len(parts), 2):
        name = parts[index]
        out[index] = bindings.get(name, "{" + name + "}")
    return "".join(out)


def intersects(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` meets a range; an empty span counts as one byte."""
    end = max(end, start + 1)
    return any(start < hi and lo < end for lo, hi in ranges)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Holds off Python's cycle collector while matches are turned into objects.

    A whole-file run allocates tens of thousands of short-lived, acyclic
    objects (nodes, capture dicts, tuples); each allocation burst would
    trigger a collection that walks every live object for nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _span(captured: dict[str, list[Node]]) -> tuple[int, int]:
    """The bytes a match's captures cover: where an edit can change the match."""
    nodes = [node for group in captured.values() for node in group]
    return min(n.start_byte for n in nodes), max(n.end_byte for n in nodes)


def _report(
    rule: Rule,
    captured: dict[str, list[Node]],
    ctx: MatchContext,
    span: tuple[int, int] | None,
    seen: set[tuple[str, int, int]],
    findings: list[Finding],
) -> None:
    """Adds the rule's findings for one accepted match (once per rule and node).

    A rule with a reporter reports the nodes its reporter picks from the
    reported capture, each with its own text bound to the reporter's
    placeholder, and the match's span (see ``predicates.Reporter``).
    """
    reported: Sequence[Node] | None = captured.get(rule.reported_capture)
    if not reported:
        return
    source = ctx.source
    binds = None
    named: Sequence[Node] = reported
    if rule.report is not None:
        reporter = REPORTERS[rule.report]
        binds = reporter.binds
        found = list(reporter.find(ctx, reported))
        if not found:
            return
        if reporter.pairs:
            reported, named = [pair[0] for pair in found], [pair[1] for pair in found]
        else:
            reported = named = found
    fresh = []
    rule_id = rule.id
    for node, name_node in zip(reported, named, strict=True):
        key = (rule_id, node.start_byte, node.end_byte)
        if key not in seen:
            seen.add(key)
            fresh.append((node, name_node))
    if not fresh:
        return
    # Built only for a match that reports something new: a rule matching the
    # same node several times (one match per typed parameter of a function)
    # pays for its texts once.
    span_start, span_end = span or _span(captured)
    bindings = {name: _binding_text(nodes[0], source) for name, nodes in captured.items()}
    construct = captured.get("_construct")
    for node, name_node in fresh:
        if binds is not None:
            bindings[binds] = _binding_text(name_node, source)
        if rule.context:
            bindings[CONTEXT_CAPTURE] = describe(node, source)
        outer = construct[0] if construct else node
        if rule.calls:
            bindings[CALLS_CAPTURE] = callees(outer, source)
        start, end = node.start_byte, node.end_byte
        # Finding's fields in order, built as ``Finding.shifted`` builds them: a
        # NamedTuple's keyword constructor costs more than the rest of a report.
        findings.append(
            _new_finding(
                Finding,
                (
                    rule_id,
                    start,
                    end,
                    min(outer.start_byte, start),
                    max(outer.end_byte, end),
                    _format(rule.message, bindings),
                    tuple(sorted(bindings.items())),
                    span_start,
                    span_end,
                ),
            )
        )


def run_rules(
    tree: Tree,
    source: bytes,
    registry: Registry | None = None,
    ranges: Sequence[tuple[int, int]] | None = None,
    imports: frozenset[str] | None = None,
    qualified: dict[str, str] | None = None,
    module: ModuleName | None = None,
    aliases: dict[str, frozenset[str]] | None = None,
    targets: frozenset[str] | None = None,
) -> list[Finding]:
    """All rule matches in ``ranges`` (default: the whole file), unfiltered.

    With ``ranges``, a finding is returned when the span of its match's
    captures meets one of them (see ``Finding.span_start``): exactly the
    findings an edit inside those ranges can have changed. ``module`` names
    the file's module (``modules.module_name``), so names it defines resolve
    as ruff resolves them; ``qualified``, when given, must have been built
    for the same module (``imports.resolution_map``), and ``aliases`` for the
    same tree (``imports.import_aliases``), and ``targets`` too
    (``imports.import_targets``).

    In a file whose imports rename names a rule filters on, the registry's
    alias query runs too (``Registry.alias_query``), and the text predicates
    of every match are judged on the text as spelled without the alias.
    """
    registry = registry or load_registry()
    if registry.query is None:
        return []
    ctx = MatchContext(
        source,
        imports if imports is not None else module_imports(tree, source),
        tree,
        qualified,
        module=module,
        _aliases=aliases,
    )
    if targets is not None:
        ctx.memo["import-targets"] = targets

    def predicate(name: str, args: list[tuple[str, str]], _index: int, captures: dict) -> bool:
        check = PREDICATES.get(name)
        return bool(check and check(ctx, args, captures))

    windows = (
        list(ranges) if ranges is not None else [(0, max(len(source), tree.root_node.end_byte))]
    )
    seen: set[tuple[str, int, int]] = set()
    findings: list[Finding] = []
    aliased = bool(ctx.aliases)
    with _collector_paused():
        run = _Run(tree, ctx, ranges, windows, seen, findings, aliased)
        run.matches(
            registry.query, registry.entries, predicate if registry.needs_callback else None
        )
        alias = registry.alias_query(ctx.aliases) if aliased else None
        if alias is not None:
            if ranges is not None:
                run.windows = _spelling(tree, source, run.windows, alias[2])
            else:
                run.windows = _spelled_statements(tree, source, alias[2])
            run.matches(alias[0], alias[1], None)
    findings.sort(key=SORT_KEY)
    return findings


def _spelling(
    tree: Tree, source: bytes, windows: list[tuple[int, int]], aliases: frozenset[str]
) -> list[tuple[int, int]]:
    """The windows whose top-level statements spell one of ``aliases``.

    Every match of the alias query holds a use of an alias, and lies within
    the top-level statement its pattern starts in (no rule pattern starts at
    the module). A keystroke's window elsewhere in the file skips the query.
    """
    root = tree.root_node
    wanted = [alias.encode("utf-8") for alias in aliases]
    kept: list[tuple[int, int]] = []
    for lo, hi in windows:
        first = root.descendant_for_byte_range(lo, lo)
        last = root.descendant_for_byte_range(max(lo, hi - 1), max(lo, hi - 1))
        start = _top_level(first).start_byte if first is not None else 0
        end = _top_level(last).end_byte if last is not None else len(source)
        if any(source.find(alias, min(start, lo), max(end, hi)) >= 0 for alias in wanted):
            kept.append((lo, hi))
    return kept


def _spelled_statements(
    tree: Tree, source: bytes, aliases: frozenset[str]
) -> list[tuple[int, int]]:
    """The spans of the top-level statements that spell one of ``aliases``, merged.

    A whole-file run of the alias query walks only these (see ``_spelling``).
    """
    statements = [(child.start_byte, child.end_byte) for child in tree.root_node.children]
    starts = [start for start, _ in statements]
    chosen: set[int] = set()
    for alias in aliases:
        needle = alias.encode("utf-8")
        position = source.find(needle)
        while position >= 0:
            index = bisect.bisect_right(starts, position) - 1
            if index >= 0 and position < statements[index][1]:
                chosen.add(index)
            position = source.find(needle, position + len(needle))
    windows: list[tuple[int, int]] = []
    for index in sorted(chosen):
        start, end = statements[index]
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _top_level(node: Node) -> Node:
    """The statement of the module that holds ``node`` (the module itself for it)."""
    while node.parent is not None and node.parent.parent is not None:
        node = node.parent
    return node


class _Run:
    """One analysis run: matches of a query turned into findings (``run_rules``)."""

    def __init__(
        self,
        tree: Tree,
        ctx: MatchContext,
        ranges: Sequence[tuple[int, int]] | None,
        windows: list[tuple[int, int]],
        seen: set[tuple[str, int, int]],
        findings: list[Finding],
        aliased: bool,
    ) -> None:
        self.tree, self.ctx, self.ranges, self.windows = tree, ctx, ranges, windows
        self.seen, self.findings, self.aliased = seen, findings, aliased

    def matches(self, query: Query, entries: Sequence[Entry], predicate: object) -> None:
        ctx, ranges, seen, findings = self.ctx, self.ranges, self.seen, self.findings
        source = ctx.source
        root = self.tree.root_node
        aliased = self.aliased
        for lo, hi in self.windows:
            if hi <= lo and ranges is not None:
                continue
            cursor = QueryCursor(query)
            cursor.set_byte_range(lo, hi)
            matches = (
                cursor.matches(root, predicate=predicate)  # type: ignore[arg-type]
                if predicate is not None
                else cursor.matches(root)
            )
            for index, captured in matches:
                span = None
                entry = entries[index]
                if entry.verbatim:
                    if ranges is not None:
                        span = _span(captured)
                        if not intersects(span[0], span[1], ranges):
                            continue
                    member = entry.members[0]
                    # tree-sitter judged the text as written; an alias is judged as spelled.
                    if aliased and member.checks and not evaluate(member, captured, ctx):
                        continue
                    _report(member.rule, captured, ctx, span, seen, findings)
                    continue
                for position in entry.candidates(captured, source):
                    # A merged pattern may capture more than a member does
                    # (``planner._skeleton``): the member's span and captures are its own.
                    member = entry.members[position]
                    if ranges is None:
                        if evaluate(member, captured, ctx):
                            _report(member.rule, _own(member, captured), ctx, None, seen, findings)
                        continue
                    own = _own(member, captured)
                    span = _span(own)
                    if intersects(span[0], span[1], ranges) and evaluate(member, captured, ctx):
                        _report(member.rule, own, ctx, span, seen, findings)


def _own(member: Member, captured: dict[str, list[Node]]) -> dict[str, list[Node]]:
    """A match of a merged pattern, as the member's own captures under its own names."""
    return {
        name: captured[planned] for planned, name in member.names.items() if planned in captured
    }


@lru_cache(maxsize=64)
def _enabled_ids(
    selected: tuple[str, ...] | None, ignored: tuple[str, ...], registry: Registry
) -> frozenset[str]:
    """Rule ids a selection keeps; asked once per file, answered once per selection."""
    config = Config(select=selected, ignore=ignored)
    return frozenset(rule.id for rule in registry if config.enabled(rule))


def select(
    findings: Iterable[Finding],
    source: bytes,
    tree: Tree,
    config: Config | None = None,
    registry: Registry | None = None,
    index: LineIndex | None = None,
    suppressions: Suppressions | None = None,
) -> list[Finding]:
    """Applies the configuration's rule selection and the file's suppression comments.

    An incremental caller passes what it already knows, so a keystroke does
    not rescan the file: its line ``index``, and its ``suppressions`` when it
    can tell them unchanged (none, in a file without any directive).
    """
    registry = registry or load_registry()
    config = config or Config()
    if suppressions is None:
        suppressions = Suppressions.scan(source, tree, index)
    if suppressions.whole_file:
        return []
    selected = None if config.select is None else tuple(config.select)
    enabled = _enabled_ids(selected, tuple(config.ignore), registry)
    kept = [finding for finding in findings if finding.rule in enabled]
    if suppressions.any_lines:
        rules = registry.rules
        kept = [
            finding
            for finding in kept
            if not suppressions.suppresses(
                finding,
                rules[finding.rule].peer
                if finding.rule in rules and rules[finding.rule].is_bug_risk
                else None,
            )
        ]
    return kept


def analyze(
    source: bytes,
    config: Config | None = None,
    registry: Registry | None = None,
    module: ModuleName | None = None,
) -> list[Finding]:
    """Findings for a whole file: the engine's one-call entry point.

    ``module`` is the file's module when the caller knows its path
    (``modules.module_name``): names the file defines then resolve to it.
    """
    registry = registry or load_registry()
    source = sanitize(source)
    tree = new_parser().parse(source)
    findings = run_rules(tree, source, registry, module=module)
    return select(findings, source, tree, config, registry)
