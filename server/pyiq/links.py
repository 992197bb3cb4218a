"""Which interview questions a rule's findings raise.

The engine knows rules, the bank knows questions; this is the one place
that joins them, so the CLI and the language server agree on what a finding
links to and which findings a configured interview level surfaces.
"""

from __future__ import annotations

import logging
from functools import cache

from pyiq.analysis.config import Config
from pyiq.analysis.findings import Finding
from pyiq.analysis.registry import Rule
from pyiq.bank import BankError, Question, load_bank

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


def questions_for(rule_id: str) -> list[Question]:
    """The bank's questions for a rule, most basic level first; [] without a bank.

    Sorted once per bank and rule: a check of a large tree asks for every
    finding, and a reloaded bank is a new object with its own entries.
    """
    if _bank_error() is not None:
        return []
    bank = load_bank()
    cached = _sorted.get(rule_id)
    if cached is not None and cached[0] is bank:
        return list(cached[1])
    found = tuple(
        sorted(bank.for_rule(rule_id), key=lambda q: (_LEVEL_ORDER.get(q.level, 3), q.id))
    )
    _sorted[rule_id] = (bank, found)
    return list(found)


def questions_for_finding(finding: Finding) -> list[Question]:
    """The questions a finding raises, the one that fits this very code first.

    Every adapter (hover, diagnostics, quiz, check) asks this rather than
    ``questions_for`` so that the ranking by what the match bound (callee,
    module, decorator, enclosing construct) is decided in one place.
    """
    return questions_for(finding.rule)


def surfaces(rule: Rule, config: Config) -> bool:
    """Whether findings of ``rule`` are shown at the configured interview levels.

    Bug risks are always shown; a concept is shown when one of its questions
    is at a selected level (or when it has no question yet).
    """
    if rule.is_bug_risk or len(config.level) == 3:
        return True
    questions = questions_for(rule.id)
    return not questions or any(q.level in config.level for q in questions)
