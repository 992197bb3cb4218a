"""Choosing and building the questions of a quiz.

Order of relevance, as a person preparing for an interview would want it:

1. bug risks found in the code (new or due first, then those answered and
   not yet due, mastered last), each led by its predict-the-output question
   built from the user's code;
2. concepts the user has not mastered (never answered or due first, then
   those still learning but not yet due);
3. concepts due for review;
4. the rest (mastered, not due), so a quiz on a file is never empty.

Within a tier, rules take turns (every rule's first question before any
rule's second) in the order they appear in the code, so a short quiz
covers many constructs. Predict questions are proven by running their
snippet only once chosen, in parallel, and a snippet that fails to run is
replaced by the next candidate.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pyiq.analysis import Finding, load_registry
from pyiq.analysis.imports import import_map
from pyiq.bank import LEVELS, Bank, BankError, Question, load_bank
from pyiq.bank.suggest import suggestion_text
from pyiq.links import questions_for_finding
from pyiq.quiz.cards import linked_questions, predict_card_id
from pyiq.quiz.mastery import DEFAULT_THRESHOLD, is_mastered
from pyiq.quiz.model import ItemChoice, QuizItem
from pyiq.quiz.predict import Draft, draft_for, has_generator, prove
from pyiq.quiz.runner import RunResult, run_many
from pyiq.quiz.scheduling import CardState, utc
from pyiq.quiz.sites import Site, sites_in_paths, sites_in_source
from pyiq.quiz.store import Store

DEFAULT_COUNT = 10

Target = Path | str | bytes | Sequence[Path] | None


class QuizError(ValueError):
    """A quiz request that cannot be met (unknown topic or level); the message says why."""


@dataclass(slots=True)
class _Candidate:
    card_id: str
    rule: str | None
    site: Site | None
    question: Question | None  # the bank question (or the predict card's pointer)
    draft: Draft | None
    round: int  # position among its rule's candidates
    order: int  # position of its rule in the code
    topic: str
    level: str
    tier: tuple[int, int] = (0, 0)
    reason: str = "new"


def build_quiz(
    target: Target,
    findings: Sequence[Finding] | None = None,
    store: Store | None = None,
    count: int = DEFAULT_COUNT,
    level: str | None = None,
    topic: str | None = None,
    *,
    path: str | None = None,
    predict: bool = True,
    threshold: float = DEFAULT_THRESHOLD,
    now: datetime | None = None,
    bank: Bank | None = None,
    tag: str | None = None,
    problems: list[str] | None = None,
    imports: bool = True,
) -> list[QuizItem]:
    """The questions to ask about ``target``, most relevant first.

    ``target`` is a file or folder (``Path``), several of them, an editor
    buffer (``str`` or ``bytes``, named by ``path`` in the items), or None
    for a review quiz from the bank alone (due cards, then new questions).
    ``findings`` restricts a buffer's quiz to those findings (e.g. the ones
    under the cursor); without them the buffer is analysed. ``store`` makes
    the order follow the user's progress; without it every card is new.
    Files under ``target`` that cannot be read are skipped, each named in
    ``problems`` when given. ``imports`` adds the questions the files'
    imports raise (a whole-file quiz); a quiz on one construct leaves them
    out, or "Quiz me on this `eval`" would go on about `functools`.

    Raises :class:`QuizError` for an unknown level or topic and
    :class:`pyiq.bank.BankError` when the bank cannot be loaded.
    """
    bank = bank or load_bank()
    _check_filters(bank, level, topic)
    if tag is not None and tag not in bank.tags:
        raise QuizError(f"unknown tag {tag!r}{suggestion_text(tag, bank.tags)}")
    moment = utc(now)
    if target is None:
        candidates = _review_candidates(bank, store, level, topic, moment)
    else:
        sites = _sites(target, findings, path, problems)
        candidates = _code_candidates(sites, bank, level, topic, predict)
        if imports:
            candidates += _import_candidates(sites, bank, level, topic, len(candidates))
        cards = store.cards(c.card_id for c in candidates) if store is not None else {}
        for candidate in candidates:
            _rank(candidate, cards.get(candidate.card_id), threshold, moment)
        candidates.sort(key=lambda c: (c.tier, c.round, c.order))
    if tag is not None:
        candidates = [c for c in candidates if c.question and tag in c.question.tags]
    return _realise(_unique(candidates), max(0, count))


def quiz_sites(target: Target, findings: Sequence[Finding] | None = None) -> list[Site]:
    """The findings a quiz on ``target`` draws from (for "questions seen in a folder")."""
    return _sites(target, findings, None)


def _check_filters(bank: Bank, level: str | None, topic: str | None) -> None:
    if level is not None and level not in LEVELS:
        raise QuizError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}")
    if topic is not None and topic not in bank.topics:
        raise QuizError(f"unknown topic {topic!r}{suggestion_text(topic, list(bank.topics))}")


def _sites(
    target: Target,
    findings: Sequence[Finding] | None,
    path: str | None,
    problems: list[str] | None = None,
) -> list[Site]:
    if isinstance(target, (str, bytes)):
        return sites_in_source(target, findings, path)
    paths = [target] if isinstance(target, Path) else list(target or ())
    sites, skipped = sites_in_paths(paths)
    if problems is not None:
        problems.extend(skipped)
    return sites


def _code_candidates(
    sites: list[Site], bank: Bank, level: str | None, topic: str | None, predict: bool
) -> list[_Candidate]:
    registry = load_registry()
    by_rule: dict[str, list[Site]] = {}
    for site in sites:
        if site.rule in registry.rules:
            by_rule.setdefault(site.rule, []).append(site)
    candidates: list[_Candidate] = []
    for order, (rule, rule_sites) in enumerate(by_rule.items()):
        placed = _site_questions(bank, rule, rule_sites)
        linked = [question for question, _ in placed]
        wanted = [(q, site) for q, site in placed if _fits(q.level, q.topic, level, topic)]
        bug = registry.rules[rule].is_bug_risk
        position = 0
        if predict and has_generator(rule):
            pointer = linked[0] if linked else None
            p_topic = pointer.topic if pointer else "predict"
            p_level = pointer.level if pointer else LEVELS[0]
            if _fits(p_level, p_topic, level, topic):
                for site in rule_sites:
                    draft = draft_for(site)
                    if draft is not None:
                        candidates.append(
                            _Candidate(
                                predict_card_id(rule), rule, site, pointer, draft, 0, order,
                                p_topic, p_level, (0 if bug else 1, 0),
                            )
                        )  # fmt: skip
                        position = 1
                        break
        for index, (question, site) in enumerate(wanted):
            candidates.append(
                _Candidate(
                    question.id, rule, site, question, None, position + index, order,
                    question.topic, question.level, (0 if bug else 1, 0),
                )
            )  # fmt: skip
    return candidates


def _site_questions(bank: Bank, rule: str, sites: list[Site]) -> list[tuple[Question, Site]]:
    """The questions a rule's findings raise, each at the site it fits best, best fit first.

    ``questions_for_finding`` ranks each finding's questions for its own code
    (``with lock:`` asks about locks, ``with open(...)`` about files); a
    question keeps the finding where it ranks highest, so the quiz shows the
    code the question is about. A caller's own bank (not the process-wide
    one the links are computed from) gets the rule's questions at the first site.
    """
    try:
        shared = bank is load_bank()
    except BankError:
        shared = False
    if not shared:
        return [(question, sites[0]) for question in linked_questions(bank, rule)]
    best: dict[str, tuple[int, int, Question, Site]] = {}
    for site in sites:
        for index, question in enumerate(questions_for_finding(site.finding)):
            known = best.get(question.id)
            if known is None or index < known[0]:
                best[question.id] = (
                    index,
                    len(best) if known is None else known[1],
                    question,
                    site,
                )
    ranked = sorted(best.values(), key=lambda entry: (entry[0], entry[1]))
    return [(question, site) for _, _, question, site in ranked]


def _import_candidates(
    sites: list[Site], bank: Bank, level: str | None, topic: str | None, order: int
) -> list[_Candidate]:
    """Questions the files' imports raise though no construct does (``import flask``).

    Questions about frameworks, packaging or data libraries never match a
    rule; the modules a file imports are what makes them relevant to it.
    """
    modules: list[str] = []
    seen_files: set[int] = set()
    for site in sites:
        if id(site.file) in seen_files:
            continue
        seen_files.add(id(site.file))
        for qualified in import_map(site.file.tree, site.file.source).values():
            module = qualified.split(".")[0]
            if module and module not in modules:
                modules.append(module)
    candidates: list[_Candidate] = []
    for module in modules:
        for question in bank.for_import(module):
            if _fits(question.level, question.topic, level, topic):
                candidates.append(
                    _Candidate(
                        question.id, None, None, question, None, 0, order + len(candidates),
                        question.topic, question.level, (1, 0),
                    )
                )  # fmt: skip
    return candidates


def _fits(q_level: str, q_topic: str, level: str | None, topic: str | None) -> bool:
    return (level is None or q_level == level) and (topic is None or q_topic == topic)


def _rank(candidate: _Candidate, card: CardState | None, threshold: float, now: datetime) -> None:
    """Sets the candidate's tier and the reason shown to the user."""
    bug = candidate.tier[0] == 0
    known = is_mastered(card, threshold, now)
    if card is None:
        reason = "new"
    elif card.due <= now:
        reason = "due"
    elif not known:
        reason = "learning"
    else:
        reason = "review"
    # A card answered minutes ago and not yet due waits behind new and due ones of its
    # tier, as in Anki: asking it again at once would test short-term memory only.
    waiting = {"learning": 1, "review": 2}.get(reason, 0)
    if bug:
        candidate.tier = (0, waiting)
        candidate.reason = "bug-risk"
    elif not known:
        candidate.tier = (1, waiting)
        candidate.reason = reason
    elif reason == "due":
        candidate.tier = (2, 0)
        candidate.reason = reason
    else:
        candidate.tier = (3, 0)
        candidate.reason = reason


def _review_candidates(
    bank: Bank, store: Store | None, level: str | None, topic: str | None, now: datetime
) -> list[_Candidate]:
    """A quiz without code: due bank questions first, then ones never answered."""
    cards = store.cards() if store is not None else {}
    due: list[tuple[datetime, _Candidate]] = []
    fresh: list[_Candidate] = []
    for order, question in enumerate(bank):
        if not _fits(question.level, question.topic, level, topic):
            continue
        candidate = _Candidate(
            question.id, None, None, question, None, 0, order, question.topic, question.level
        )
        card = cards.get(question.id)
        if card is None:
            candidate.reason = "new"
            fresh.append(candidate)
        elif card.due <= now:
            candidate.reason = "due"
            due.append((card.due, candidate))
    due.sort(key=lambda pair: pair[0])
    return [c for _, c in due] + fresh


def _unique(candidates: list[_Candidate]) -> list[_Candidate]:
    seen: set[str] = set()
    kept = []
    for candidate in candidates:
        if candidate.card_id not in seen:
            seen.add(candidate.card_id)
            kept.append(candidate)
    return kept


def _realise(candidates: list[_Candidate], count: int) -> list[QuizItem]:
    """Items for the first ``count`` candidates, proving predict ones in batches."""
    items: list[QuizItem] = []
    index = 0
    while len(items) < count and index < len(candidates):
        batch = candidates[index : index + (count - len(items))]
        index += len(batch)
        drafts = [c.draft for c in batch if c.draft is not None]
        results = iter(run_many([d.code for d in drafts]))
        for candidate in batch:
            if candidate.draft is not None:
                item = _predict_item(candidate, candidate.draft, next(results))
            else:
                item = _bank_item(candidate)
            if item is not None:
                items.append(item)
    return items


def _predict_item(candidate: _Candidate, draft: Draft, result: RunResult) -> QuizItem | None:
    proven = prove(draft, result)
    if proven is None:
        return None
    site = candidate.site
    pointer = candidate.question
    return QuizItem(
        id=candidate.card_id,
        kind="predict",
        prompt=draft.prompt,
        code=draft.code,
        choices=proven.choices,
        correct_index=proven.correct_index,
        question_id=pointer.id if pointer else None,
        question=pointer.question if pointer else None,
        rule=candidate.rule,
        topic=candidate.topic,
        level=candidate.level,
        path=site.path if site else None,
        line=site.line if site else None,
        reason=candidate.reason,
        cell=site.cell if site else None,
    )


def _bank_item(candidate: _Candidate) -> QuizItem:
    question = candidate.question
    assert question is not None
    choices = [
        ItemChoice(choice.text, choice.correct, choice.explanation)
        for choice in question.quiz.choices
    ]
    # The bank lists the correct choice first; the order shown must not give it away.
    seed = int.from_bytes(hashlib.sha256(question.id.encode()).digest()[:8], "big")
    random.Random(seed).shuffle(choices)
    site = candidate.site
    return QuizItem(
        id=question.id,
        kind="bank",
        prompt=question.quiz.prompt,
        code=question.quiz.code,
        choices=tuple(choices),
        correct_index=next(i for i, c in enumerate(choices) if c.correct),
        question_id=question.id,
        question=question.question,
        rule=candidate.rule,
        topic=question.topic,
        level=question.level,
        path=site.path if site else None,
        line=site.line if site else None,
        reason=candidate.reason,
        cell=site.cell if site else None,
    )
