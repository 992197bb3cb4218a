"""Questions and rules as Markdown: one text for the terminal, pipes and hovers.

Markdown is the bank's native format (answers are Markdown), so a question
view is Markdown too; the CLI renders it with rich on a terminal and prints
it verbatim elsewhere, which reads well as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from pyiq.bank.bank import Bank
from pyiq.bank.model import Question
from pyiq.bank.rules import RuleLike

SEPARATOR = "\n\n---\n\n"


def fenced(code: str, language: str = "") -> str:
    """A fenced code block whose fence cannot collide with backticks inside ``code``."""
    fence = "```"
    while fence in code:
        fence += "`"
    body = code if code.endswith("\n") else code + "\n"
    return f"{fence}{language}\n{body}{fence}"


def question_markdown(question: Question, bank: Bank | None = None) -> str:
    """The full view of one question: wording, short answer, answer, example and output."""
    topic = question.topic
    if bank is not None and question.topic in bank.topics:
        topic = bank.topics[question.topic].title
    parts = [
        f"# {question.question}",
        f"`{question.id}` · {topic} · {question.level}",
        f"> {question.short.strip()}",
        question.answer.strip(),
        "## Example",
        fenced(question.example, "python"),
        "Output:",
        fenced(question.output, "text") if question.output else "*(prints nothing)*",
    ]
    if question.related:
        parts.append("Related: " + ", ".join(f"`{qid}`" for qid in question.related))
    return "\n\n".join(parts) + "\n"


def rule_markdown(
    rule_id: str, rule: RuleLike | None, questions: Sequence[Question], bank: Bank | None = None
) -> str:
    """A rule's name and description followed by every question linked to it."""
    if rule is not None:
        facts = [f"`{rule.id}`", rule.category, rule.severity]
        if rule.peer:
            facts.append(f"peer: {rule.peer}")
        head = f"# {rule.name}\n\n{' · '.join(facts)}\n\n{rule.description.strip()}\n"
    else:
        head = f"# Rule `{rule_id}`\n"
    if not questions:
        return head + "\n*No question in the bank is linked to this rule yet.*\n"
    count = f"{len(questions)} question{'s' if len(questions) != 1 else ''}"
    listing = f"\n*{count} linked to `{rule_id}`:* " + ", ".join(f"`{q.id}`" for q in questions)
    body = SEPARATOR.join(question_markdown(q, bank).rstrip("\n") for q in questions)
    return head + listing + SEPARATOR + body + "\n"
