"""The relevance cases: loaded from the YAML tables beside this module.

Kept apart from the test so that a benchmark or a one-off script can score
the ranking over the same cases (``python -m tests.relevance.cases``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from pyiq.analysis import Finding, analyze
from pyiq.links import questions_for_finding

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Case:
    """One snippet, the construct in it, and the question that must lead there."""

    name: str
    rule: str
    at: str
    nth: int
    first: str
    code: str
    # Why the ranking still misses this case (a known limit), or None.
    known_miss: str | None = None


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(HERE.glob("cases_*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append(
                Case(
                    name=entry["name"],
                    rule=entry["rule"],
                    at=entry["at"],
                    nth=entry.get("nth", 1),
                    first=entry["first"],
                    code=entry["code"],
                    known_miss=entry.get("known_miss"),
                )
            )
    return cases


def offset_of(case: Case) -> int:
    """Byte offset of the ``nth`` occurrence of ``at`` in the case's code."""
    source = case.code.encode()
    needle = case.at.encode()
    offset = -1
    for _ in range(case.nth):
        offset = source.find(needle, offset + 1)
        if offset < 0:
            raise ValueError(f"{case.name}: {case.at!r} occurs fewer than {case.nth} times")
    return offset


def finding_at(case: Case) -> Finding | None:
    """The case's rule's finding that covers the marked construct (the narrowest one)."""
    offset = offset_of(case)
    hits = [
        f
        for f in analyze(case.code.encode())
        if f.rule == case.rule and f.start_byte <= offset < max(f.end_byte, f.start_byte + 1)
    ]
    return min(hits, key=lambda f: f.end_byte - f.start_byte, default=None)


def first_question(case: Case) -> str | None:
    finding = finding_at(case)
    if finding is None:
        return None
    questions = questions_for_finding(finding)
    return questions[0].id if questions else None


def main() -> None:
    cases = load_cases()
    right = 0
    for case in cases:
        finding = finding_at(case)
        if finding is None:
            found = [
                (f.start_byte, f.end_byte, f.rule)
                for f in analyze(case.code.encode())
                if f.rule == case.rule
            ]
            print(f"{case.name}: no {case.rule} finding at {offset_of(case)}: {found}")
            continue
        questions = questions_for_finding(finding)
        got = questions[0].id if questions else None
        if got == case.first:
            right += 1
        else:
            print(f"{case.name}: {case.rule} leads with {got}, expected {case.first}")
    print(f"{right}/{len(cases)} cases right ({100 * right / len(cases):.0f} %)")


if __name__ == "__main__":
    main()
