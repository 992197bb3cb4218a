"""Commands: ``pyiq.quizFile``, ``pyiq.quizAt`` and ``pyiq.explain``.

The quiz runs over plain ``window/showMessageRequest`` so it works in any
editor; with ``quizUi: "data"`` it returns the questions (with answers and
explanations) for a client UI to grade locally instead.
"""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types

from pyiq.analysis import Finding
from pyiq.lsp.convert import offset
from pyiq.lsp.features.hover import findings_at
from pyiq.lsp.guard import guarded
from pyiq.lsp.quiz import prompt_text, questions_for_findings, quiz_data
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import OpenDocument

log = logging.getLogger(__name__)

DEFINITIONS = ("function_definition", "class_definition")


def _arg(args: Any, index: int) -> Any:
    if isinstance(args, list | tuple) and len(args) > index:
        return args[index]
    return None


def _findings_near(ls: PyiqServer, document: OpenDocument, pos: Any) -> list[Finding]:
    """Findings at a position, or in the definition that starts on its line (code lens)."""
    engine = document.engine
    line = int(pos.get("line", 0)) if isinstance(pos, dict) else 0
    character = int(pos.get("character", 0)) if isinstance(pos, dict) else 0
    at = offset(engine.lines, types.Position(line=line, character=character), ls.encoding)
    found = findings_at(ls, document, at)
    node = engine.tree.root_node.descendant_for_byte_range(at, at)
    while node is not None and node.type not in DEFINITIONS:
        node = node.parent
    if node is not None and engine.lines.line_of(node.start_byte) == engine.lines.line_of(at):
        inside = [
            f for f in ls.findings(document) if node.start_byte <= f.start_byte < node.end_byte
        ]
        found += [f for f in inside if f not in found]
    return found


async def run_quiz(ls: PyiqServer, findings: list[Finding]) -> dict[str, Any]:
    questions = [q for q in questions_for_findings(findings, ls.registry) if q.quiz.choices]
    if ls.settings.quiz_ui == "data":
        return {"questions": [quiz_data(q) for q in questions]}
    asked = correct = 0
    results = []
    for question in questions:
        quiz = question.quiz
        response = await ls.window_show_message_request_async(
            types.ShowMessageRequestParams(
                type=types.MessageType.Info,
                message=prompt_text(question),
                actions=[types.MessageActionItem(title=c.text) for c in quiz.choices],
            )
        )
        if response is None:
            break
        title = getattr(response, "title", None)
        if title is None and isinstance(response, dict):
            title = response.get("title")
        chosen = next((c for c in quiz.choices if c.text == title), None)
        if chosen is None:
            break
        asked += 1
        correct += chosen.correct
        verdict = "Correct!" if chosen.correct else f"Not quite. Answer: {quiz.correct.text}"
        explanation = chosen.explanation
        if not chosen.correct and quiz.correct.explanation:
            explanation += f" {quiz.correct.explanation}"
        ls.window_show_message(
            types.ShowMessageParams(
                type=types.MessageType.Info if chosen.correct else types.MessageType.Warning,
                message=f"{verdict} {explanation}".strip(),
            )
        )
        results.append({"id": question.id, "chosen": chosen.text, "correct": chosen.correct})
    return {"asked": asked, "correct": correct, "questions": results}


def explain(ls: PyiqServer, key: str) -> str:
    from pyiq.bank.markdown import question_markdown, rule_markdown
    from pyiq.links import bank_problem, questions_for

    rule = ls.registry.get(key)
    if rule is not None:
        return rule_markdown(key, rule, questions_for(key))
    if bank_problem() is None:
        from pyiq.bank import load_bank

        question = load_bank().get(key)
        if question is not None:
            return question_markdown(question, load_bank())
    return f"No pyiq rule or question named `{key}`."


def setup(server: PyiqServer) -> None:
    @server.command("pyiq.quizFile")
    @guarded(empty=None)
    async def quiz_file(ls: PyiqServer, *args: Any) -> dict[str, Any] | None:
        uri = _arg(_flatten(args), 0)
        document = ls.documents.get(uri) if isinstance(uri, str) else None
        if document is None:
            return {"asked": 0, "correct": 0, "questions": []}
        return await run_quiz(ls, ls.findings(document))

    @server.command("pyiq.quizAt")
    @guarded(empty=None)
    async def quiz_at(ls: PyiqServer, *args: Any) -> dict[str, Any] | None:
        flat = _flatten(args)
        uri, pos = _arg(flat, 0), _arg(flat, 1)
        document = ls.documents.get(uri) if isinstance(uri, str) else None
        if document is None:
            return {"asked": 0, "correct": 0, "questions": []}
        return await run_quiz(ls, _findings_near(ls, document, pos))

    @server.command("pyiq.explain")
    @guarded(empty=None)
    def explain_command(ls: PyiqServer, *args: Any) -> str | None:
        key = _arg(_flatten(args), 0)
        return explain(ls, key) if isinstance(key, str) else None


def _flatten(args: tuple[Any, ...]) -> list[Any]:
    """pygls passes command arguments either spread or as one list; accept both."""
    if len(args) == 1 and isinstance(args[0], list):
        return list(args[0])
    return list(args)
