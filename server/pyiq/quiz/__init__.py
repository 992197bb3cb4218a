"""The quiz engine: questions from the user's own code, spaced repetition, durable progress.

One engine serves the terminal (``pyiq quiz``) and the language server
(``pyiq.quizFile`` / ``pyiq.quizAt``, hovers, hints and code lenses).

API for clients
===============

Open the store once per process and keep it (it is thread-safe)::

    from pyiq.quiz import Store, build_quiz, answer
    store = Store.open()            # or Store.open(data_dir=...); PYIQ_DATA_DIR is honoured
    for notice in store.notices:    # e.g. a corrupt file moved aside: show it to the user
        ...

Build a quiz (a list of :class:`QuizItem`, most relevant first)::

    items = build_quiz(Path("src/"), store=store, count=10, level=None, topic=None)
    items = build_quiz(text, findings, store=store, path=uri)   # an editor buffer;
                                                                # findings: e.g. those at the cursor

Each item has ``id`` (the card id to record under), ``kind`` ("bank" or
"predict"), ``prompt`` (Markdown), ``code`` (Python or None), ``choices``
(``text``, ``correct``, ``explanation``), ``correct_index``,
``question_id`` (``pyiq explain <question_id>`` has the full answer),
``rule``, ``topic``, ``level``, ``path``, ``line`` and ``reason``.

Record an answer (committed before returning) and get the verdict::

    verdict = answer(store, item, choice_index, elapsed_seconds, rating=None, source="lsp")
    verdict.correct, verdict.explanation, verdict.item.correct.explanation, verdict.next_due

or, without an item, ``store.record_answer(question_id, correct, rating, elapsed)``.
``rating`` is None (rated from correctness and time) or again/hard/good/easy.
For message-based UIs, ``item.plain_prompt`` (prompt and code, no Markdown)
and ``verdict.message`` (verdict, misconception, explanation, pointer) are
ready-made; choice texts within an item are distinct, so they can serve as
``MessageActionItem`` titles.

``build_quiz`` is synchronous and proves predict questions by running small
snippets in subprocesses (tens to hundreds of milliseconds); an asyncio
server should call it through ``asyncio.to_thread``.

Mastery for hovers, hints and code lenses::

    from pyiq.quiz import mastery
    snap = mastery.Snapshot.load(store, threshold=0.9)   # reload when snap.stale(store)
    snap.rule_mastered("closure")   # hide a concept's hint, one-line hover
    snap.rule_status("closure").due # show a "Review due" code lens
    mastery.mastered(store, question_ids, threshold)  # -> set of mastered ids
    mastery.due(store)                                # -> cards due now, most overdue first

Errors: :class:`StoreError` (store unusable, e.g. written by a newer pyiq),
:class:`pyiq.bank.BankError` (bank invalid, possibly mid-edit),
:class:`QuizError` (unknown level or topic).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyiq.quiz.builder import QuizError, build_quiz
    from pyiq.quiz.model import ItemChoice, QuizItem, Verdict
    from pyiq.quiz.session import answer
    from pyiq.quiz.store import Store, StoreError

# Imported on first use: the language server imports this package at
# start-up, and the store, the scheduler and the runner are not all needed
# by every feature.
_EXPORTS = {
    "QuizError": "pyiq.quiz.builder",
    "build_quiz": "pyiq.quiz.builder",
    "ItemChoice": "pyiq.quiz.model",
    "QuizItem": "pyiq.quiz.model",
    "Verdict": "pyiq.quiz.model",
    "answer": "pyiq.quiz.session",
    "Store": "pyiq.quiz.store",
    "StoreError": "pyiq.quiz.store",
}

__all__ = [
    "ItemChoice",
    "QuizError",
    "QuizItem",
    "Store",
    "StoreError",
    "Verdict",
    "answer",
    "build_quiz",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pyiq.quiz' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
