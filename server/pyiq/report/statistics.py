"""``--statistics``: how many findings of each rule, most frequent first.

For a learner this is the study plan: the constructs the code leans on
most, each with the interview question it raises.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from pyiq.checking import Located
from pyiq.report.text import question_text


def rows(findings: Iterable[Located]) -> list[dict[str, object]]:
    counts: Counter[str] = Counter()
    about: dict[str, Located] = {}
    for finding in findings:
        counts[finding.rule] += 1
        about.setdefault(finding.rule, finding)
    out = []
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        first = about[rule]
        question_id = first.questions[0] if first.questions else None
        out.append(
            {
                "rule": rule,
                "count": count,
                "category": first.category,
                "question_id": question_id,
                "question": question_text(question_id) if question_id else None,
            }
        )
    return out


def write_text(out: TextIO, findings: Iterable[Located]) -> None:
    table = rows(findings)
    if not table:
        return
    count_width = max(len(str(row["count"])) for row in table)
    rule_width = max(len(str(row["rule"])) for row in table)
    for row in table:
        kind = "bug risk" if row["category"] == "bug-risk" else "concept"
        text = f"{row['count']:>{count_width}}  {row['rule']:<{rule_width}}  {kind:<8}"
        if row["question"]:
            text += f"  {row['question']}"
        out.write(text.rstrip() + "\n")


def write_json(out: TextIO, findings: Iterable[Located]) -> None:
    json.dump(rows(findings), out, indent=2, ensure_ascii=False)
    out.write("\n")
