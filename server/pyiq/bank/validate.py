"""Full validation of topic files: the JSON Schema, then what a schema cannot say.

Only run when the compiled cache is missing or stale, so the (slow to
import) ``jsonschema`` stays off the fast path. Cross-file rules live here
too: ids unique across the bank, ``related`` ids resolve, one correct quiz
choice, the topic named after its file, question links whose conditions are
valid regular expressions and at most one lead (``first``) question per rule
and condition.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pyiq.bank.errors import KeyPath, Problem, format_key, line_of

SHORT_MAX = 200
_REPR_MAX = 80


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A parsed topic file: its name (for messages), raw text (for line numbers) and data."""

    name: str
    text: str
    data: Any


def load_schema(path: str) -> dict[str, Any]:
    """Read the schema; it is the writers' contract, so it is read, never embedded."""
    with open(path, encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def schema_problems(source: SourceFile, schema: dict[str, Any]) -> list[Problem]:
    """Every schema violation in one file, in document order."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(source.data), key=lambda e: _sort_key(e.absolute_path))
    return [
        _problem(source, list(error.absolute_path), _describe(error, source.data))
        for error in errors
    ]


def _sort_key(path: Sequence[str | int]) -> list[tuple[int, str]]:
    return [(0, f"{step:08d}") if isinstance(step, int) else (1, step) for step in path]


def _describe(error: Any, data: Any) -> str:
    """A short message for one jsonschema error.

    jsonschema embeds the whole offending instance in some messages (for a
    quiz choice that is a paragraph); the choice ``oneOf`` gets a targeted
    explanation instead, and long reprs are cut.
    """
    path = list(error.absolute_path)
    if error.validator == "oneOf" and len(path) >= 2 and path[-2] == "choices":
        return "a choice needs either `correct: true` with `why`, or `why_wrong` (and not both)"
    message: str = error.message
    instance_repr = repr(error.instance)
    if len(instance_repr) > _REPR_MAX and instance_repr in message:
        message = message.replace(instance_repr, instance_repr[:_REPR_MAX] + "...")
    return message


def _problem(source: SourceFile, path: KeyPath, message: str) -> Problem:
    return Problem(
        file=source.name,
        key=format_key(path, source.data),
        message=message,
        line=line_of(source.text, path),
    )


def semantic_problems(sources: Sequence[SourceFile]) -> list[Problem]:
    """Checks across questions and files; assumes every file passed the schema."""
    problems: list[Problem] = []
    first_seen: dict[str, str] = {}
    for source in sources:
        stem = source.name.rsplit("/", 1)[-1].removesuffix(".yaml")
        if source.data["topic"] != stem:
            message = f"topic {source.data['topic']!r} must match the file name {stem!r}"
            problems.append(_problem(source, ["topic"], message))
        for index, question in enumerate(source.data["questions"]):
            qid = question["id"]
            if qid in first_seen:
                message = f"duplicate question id {qid!r} (first defined in {first_seen[qid]})"
                problems.append(_problem(source, ["questions", index, "id"], message))
            else:
                first_seen[qid] = source.name
            problems.extend(_question_problems(source, index, question))
    problems.extend(_lead_problems(sources))
    for source in sources:
        for index, question in enumerate(source.data["questions"]):
            for pos, ref in enumerate(question["related"]):
                if ref == question["id"]:
                    message = "a question cannot be related to itself"
                elif ref not in first_seen:
                    message = f"related id {ref!r} is not a question in the bank"
                else:
                    continue
                problems.append(_problem(source, ["questions", index, "related", pos], message))
    return problems


def _question_problems(source: SourceFile, index: int, question: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    if len(question["short"]) > SHORT_MAX:
        message = f"is {len(question['short'])} characters; the hover line allows {SHORT_MAX}"
        problems.append(_problem(source, ["questions", index, "short"], message))
    problems.extend(_link_problems(source, index, question))
    correct = sum(1 for choice in question["quiz"]["choices"] if choice.get("correct"))
    if correct != 1:
        message = f"needs exactly one choice with `correct: true`, found {correct}"
        problems.append(_problem(source, ["questions", index, "quiz", "choices"], message))
    return problems


def _link_problems(source: SourceFile, index: int, question: dict[str, Any]) -> list[Problem]:
    """Conditions that are not regular expressions, named by file and key."""
    problems: list[Problem] = []
    for pos, entry in enumerate(question["rules"]):
        if isinstance(entry, str):
            continue
        where: list[str | int] = ["questions", index, "rules", pos]
        for kind in ("when", "unless"):
            for capture, pattern in entry.get(kind, {}).items():
                try:
                    re.compile(pattern)
                except re.error as exc:
                    message = f"invalid regular expression {pattern!r}: {exc}"
                    problems.append(_problem(source, [*where, kind, capture], message))
    return problems


def _lead_problems(sources: Sequence[SourceFile]) -> list[Problem]:
    """Two questions both marked ``first`` for the same rule and conditions."""
    problems: list[Problem] = []
    leads: dict[tuple[str, str], str] = {}
    for source in sources:
        for index, question in enumerate(source.data["questions"]):
            for pos, entry in enumerate(question["rules"]):
                if isinstance(entry, str) or not entry.get("first"):
                    continue
                key = (entry["rule"], json.dumps([entry.get("when"), entry.get("unless")]))
                other = leads.setdefault(key, f"{question['id']!r} in {source.name}")
                if other.startswith(f"{question['id']!r} "):
                    continue
                message = (
                    f"rule {entry['rule']!r} already leads with question {other} "
                    "under the same conditions; mark only one `first: true`"
                )
                problems.append(_problem(source, ["questions", index, "rules", pos], message))
    return problems
