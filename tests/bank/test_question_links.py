"""Question links with conditions: validation, loading, and the ranking they drive."""

from __future__ import annotations

from pathlib import Path

import pytest

from pyiq.analysis import Finding, analyze
from pyiq.bank import BankError, load_bank
from pyiq.bank.model import Link
from pyiq.links import questions_for, questions_for_finding
from tests.bank.bank_factory import question, write_topic

KEYED = {"rule": "lambda", "when": {"_context": r"^keyword_argument:key\b"}}


@pytest.fixture
def links_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "questions"
    write_topic(
        directory,
        "alpha",
        [
            question("plain", rules=["lambda"]),
            question("keyed", rules=[KEYED], level="mid"),
            question("lead", rules=[{"rule": "lambda", "first": True}], level="senior"),
            question("never", rules=[{"rule": "lambda", "when": {"lambda": "^zzz"}}]),
            question(
                "not-in-loops",
                rules=[{"rule": "lambda", "when": {"lambda": "x"}, "unless": {"_context": "loop"}}],
                level="senior",
            ),
        ],
    )
    monkeypatch.setenv("PYIQ_QUESTIONS_DIR", str(directory))
    load_bank(reload=True)
    return directory


def _finding(context: str, text: str = "lambda x: x") -> Finding:
    return Finding("lambda", 0, 1, 0, 1, "m", (("_context", context), ("lambda", text)))


def _ids(finding: Finding) -> list[str]:
    return [q.id for q in questions_for_finding(finding)]


def test_links_are_loaded_with_their_conditions(links_dir: Path) -> None:
    bank = load_bank()
    assert bank.questions["keyed"].rules == ("lambda",)
    assert bank.questions["keyed"].links == (
        Link("lambda", when=(("_context", r"^keyword_argument:key\b"),)),
    )
    assert bank.questions["plain"].links == (Link("lambda"),)
    assert bank.questions["lead"].links[0].first


def test_a_matching_condition_ranks_first_and_failing_ones_drop_out(links_dir: Path) -> None:
    assert _ids(_finding("keyword_argument:key call:sorted module")) == [
        "keyed",
        "not-in-loops",
        "lead",
        "plain",
    ]
    assert _ids(_finding("call:handlers.append loop function_definition:f")) == ["lead", "plain"]
    assert _ids(_finding("return_statement module", text="lambda: 0")) == ["lead", "plain"]


def test_questions_for_without_a_finding_lists_every_link_lead_first(links_dir: Path) -> None:
    assert [q.id for q in questions_for("lambda")] == [
        "lead",
        "never",
        "plain",
        "keyed",
        "not-in-loops",
    ]


def test_a_reloaded_bank_is_ranked_afresh(links_dir: Path) -> None:
    finding = _finding("keyword_argument:key call:sorted module")
    assert _ids(finding)[0] == "keyed"
    write_topic(links_dir, "alpha", [question("plain", rules=["lambda"])])
    load_bank(reload=True)
    assert _ids(finding) == ["plain"]


def test_the_engine_binds_the_context_the_links_read(links_dir: Path) -> None:
    source = b"def f(xs):\n    for x in xs:\n        xs.sort(key=lambda v: v)\n"
    (finding,) = [f for f in analyze(source) if f.rule == "lambda"]
    assert finding.binding("_context") == (
        "keyword_argument:key call:xs.sort loop function_definition:f"
    )
    assert _ids(finding) == ["keyed", "lead", "plain"]


def _error(directory: Path) -> str:
    with pytest.raises(BankError) as info:
        load_bank(directory, reload=True)
    return str(info.value)


def test_an_invalid_regular_expression_names_file_and_key(tmp_path: Path) -> None:
    bad = {"rule": "lambda", "when": {"lambda": "(unclosed"}}
    write_topic(tmp_path, "alpha", [question("broken", rules=["closure", bad])])
    message = _error(tmp_path)
    assert "alpha.yaml:" in message
    assert "questions[0] (id 'broken').rules[1].when.lambda: invalid regular expression" in message


def test_two_leads_for_one_rule_are_refused(tmp_path: Path) -> None:
    lead = {"rule": "lambda", "first": True}
    write_topic(tmp_path, "alpha", [question("one", rules=[lead])])
    write_topic(tmp_path, "beta", [question("two", rules=[lead])])
    message = _error(tmp_path)
    assert "beta.yaml:" in message
    assert "questions[0] (id 'two').rules[0]: rule 'lambda' already leads with question 'one'" in (
        message
    )


def test_a_link_needs_a_rule_and_known_keys(tmp_path: Path) -> None:
    write_topic(
        tmp_path,
        "alpha",
        [question("odd", rules=[{"when": {"lambda": "x"}}, {"rule": "lambda", "if": {}}])],
    )
    message = _error(tmp_path)
    assert "questions[0] (id 'odd').rules[0]" in message
    assert "questions[0] (id 'odd').rules[1]" in message
