"""Which interview questions a rule's findings raise.

The engine knows rules, the bank knows questions; this is the one place
that joins them, so the CLI and the language server agree on what a finding
links to and which findings a configured interview level surfaces.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import NamedTuple

from pyiq.analysis.config import Config
from pyiq.analysis.findings import Finding
from pyiq.analysis.registry import Rule
from pyiq.bank import BankError, Question, load_bank
from pyiq.bank.model import Link

log = logging.getLogger(__name__)

RULE_DOCS_URL = "https://github.com/pyiq/pyiq/blob/main/docs/rules/{id}.md"


def rule_docs_url(rule_id: str) -> str:
    return RULE_DOCS_URL.format(id=rule_id)


@cache
def _bank_error() -> str | None:
    try:
        load_bank()
    except BankError as exc:
        log.error("question bank unavailable: %s", exc)
        return str(exc)
    return None


def bank_problem() -> str | None:
    """Why the bank could not be loaded, or None when it is fine."""
    return _bank_error()


_LEVEL_ORDER = {"junior": 0, "mid": 1, "senior": 2}
_sorted: dict[str, tuple[object, tuple[Question, ...]]] = {}


def _plain_key(question: Question, rule_id: str) -> tuple[int, int, str]:
    """Lead question of the rule first, then the most basic level, then the id."""
    lead = any(link.first and not link.conditional for link in _links(question, rule_id))
    return (0 if lead else 1, _LEVEL_ORDER.get(question.level, 3), question.id)


def _links(question: Question, rule_id: str) -> list[Link]:
    """A question's links to one rule (a plain id when it has no ``links`` record)."""
    found = [link for link in question.links if link.rule == rule_id]
    return found or [Link(rule_id)]


def questions_for(rule_id: str) -> list[Question]:
    """Every question linked to a rule, its lead question first; [] without a bank.

    Conditional links count too: without a finding nothing can rule them
    out. Sorted once per bank and rule: a check of a large tree asks for
    every finding, and a reloaded bank is a new object with its own entries.
    """
    if _bank_error() is not None:
        return []
    bank = load_bank()
    cached = _sorted.get(rule_id)
    if cached is not None and cached[0] is bank:
        return list(cached[1])
    found = tuple(sorted(bank.for_rule(rule_id), key=lambda q: _plain_key(q, rule_id)))
    _sorted[rule_id] = (bank, found)
    return list(found)


_Conditions = tuple[tuple[str, re.Pattern[str]], ...]
# A link, compiled: (number of `when` conditions, first, when, unless).
_CompiledLink = tuple[int, bool, _Conditions, _Conditions]


class _Candidate(NamedTuple):
    """A question and its links to one rule, conditions compiled."""

    question: Question
    links: tuple[_CompiledLink, ...]


class _RuleLinks(NamedTuple):
    """What ranking a rule's findings needs: its candidates and the captures they read."""

    candidates: tuple[_Candidate, ...]
    captures: tuple[str, ...]


_rule_links: dict[str, tuple[object, _RuleLinks]] = {}
_ranked: dict[tuple[str, tuple[str, ...]], tuple[Question, ...]] = {}
_ranked_bank: list[object] = [None]
_RANKED_MAX = 4096


def _compile(pairs: tuple[tuple[str, str], ...]) -> _Conditions:
    return tuple((capture, re.compile(pattern)) for capture, pattern in pairs)


def _links_of(rule_id: str, bank: object) -> _RuleLinks:
    cached = _rule_links.get(rule_id)
    if cached is not None and cached[0] is bank:
        return cached[1]
    candidates = []
    captures: dict[str, None] = {}
    for question in questions_for(rule_id):
        compiled = []
        for link in _links(question, rule_id):
            for capture, _ in (*link.when, *link.unless):
                captures[capture] = None
            compiled.append(
                (len(link.when), link.first, _compile(link.when), _compile(link.unless))
            )
        candidates.append(_Candidate(question, tuple(compiled)))
    result = _RuleLinks(tuple(candidates), tuple(captures))
    _rule_links[rule_id] = (bank, result)
    return result


def _rank(rule: _RuleLinks, values: tuple[str, ...]) -> tuple[Question, ...]:
    """The rule's questions whose links hold for these bound texts, best fit first.

    A question whose links to the rule all carry conditions that fail is
    left out; of the others, those whose conditions hold come first (more
    conditions first: the more specific fit), then the lead (``first``),
    then the most basic level, then the id.
    """
    bound = dict(zip(rule.captures, values, strict=True))
    scored: list[tuple[tuple[int, int, int, str], Question]] = []
    for question, links in rule.candidates:
        best: tuple[int, int] | None = None
        for count, first, when, unless in links:
            if any(pattern.search(bound[name]) is None for name, pattern in when):
                continue
            if any(pattern.search(bound[name]) is not None for name, pattern in unless):
                continue
            score = (-count, 0 if first else 1)
            if best is None or score < best:
                best = score
        if best is not None:
            scored.append(((*best, _LEVEL_ORDER.get(question.level, 3), question.id), question))
    scored.sort(key=lambda item: item[0])
    return tuple(question for _, question in scored)


def questions_for_finding(finding: Finding) -> list[Question]:
    """The questions a finding raises, the one that fits this very code first.

    Every adapter (hover, diagnostics, quiz, check) asks this rather than
    ``questions_for`` so that the ranking by what the match bound (callee,
    module, decorator, enclosing construct) is decided in one place. The
    conditions are data (question links in ``questions/*.yaml``); results are
    cached by the rule and the texts of the captures its links read, so a
    file with hundreds of findings ranks each distinct construct once.
    """
    if _bank_error() is not None:
        return []
    bank = load_bank()
    if _ranked_bank[0] is not bank:
        _ranked.clear()
        _ranked_bank[0] = bank
    rule = _links_of(finding.rule, bank)
    if not rule.captures:
        return questions_for(finding.rule)
    values = tuple(finding.binding(name) for name in rule.captures)
    key = (finding.rule, values)
    ranked = _ranked.get(key)
    if ranked is None:
        if len(_ranked) >= _RANKED_MAX:
            _ranked.clear()
        ranked = _ranked[key] = _rank(rule, values)
    return list(ranked)


def surfaces(rule: Rule, config: Config) -> bool:
    """Whether findings of ``rule`` are shown at the configured interview levels.

    Bug risks are always shown; a concept is shown when one of its questions
    is at a selected level (or when it has no question yet).
    """
    if rule.is_bug_risk or len(config.level) == 3:
        return True
    questions = questions_for(rule.id)
    return not questions or any(q.level in config.level for q in questions)
