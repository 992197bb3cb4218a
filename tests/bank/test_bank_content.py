"""The real bank: schema, cross references, rule links, quizzes, sizes.

Each test lists every offender in its failure message, so one run tells the
writers everything to fix.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
import yaml

from pyiq.analysis.registry import load_registry
from pyiq.bank import BankError, load_bank
from tests.bank.bank_data import QUESTIONS, raw_questions, raw_topic, topic_paths

MIN_QUESTIONS = 150
MIN_ANSWER_WORDS = 60
SHORT_MAX = 200
MIN_CHOICES = 4

SCHEMA = json.loads((QUESTIONS / "schema.json").read_text(encoding="utf-8"))


def _fail_listing(title: str, offenders: list[str]) -> None:
    if offenders:
        pytest.fail(f"{title} ({len(offenders)}):\n  " + "\n  ".join(offenders), pytrace=False)


@pytest.mark.parametrize("path", topic_paths(), ids=lambda p: p.name)
def test_topic_file_matches_schema(path: Path) -> None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        pytest.fail(f"{path.name} is not valid YAML: {exc}", pytrace=False)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    errors = [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:200]}"
        for e in validator.iter_errors(data)
    ]
    _fail_listing(f"{path.name} violates questions/schema.json", errors)


@pytest.mark.parametrize("path", topic_paths(), ids=lambda p: p.name)
def test_topic_is_named_after_its_file(path: Path) -> None:
    data = raw_topic(path)
    assert isinstance(data, dict) and data.get("topic") == path.stem


def test_bank_loads() -> None:
    problem = None
    try:
        bank = load_bank()
    except BankError as exc:
        problem = str(exc)
    if problem is not None:
        pytest.fail(problem, pytrace=False)
    assert len(bank) == len(raw_questions())


def test_bank_is_big_enough() -> None:
    count = len(raw_questions())
    assert count >= MIN_QUESTIONS, f"the bank has {count} questions, expected {MIN_QUESTIONS}+"


def test_ids_are_unique_across_files() -> None:
    where = Counter(q.get("id") for _, q in raw_questions())
    dupes = [
        f"{qid}: in {', '.join(f for f, q in raw_questions() if q.get('id') == qid)}"
        for qid, n in where.items()
        if n > 1
    ]
    _fail_listing("duplicate question ids", dupes)


def test_related_ids_resolve() -> None:
    ids = {q.get("id") for _, q in raw_questions()}
    dangling = [
        f"{file}: {q.get('id')} -> {ref}"
        for file, q in raw_questions()
        for ref in q.get("related", [])
        if ref not in ids or ref == q.get("id")
    ]
    _fail_listing("related ids that are not questions in the bank (or self-references)", dangling)


def _link_rule(entry: object) -> str:
    """The rule id of a ``rules`` entry: a plain id or a link mapping."""
    return entry["rule"] if isinstance(entry, dict) else str(entry)


def test_rule_ids_exist_in_registry() -> None:
    known = set(load_registry().rules)
    unknown = [
        f"{file}: {q.get('id')} -> {_link_rule(entry)}"
        for file, q in raw_questions()
        for entry in q.get("rules", [])
        if _link_rule(entry) not in known
    ]
    _fail_listing("rules entries that are not rule ids in pyiq.analysis.registry", unknown)


def test_link_conditions_name_captures_of_their_rule() -> None:
    """A condition on a capture the rule never binds would silently never hold."""
    rules = load_registry().rules
    wrong = [
        f"{file}: {q.get('id')} -> {entry['rule']}.{kind}.{capture} "
        f"(binds: {', '.join(sorted(rules[entry['rule']].captures))})"
        for file, q in raw_questions()
        for entry in q.get("rules", [])
        if isinstance(entry, dict) and entry["rule"] in rules
        for kind in ("when", "unless")
        for capture in entry.get(kind, {})
        if capture not in rules[entry["rule"]].captures
    ]
    _fail_listing("link conditions on captures their rule does not bind", wrong)


def test_every_rule_is_linked_by_a_question() -> None:
    linked = {_link_rule(entry) for _, q in raw_questions() for entry in q.get("rules", [])}
    orphans = sorted(set(load_registry().rules) - linked)
    _fail_listing("registry rules that no question lists in `rules`", orphans)


def test_quizzes_are_well_formed() -> None:
    problems = []
    for file, q in raw_questions():
        choices = q.get("quiz", {}).get("choices", [])
        label = f"{file}: {q.get('id')}"
        correct = [c for c in choices if c.get("correct") is True]
        if len(correct) != 1:
            problems.append(f"{label}: {len(correct)} correct choices, expected exactly 1")
        if any(not c.get("why") for c in correct):
            problems.append(f"{label}: the correct choice has no `why`")
        if len(choices) < MIN_CHOICES:
            problems.append(f"{label}: {len(choices)} choices, expected {MIN_CHOICES}+")
        for c in choices:
            if c.get("correct") is not True and not c.get("why_wrong"):
                problems.append(f"{label}: wrong choice {c.get('text')!r} has no `why_wrong`")
        texts = [c.get("text") for c in choices]
        if len(set(texts)) != len(texts):
            problems.append(f"{label}: two choices have the same text")
    _fail_listing("malformed quizzes", problems)


def test_short_answers_fit_a_hover_line() -> None:
    long = [
        f"{file}: {q.get('id')}: {len(q.get('short', ''))} chars"
        for file, q in raw_questions()
        if len(q.get("short", "")) > SHORT_MAX
    ]
    _fail_listing(f"`short` longer than {SHORT_MAX} characters", long)


_CODE_SPAN = re.compile(r"`[^`]*`")
_FENCE = re.compile(r"```.*?```", re.S)
_BARE_DUNDER = re.compile(r"(?<![\w`])__\w+__")


def test_dunder_names_are_code_where_markdown_renders_them() -> None:
    """Outside a code span, Markdown renders `__eq__` as a bold "eq" (hovers, explain)."""
    bare = []
    for file, q in raw_questions():
        for field in ("question", "short", "answer"):
            text = _CODE_SPAN.sub("", _FENCE.sub("", q.get(field, "")))
            found = _BARE_DUNDER.findall(text)
            if found:
                bare.append(f"{file}: {q.get('id')}.{field}: {', '.join(found)}")
    _fail_listing("dunder names outside `code` in Markdown text", bare)


def test_answers_have_depth() -> None:
    thin = [
        f"{file}: {q.get('id')}: {n} words"
        for file, q in raw_questions()
        if (n := len(re.findall(r"\w+", q.get("answer", "")))) < MIN_ANSWER_WORDS
    ]
    _fail_listing(f"answers shorter than {MIN_ANSWER_WORDS} words", thin)


def test_answers_end_with_a_follow_up() -> None:
    missing = [
        f"{file}: {q.get('id')}"
        for file, q in raw_questions()
        if "**Follow-up:**" not in q.get("answer", "")
    ]
    _fail_listing("answers without a **Follow-up:** paragraph", missing)
