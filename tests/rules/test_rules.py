"""One parametrized test over the rule registry: every rule has bad and good examples.

``bad.py`` must produce exactly the annotated findings of its rule (rule,
line and columns), ``good.py`` (near misses the rule deliberately skips)
none of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pyiq.analysis import analyze, load_registry
from pyiq.analysis.lines import LineIndex
from tests.rules.annotations import expected_findings

HERE = Path(__file__).parent
REGISTRY = load_registry()
RULE_IDS = sorted(REGISTRY.rules)


def _found(path: Path, rule_id: str) -> list[tuple[str, int, int, int]]:
    source = path.read_bytes()
    index = LineIndex(source)
    found = []
    for finding in analyze(source):
        if finding.rule != rule_id:
            continue
        line, column = index.position(finding.start_byte, "utf-32")
        end_line, end_column = index.position(finding.end_byte, "utf-32")
        if end_line != line:
            end_column = index.position(index.line_end(line), "utf-32")[1]
        found.append((finding.rule, line + 1, column, end_column))
    return found


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_bad_examples_give_exactly_the_annotated_findings(rule_id: str) -> None:
    path = HERE / rule_id / "bad.py"
    assert path.is_file(), f"{rule_id}: missing tests/rules/{rule_id}/bad.py"
    expected = [e for e in expected_findings(path.read_text(encoding="utf-8")) if e[0] == rule_id]
    assert expected, f"{path} annotates no {rule_id} finding"
    assert sorted(_found(path, rule_id)) == sorted(expected)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_good_examples_give_no_finding(rule_id: str) -> None:
    path = HERE / rule_id / "good.py"
    assert path.is_file(), f"{rule_id}: missing tests/rules/{rule_id}/good.py"
    assert _found(path, rule_id) == []


def test_every_rule_directory_names_a_rule() -> None:
    stray = [p.name for p in HERE.iterdir() if p.is_dir() and p.name not in REGISTRY.rules]
    assert [s for s in stray if not s.startswith("__")] == []
