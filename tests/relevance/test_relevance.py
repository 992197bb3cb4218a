"""The first question of a finding fits the very code it was found in.

Each case in ``cases_*.yaml`` is a realistic snippet, a rule, a construct in
the snippet and the question that must lead for that rule's finding there;
the engine analyses the snippet and ``questions_for_finding`` ranks.
"""

from __future__ import annotations

import pytest

from pyiq.bank import load_bank
from pyiq.links import questions_for_finding
from tests.relevance.cases import Case, finding_at, load_cases

CASES = load_cases()


def test_the_suite_is_broad() -> None:
    assert len(CASES) >= 100
    assert len({case.name for case in CASES}) == len(CASES), "case names must be unique"
    assert len({case.rule for case in CASES}) >= 60


def test_every_expected_question_exists() -> None:
    bank = load_bank()
    missing = sorted({case.first for case in CASES if case.first not in bank})
    assert missing == []


def _param(case: Case) -> object:
    """A case; a known miss is expected to fail (strictly: a fix must remove the mark)."""
    if case.known_miss is None:
        return pytest.param(case, id=case.name)
    return pytest.param(
        case, id=case.name, marks=pytest.mark.xfail(reason=case.known_miss, strict=True)
    )


def test_known_misses_are_few() -> None:
    misses = [case.name for case in CASES if case.known_miss]
    assert len(misses) <= 3, misses


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_first_question(case: Case) -> None:
    finding = finding_at(case)
    assert finding is not None, f"no {case.rule} finding at {case.at!r}"
    ranked = [q.id for q in questions_for_finding(finding)]
    assert ranked[:1] == [case.first], f"ranked: {ranked}"
