"""What a learner's solution used, and the interview questions behind it.

After a passing run the learner has just written, say, ``functools.lru_cache``
or a generator; that is the moment to ask what an interviewer would ask
about it. The solution is analysed like any code (the engine, all rules),
and each construct is named with its first question, bug risks first.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Used:
    rule: str
    name: str
    line: int  # 1-based
    question_id: str | None
    question: str | None
    bug_risk: bool


def constructs_used(source: bytes, limit: int = 5) -> list[Used]:
    """One entry per rule found in ``source`` (its first occurrence), bug risks first."""
    from pyiq.analysis.engine import analyze
    from pyiq.analysis.lines import LineIndex
    from pyiq.analysis.registry import load_registry
    from pyiq.links import questions_for_finding

    registry = load_registry()
    lines = LineIndex(source)
    seen: dict[str, Used] = {}
    for finding in analyze(source, registry=registry):
        if finding.rule in seen:
            continue
        rule = registry.get(finding.rule)
        questions = questions_for_finding(finding)
        seen[finding.rule] = Used(
            rule=finding.rule,
            name=rule.name if rule else finding.rule,
            line=lines.line_of(finding.start_byte) + 1,
            question_id=questions[0].id if questions else None,
            question=questions[0].question if questions else None,
            bug_risk=bool(rule and rule.is_bug_risk),
        )
    ordered = sorted(seen.values(), key=lambda u: (not u.bug_risk, u.line))
    return ordered[:limit]
