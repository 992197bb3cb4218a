"""Renders ``docs/rules/*.md``, the pages diagnostics link to.

The pages are generated from the rule files and the bank so they cannot
drift from what the engine does; a test fails when the committed pages are
stale, and ``python -m pyiq.rule_docs`` rewrites them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pyiq.analysis import Rule, load_registry
from pyiq.bank import Question
from pyiq.links import questions_for

DOCS_DIR = Path(__file__).resolve().parents[2] / "docs" / "rules"


def render_rule(rule: Rule) -> str:
    lines = [f"# {rule.id}", "", f"**{rule.name}** · {rule.category} · default severity "]
    lines[-1] += f"`{rule.severity}`"
    if rule.peer:
        lines[-1] += f" · mirrors ruff `{rule.peer}`"
    lines += ["", rule.description, ""]
    questions = questions_for(rule.id)
    if questions:
        lines += ["## Interview questions", ""]
        lines += [
            f"- {q.question} (`pyiq explain {q.id}`, {q.level}){_condition(q, rule.id)}"
            for q in questions
        ]
        lines.append("")
    lines += [
        "## Silencing it",
        "",
        f'Add `# pyiq: ignore[{rule.id}]` to the line, or `ignore = ["{rule.id}"]` under',
        "`[tool.pyiq]` in `pyproject.toml`.",
        "",
    ]
    return "\n".join(lines)


def _condition(question: Question, rule_id: str) -> str:
    """When a question is only raised for some code: its link conditions, in words."""
    links = [link for link in question.links if link.rule == rule_id]
    if not links or not all(link.conditional for link in links):
        return ""
    alternatives = []
    for link in links:
        conditions = [f"`{capture}` matches `{pattern}`" for capture, pattern in link.when]
        conditions += [
            f"`{capture}` does not match `{pattern}`" for capture, pattern in link.unless
        ]
        alternatives.append(" and ".join(conditions))
    return ": only where " + "; or where ".join(alternatives)


def render_index(rules: list[Rule]) -> str:
    lines = ["# Rules", "", "| Rule | Category | Severity | Peer |", "| --- | --- | --- | --- |"]
    for rule in rules:
        peer = f"`{rule.peer}`" if rule.peer else ""
        lines.append(f"| [{rule.id}]({rule.id}.md) | {rule.category} | {rule.severity} | {peer} |")
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    rules = sorted(load_registry(), key=lambda r: (r.category, r.id))
    rendered = {f"{rule.id}.md": render_rule(rule) for rule in rules}
    rendered["README.md"] = render_index(rules)
    return rendered


def write(directory: Path = DOCS_DIR) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    for stale in directory.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        (directory / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS_DIR)
