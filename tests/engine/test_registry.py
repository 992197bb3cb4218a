"""Loading rules refuses what tree-sitter would silently get wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from pyiq.analysis.registry import RuleError, load_registry, load_rules_from

GOOD = """;; Finds print calls.
((call function: (identifier) @_f) @call
  (#eq? @_f "print")
  (#set! id "{id}")
  (#set! name "Print call")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{{_f}}` call"))
"""


def write(directory: Path, rule_id: str, text: str) -> None:
    (directory / f"{rule_id}.scm").write_text(text.replace("{id}", rule_id), encoding="utf-8")


def with_context(value: str) -> str:
    """The valid rule asking for ``#set! context`` ``value``."""
    return GOOD.replace("(#set! name", f'(#set! context "{value}")\n  (#set! name')


def test_a_valid_rule_loads_with_its_metadata(tmp_path: Path) -> None:
    write(tmp_path, "print-call", GOOD)
    rule = load_rules_from(tmp_path).rules["print-call"]
    assert (rule.name, rule.category, rule.severity, rule.reported_capture) == (
        "Print call",
        "concept",
        "hint",
        "call",
    )
    assert rule.description == "Finds print calls."
    assert rule.hints == "once-per-scope"


def test_an_idiom_is_hinted_once_per_file(tmp_path: Path) -> None:
    write(
        tmp_path, "print-call", GOOD.replace('"hint")', '"hint")\n  (#set! hints "once-per-file")')
    )
    assert load_rules_from(tmp_path).rules["print-call"].hints == "once-per-file"


def test_a_generic_concept_yields_the_hover(tmp_path: Path) -> None:
    write(tmp_path, "print-call", GOOD.replace('"hint")', '"hint")\n  (#set! hover "generic")'))
    write(tmp_path, "other-call", GOOD)
    rules = load_rules_from(tmp_path).rules
    assert (rules["print-call"].generic, rules["other-call"].generic) == (True, False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace('#eq? @_f "print"', '#eqq? @_f "print"'), "unknown predicate(s) #eqq?"),
        (GOOD.replace('#eq? @_f "print"', "#is? local"), "unknown predicate(s) #is?"),
        (
            GOOD.replace('#eq? @_f "print"', '#not-any-of? @_f "a" "b"'),
            "unknown predicate(s) #not-any-of?",
        ),
        (GOOD.replace('  (#set! severity "hint")\n', ""), "missing #set! severity"),
        (GOOD.replace('"concept"', '"style"'), "category 'style' is not one of"),
        (GOOD.replace("@call", "@call @other"), "exactly one reported capture"),
        (GOOD.replace("{{_f}}", "{_g}"), "message refers to unknown capture {_g}"),
        (GOOD.replace(";; Finds print calls.\n", ""), "missing description"),
        (GOOD.replace("(call function:", "(call functon:"), "invalid query"),
        (GOOD.replace('(#set! id "{id}")', '(#set! id "other-id")'), "does not match the file"),
        (
            GOOD.replace('"hint")', '"hint")\n  (#set! hints "never")'),
            "hints 'never' is not one of once-per-scope, once-per-file",
        ),
        (
            GOOD.replace('"concept"', '"bug-risk"').replace(
                '"hint")', '"warning")\n  (#set! hints "once-per-file")'
            ),
            "#set! hints applies to concepts only",
        ),
        (
            GOOD.replace('"hint")', '"hint")\n  (#set! hover "last")'),
            "hover 'last' is not one of generic",
        ),
        (
            GOOD.replace('"concept"', '"bug-risk"').replace(
                '"hint")', '"warning")\n  (#set! hover "generic")'
            ),
            "#set! hover applies to concepts only",
        ),
    ],
)
def test_invalid_rule_files_are_refused_with_the_file_named(
    tmp_path: Path, text: str, message: str
) -> None:
    write(tmp_path, "fine", GOOD)
    write(tmp_path, "broken", text)
    with pytest.raises(RuleError) as error:
        load_rules_from(tmp_path)
    assert "broken.scm: " in str(error.value)
    assert message in str(error.value)
    assert "fine.scm" not in str(error.value)


def test_every_rule_runs_in_the_planned_query_and_twins_share_a_pattern() -> None:
    registry = load_registry()
    owners = {member.rule.id for entry in registry.entries for member in entry.members}
    assert owners == set(registry.rules)
    merged = [
        {member.rule.id for member in entry.members}
        for entry in registry.entries
        if not entry.verbatim
    ]
    # Methods of a class by name: one pattern for all of these rules.
    assert any({"dunder-init", "str-repr", "operator-overloading"} <= ids for ids in merged)
    assert len(registry.entries) < sum(1 for e in registry.entries for _ in e.members)


def test_a_rule_can_ask_for_the_enclosing_context(tmp_path: Path) -> None:
    write(tmp_path, "print-call", with_context("ancestors"))
    rule = load_rules_from(tmp_path).rules["print-call"]
    assert rule.context
    assert rule.captures == {"call", "_f", "_context"}
    write(tmp_path, "print-call", with_context("parents"))
    with pytest.raises(RuleError, match=r"print-call.scm: #set! context 'parents' is not one of"):
        load_rules_from(tmp_path)


def test_a_rule_can_ask_for_what_its_construct_calls(tmp_path: Path) -> None:
    write(tmp_path, "print-call", with_context("ancestors calls"))
    rule = load_rules_from(tmp_path).rules["print-call"]
    assert (rule.context, rule.calls) == (True, True)
    assert rule.captures == {"call", "_f", "_context", "_calls"}
    write(tmp_path, "print-call", with_context("calls"))
    rule = load_rules_from(tmp_path).rules["print-call"]
    assert (rule.context, rule.calls) == (False, True)
    assert rule.captures == {"call", "_f", "_calls"}
    write(tmp_path, "print-call", with_context(" "))
    with pytest.raises(RuleError, match=r"print-call.scm: #set! context names one or more of"):
        load_rules_from(tmp_path)


def test_module_scope_names_are_identifiers(tmp_path: Path) -> None:
    """``module-scope`` names the words an edit re-checks; anything else is a typo."""
    text = GOOD.replace("(#set! message", '(#set! module-scope "print echo")\n  (#set! message')
    write(tmp_path, "print-call", text)
    registry = load_rules_from(tmp_path)
    assert registry.rules["print-call"].module_scope == frozenset({"print", "echo"})
    assert registry.module_scope == frozenset({"print", "echo"})
    write(tmp_path, "print-call", text.replace("print echo", "print(x)"))
    with pytest.raises(RuleError, match="module-scope takes identifiers"):
        load_rules_from(tmp_path)
    assert load_registry().module_scope == frozenset({"create_task", "ensure_future"})
