"""Conversion between validated YAML data, compact records, and model objects.

A *record* is the model flattened to tuples of str/bool/None, which
``marshal`` stores and restores far faster than YAML can be parsed. Both the
full load and the cached load build the model from records, so the two paths
cannot drift apart.
"""

from __future__ import annotations

import os

from pyiq.bank.model import Choice, Link, Question, Quiz, Topic

# ``typing`` costs milliseconds to import and this module is on the cached
# (fast) path, so typing-only names are imported for type checkers alone.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, TypeAlias

    # (name, title, file name, (question record, ...))
    TopicRecord: TypeAlias = tuple[str, str, str, tuple[tuple[Any, ...], ...]]


def topic_record(file_name: str, data: dict[str, Any]) -> TopicRecord:
    """Flatten one validated topic file."""
    return (data["topic"], data["title"], file_name, tuple(_question(q) for q in data["questions"]))


def _question(q: dict[str, Any]) -> tuple[Any, ...]:
    quiz = q["quiz"]
    choices = tuple(
        (c["text"], bool(c.get("correct", False)), c.get("why"), c.get("why_wrong"))
        for c in quiz["choices"]
    )
    links = tuple(_link(entry) for entry in q["rules"])
    rules = tuple(dict.fromkeys(link[0] for link in links))
    return (
        q["id"],
        q["question"],
        q["short"],
        q["answer"],
        q["example"],
        q["output"],
        q["level"],
        tuple(q["tags"]),
        rules,
        tuple(q["related"]),
        tuple(q.get("imports", ())),
        (quiz["prompt"], quiz.get("code"), choices),
        tuple(q["covers"]),
        links,
    )


def _link(entry: str | dict[str, Any]) -> tuple[Any, ...]:
    """A ``rules`` entry as (rule, when pairs, unless pairs, first)."""
    if isinstance(entry, str):
        return (entry, (), (), False)
    return (
        entry["rule"],
        tuple(entry.get("when", {}).items()),
        tuple(entry.get("unless", {}).items()),
        bool(entry.get("first", False)),
    )


def build(
    records: Iterable[TopicRecord], directory: str
) -> tuple[dict[str, Topic], dict[str, Question]]:
    """Model objects from records; file paths are joined to ``directory`` here.

    Paths are not stored in records so a cache built from one copy of the
    bank is valid for an identical copy elsewhere (checkout vs wheel).
    """
    topics: dict[str, Topic] = {}
    questions: dict[str, Question] = {}
    for name, title, file_name, question_records in records:
        ids = []
        for qid, text, short, answer, example, output, level, tags, rules, related, imports, (
            prompt,
            code,
            choices,
        ), covers, links in question_records:
            quiz = Quiz(prompt, code, tuple(Choice(*choice) for choice in choices))
            questions[qid] = Question(
                qid,
                name,
                text,
                short,
                answer,
                example,
                output,
                level,
                tags,
                rules,
                related,
                imports,
                quiz,
                covers,
                tuple(Link(*link) for link in links),
            )
            ids.append(qid)
        topics[name] = Topic(name, title, os.path.join(directory, file_name), tuple(ids))
    return topics, questions
