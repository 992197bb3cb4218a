"""Commands: the quiz (``pyiq.quizFile``, ``pyiq.quizAt``), answers, progress, explanations.

The quiz comes from the quiz engine (``pyiq.quiz.build_quiz``), so the
editor asks what the terminal asks: predict-the-output questions built from
the user's own names, most relevant first, choices in a shuffled order.
It runs over plain ``window/showMessageRequest`` so it works in any editor,
and every answer is recorded (committed) before its verdict is shown, so an
editor closed mid-quiz loses nothing already answered. With
``quizUi: "data"`` the items are returned for a client UI to ask; that UI
sends each answer back through ``pyiq.recordAnswer``. Either way a quiz
holds at most ``quizLength`` questions.

``build_quiz`` proves predict questions by running small snippets in
subprocesses, and recording an answer waits for an fsync, so both run in a
worker thread: hovers and diagnostics keep flowing during a quiz.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInternalError, JsonRpcInvalidParams

from pyiq.analysis import Finding
from pyiq.lsp.convert import offset
from pyiq.lsp.features.diagnostics import republish_all
from pyiq.lsp.features.hover import findings_at
from pyiq.lsp.guard import guarded
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import OpenDocument

if TYPE_CHECKING:
    from pyiq.quiz import QuizItem, Store, Verdict

log = logging.getLogger(__name__)

DEFINITIONS = ("function_definition", "class_definition")
# A quiz's summary: ``total`` questions were built, ``asked`` answered before it ended
# (fewer when the user stopped it), so a client can tell "stopped" from "nothing to ask".
EMPTY_SUMMARY: dict[str, Any] = {"asked": 0, "correct": 0, "total": 0, "questions": []}


def _arg(args: Any, index: int) -> Any:
    if isinstance(args, list | tuple) and len(args) > index:
        return args[index]
    return None


def _flatten(args: tuple[Any, ...]) -> list[Any]:
    """pygls passes command arguments either spread or as one list; accept both."""
    if len(args) == 1 and isinstance(args[0], list):
        return list(args[0])
    return list(args)


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


async def build_items(
    ls: PyiqServer, document: OpenDocument, findings: list[Finding], imports: bool = True
) -> list[QuizItem]:
    """The engine's quiz on these findings of the document, built off the event loop.

    ``imports``: also the questions the file's imports raise (the whole file's quiz).
    """
    if not findings:
        return []
    from pyiq.bank import BankError
    from pyiq.quiz import QuizError, build_quiz

    store = ls.learning.store()  # opened here, on the loop: opening may report notices
    source = bytes(document.engine.source)  # the buffer may change while the quiz is built
    try:
        return await asyncio.to_thread(
            build_quiz,
            source,
            list(findings),
            store,
            count=ls.settings.quiz_length,
            path=document.uri,
            threshold=ls.settings.mastery_threshold,
            imports=imports,
        )
    except (BankError, QuizError) as exc:
        ls.report([f"pyiq: cannot build a quiz: {exc}"])
        return []


def _verdict_without_store(item: QuizItem, choice: int) -> Verdict:
    """A verdict for display when there is no store to record into (nothing is scheduled)."""
    from pyiq.quiz import Verdict

    correct = choice == item.correct_index
    return Verdict(item, choice, correct, "good" if correct else "again", datetime.now(UTC))


def verdict_text(verdict: Verdict) -> str:
    """The engine's verdict message, opening with "Correct!" or "Not quite".

    Editor plugins recognise verdicts among other messages by those words.
    """
    message = verdict.message
    if verdict.correct:
        return "Correct! " + message.removeprefix("Right!").lstrip()
    return message


async def record(
    store: Store | None, item: QuizItem, choice: int, elapsed: float | None
) -> Verdict:
    """Records the answer (committed before returning) and gives its verdict."""
    if store is None:
        return _verdict_without_store(item, choice)
    from pyiq.quiz import answer

    return await asyncio.to_thread(answer, store, item, choice, elapsed, None, source="lsp")


def choice_titles(item: QuizItem) -> list[str]:
    """The choices as buttons show them: plain text, as the prompt is (``plain_prompt``).

    Message boxes and pickers do not render Markdown, so "It raises `ValueError`" would
    show its backticks; where dropping them would make two choices alike, they stay.
    """
    plain = [choice.text.replace("`", "") for choice in item.choices]
    if len(set(plain)) == len(plain):
        return plain
    return [choice.text for choice in item.choices]


def _chosen_index(item: QuizItem, response: Any) -> int | None:
    title = getattr(response, "title", None)
    if title is None and isinstance(response, dict):
        title = response.get("title")
    titles = choice_titles(item)
    return next(
        (i for i, c in enumerate(item.choices) if title in (titles[i], c.text)),
        None,
    )


def _answers_recorded(ls: PyiqServer) -> None:
    """Mastery may have changed: hints and lenses are recomputed from the new snapshot."""
    ls.learning.mark_dirty()
    refresh_hints(ls)


def refresh_hints(ls: PyiqServer) -> None:
    """Diagnostics and code lenses again, after what decides them changed."""
    republish_all(ls)
    workspace = ls.client_capabilities().workspace
    lens = workspace.code_lens if workspace else None
    if lens is not None and lens.refresh_support:
        try:
            ls.workspace_code_lens_refresh(None)
        except Exception:
            log.debug("client refused code lens refresh", exc_info=True)


async def run_quiz(
    ls: PyiqServer, document: OpenDocument, findings: list[Finding], imports: bool = True
) -> Any:
    items = await build_items(ls, document, findings, imports)
    if ls.settings.quiz_ui == "data":
        ls.learning.remember(items)
        return {"uri": document.uri, "questions": [item.to_dict() for item in items]}
    store = ls.learning.store()
    asked = correct = 0
    results: list[dict[str, Any]] = []
    try:
        for number, item in enumerate(items, start=1):
            started = time.monotonic()
            response = await ls.window_show_message_request_async(
                types.ShowMessageRequestParams(
                    type=types.MessageType.Info,
                    # Where the user stands: clients show the message as it is.
                    message=f"Question {number} of {len(items)}\n\n{item.plain_prompt}",
                    actions=[types.MessageActionItem(title=t) for t in choice_titles(item)],
                )
            )
            choice = _chosen_index(item, response) if response is not None else None
            if choice is None:
                break  # dismissed: the quiz ends, answers so far are kept
            verdict = await record(store, item, choice, time.monotonic() - started)
            asked += 1
            correct += verdict.correct
            results.append(
                {"id": item.id, "chosen": choice_titles(item)[choice], "correct": verdict.correct}
            )
            ls.window_show_message(
                types.ShowMessageParams(
                    type=types.MessageType.Info if verdict.correct else types.MessageType.Warning,
                    message=verdict_text(verdict),
                )
            )
    finally:
        if asked and store is not None:
            _answers_recorded(ls)
    return {"asked": asked, "correct": correct, "total": len(items), "questions": results}


def _known_card(ls: PyiqServer, card_id: str) -> bool:
    """A card id the store may record without an issued item: a bank question or predict card."""
    from pyiq.quiz.cards import predict_rule

    rule = predict_rule(card_id)
    if rule is not None:
        return ls.registry.get(rule) is not None
    from pyiq.bank import BankError, load_bank

    try:
        return load_bank().get(card_id) is not None
    except BankError:
        return False


def _answer_params(args: tuple[Any, ...]) -> tuple[str, int, bool, float | None, str | None]:
    """``{id, chosen, correct, elapsed?, rule?, uri?}`` as sent by the VS Code quiz panel."""
    report = _arg(_flatten(args), 0)
    if not isinstance(report, dict):
        raise JsonRpcInvalidParams(
            "pyiq.recordAnswer: expected one object {id, chosen, correct, elapsed?, rule?, uri?}"
        )
    card_id, chosen = report.get("id"), report.get("chosen")
    correct, elapsed, rule = report.get("correct"), report.get("elapsed"), report.get("rule")
    if not isinstance(card_id, str) or not card_id:
        raise JsonRpcInvalidParams("pyiq.recordAnswer: `id` must be a question id (a string)")
    if not isinstance(chosen, int) or isinstance(chosen, bool) or chosen < 0:
        raise JsonRpcInvalidParams(
            f"pyiq.recordAnswer: `chosen` must be a choice index (0 or more), got {chosen!r}"
        )
    if not isinstance(correct, bool):
        raise JsonRpcInvalidParams(
            f"pyiq.recordAnswer: `correct` must be true or false, got {correct!r}"
        )
    if elapsed is not None and (
        not isinstance(elapsed, int | float) or isinstance(elapsed, bool) or elapsed < 0
    ):
        raise JsonRpcInvalidParams(
            f"pyiq.recordAnswer: `elapsed` must be seconds (0 or more), got {elapsed!r}"
        )
    return card_id, chosen, correct, elapsed, rule if isinstance(rule, str) else None


async def record_answer(ls: PyiqServer, args: tuple[Any, ...]) -> dict[str, Any]:
    """Records a client-graded answer; the engine grades it again when it issued the item.

    An item this server handed out is graded by its own ``correct_index``
    (the client's ``correct`` is only a claim). A bank question or predict
    card this server did not hand out (a panel restored after a restart)
    is recorded with the client's verdict. Anything else is refused.
    """
    from pyiq.quiz.store import StoreError

    card_id, chosen, correct, elapsed, rule = _answer_params(args)
    item = ls.learning.issued(card_id)
    if item is None and not _known_card(ls, card_id):
        raise JsonRpcInvalidParams(
            f"pyiq.recordAnswer: unknown question id {card_id!r} "
            "(neither asked by this server nor in the question bank)"
        )
    store = ls.learning.store()
    if store is None:
        raise JsonRpcInternalError("pyiq.recordAnswer: the progress store is unavailable")
    if item is not None:
        if chosen >= len(item.choices):
            raise JsonRpcInvalidParams(
                f"pyiq.recordAnswer: choice {chosen} out of range for "
                f"{len(item.choices)} choices of {card_id!r}"
            )
        try:
            verdict = await record(store, item, chosen, elapsed)
        except StoreError as exc:
            raise JsonRpcInternalError(f"pyiq.recordAnswer: {exc}") from None
        result: dict[str, Any] = {"recorded": True, **verdict.to_dict()}
    else:
        try:
            recorded = await asyncio.to_thread(
                store.record_answer,
                card_id,
                correct,
                None,
                elapsed,
                choice=chosen,
                rule=rule,
                source="lsp",
            )
        except StoreError as exc:
            raise JsonRpcInternalError(f"pyiq.recordAnswer: {exc}") from None
        result = {
            "recorded": True,
            "id": card_id,
            "choice": chosen,
            "correct": correct,
            "rating": recorded.rating_name,
            "next_due": recorded.card.due.isoformat(timespec="seconds"),
        }
    _answers_recorded(ls)
    return result


async def stats(ls: PyiqServer) -> dict[str, Any]:
    """What ``pyiq stats --format json`` prints, from this server's store.

    With the concepts mastered (``mastered_concepts``), whose hints are hidden.
    """
    store = ls.learning.store()
    if store is None:
        raise JsonRpcInternalError("pyiq.stats: the progress store is unavailable")
    from pyiq.practice.progress import summary
    from pyiq.quiz.mastery import mastered_concepts
    from pyiq.quiz.stats import compute

    threshold = ls.settings.mastery_threshold
    result = await asyncio.to_thread(compute, store, None, threshold)
    quieted = await asyncio.to_thread(mastered_concepts, store, ls.registry, threshold)
    data = {**result.to_dict(), "mastered_concepts": [rule.id for rule in quieted]}
    data["practice"] = await asyncio.to_thread(summary)
    return data


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


def show_mastered(ls: PyiqServer, args: tuple[Any, ...]) -> bool:
    """Shows (``true``) or hides (``false``) the hints of mastered concepts; no argument toggles.

    It lasts until the ``showMastered`` setting is sent again; the file's
    code lens offers it, saying how many mastered topics it hides.
    """
    wanted = _arg(_flatten(args), 0)
    value = wanted if isinstance(wanted, bool) else not ls.settings.show_mastered
    if value != ls.settings.show_mastered:
        ls.settings = replace(ls.settings, show_mastered=value)
        refresh_hints(ls)
    return value


def setup(server: PyiqServer) -> None:
    @server.command("pyiq.quizFile")
    @guarded(empty=None)
    async def quiz_file(ls: PyiqServer, *args: Any) -> Any:
        uri = _arg(_flatten(args), 0)
        document = ls.documents.get(uri) if isinstance(uri, str) else None
        if document is None:
            return dict(EMPTY_SUMMARY)
        return await run_quiz(ls, document, ls.findings(document))

    @server.command("pyiq.quizAt")
    @guarded(empty=None)
    async def quiz_at(ls: PyiqServer, *args: Any) -> Any:
        flat = _flatten(args)
        uri, pos = _arg(flat, 0), _arg(flat, 1)
        document = ls.documents.get(uri) if isinstance(uri, str) else None
        if document is None:
            return dict(EMPTY_SUMMARY)
        # The construct's own questions: none of those the file's imports raise.
        return await run_quiz(ls, document, _findings_near(ls, document, pos), imports=False)

    @server.command("pyiq.recordAnswer")
    @guarded(empty=None)
    async def record_answer_command(ls: PyiqServer, *args: Any) -> dict[str, Any]:
        return await record_answer(ls, args)

    @server.command("pyiq.stats")
    @guarded(empty=None)
    async def stats_command(ls: PyiqServer, *args: Any) -> dict[str, Any]:
        return await stats(ls)

    @server.command("pyiq.showMastered")
    @guarded(empty=None)
    def show_mastered_command(ls: PyiqServer, *args: Any) -> bool:
        return show_mastered(ls, args)

    @server.command("pyiq.explain")
    @guarded(empty=None)
    def explain_command(ls: PyiqServer, *args: Any) -> str | None:
        flat = _flatten(args)
        key, options = _arg(flat, 0), _arg(flat, 1)
        if not isinstance(key, str):
            return None
        text = explain(ls, key)
        # {"format": "plaintext"}: a client without a Markdown view (Emacs without
        # markdown-mode) shows the words, not the marks.
        if isinstance(options, dict) and options.get("format") == "plaintext":
            from pyiq.markdown_plain import to_plain

            return to_plain(text)
        return text
