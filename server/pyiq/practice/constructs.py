"""What a learner's solution used, and the interview questions behind it.

After a passing run the learner has just written, say, ``functools.lru_cache``
or a generator; that is the moment to ask what an interviewer would ask
about it. The solution is analysed like any code (the engine, all rules).
Constructs the exercise's stub already had (its signature's type hints, a
class the stub declared) are not the learner's: they are left out, so the
offer leads with something the learner chose to write. What is left is
ranked by how interview-worthy it is: bug risks first, then concepts behind
the exercise's own related questions, then other concepts with a question,
the rest last; ties by line.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyiq.analysis.registry import SEVERITIES


@dataclass(frozen=True, slots=True)
class Used:
    rule: str
    name: str
    line: int  # 1-based
    question_id: str | None
    question: str | None
    bug_risk: bool
    severity: str = "hint"


def _rules_in(source: bytes) -> set[str]:
    """The rules that find something in ``source`` (for a stub: what it gives away)."""
    from pyiq.analysis.engine import analyze
    from pyiq.analysis.registry import load_registry

    return {finding.rule for finding in analyze(source, registry=load_registry())}


def _rank(used: Used, related: frozenset[str]) -> tuple[int, int, int]:
    """Lower is asked first: bug risk, the exercise's own question, any question, severity."""
    severity = SEVERITIES.index(used.severity) if used.severity in SEVERITIES else len(SEVERITIES)
    if used.bug_risk:
        tier = 0
    elif used.question_id is not None and used.question_id in related:
        tier = 1
    elif used.question is not None:
        tier = 2
    else:
        tier = 3
    return (tier, severity, used.line)


def constructs_used(
    source: bytes,
    limit: int = 5,
    *,
    stub: str | bytes | None = None,
    related: tuple[str, ...] | frozenset[str] = (),
) -> list[Used]:
    """One entry per rule found in ``source`` (its first occurrence), most interview-worthy first.

    ``stub`` is the exercise's starting code: a rule it already triggers is
    not something the learner used (by rule, so an annotation the learner
    added beside the stub's is not offered either: the stub raised that
    topic already). ``related`` are the exercise's question ids, asked
    before other concepts.
    """
    from pyiq.analysis.engine import analyze
    from pyiq.analysis.lines import LineIndex
    from pyiq.analysis.registry import load_registry
    from pyiq.links import questions_for_finding

    registry = load_registry()
    given = _rules_in(stub.encode() if isinstance(stub, str) else stub) if stub else set()
    lines = LineIndex(source)
    seen: dict[str, Used] = {}
    for finding in analyze(source, registry=registry):
        if finding.rule in seen or finding.rule in given:
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
            severity=rule.severity if rule else "hint",
        )
    wanted = frozenset(related)
    ordered = sorted(seen.values(), key=lambda u: _rank(u, wanted))
    return ordered[:limit]
