"""What the user knows: mastery and due reviews, for hovers, hints and code lenses.

A card is *mastered* when it has graduated from FSRS's learning steps
(state Review) and its retrievability, the predicted chance of recalling
it now, is at least the threshold (a setting, 0.9 by default). The state
condition matters: retrievability is 1.0 right after any review, so
without it a single lucky answer would count as mastery.

A *rule* (concept) is mastered when the user has answered at least one of
its cards (its linked bank questions and its predict-the-output card) and
every card answered so far is mastered; it is *due* when any of them is
due for review. The editor hides a mastered concept's hint and shows a
"Review due" code lens on a due one. Bug-risk rules are never hidden, but
that is the editor's rule to apply, not this module's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pyiq.bank import BankError, load_bank
from pyiq.bank.rules import RuleLike
from pyiq.quiz.cards import linked_questions, predict_card_id
from pyiq.quiz.scheduling import CardState, utc
from pyiq.quiz.store import Store

DEFAULT_THRESHOLD = 0.9


def is_mastered(
    card: CardState | None, threshold: float = DEFAULT_THRESHOLD, now: datetime | None = None
) -> bool:
    return card is not None and card.in_review and card.retrievability(now) >= threshold


def mastered(
    store: Store,
    question_ids: Iterable[str],
    threshold: float = DEFAULT_THRESHOLD,
    now: datetime | None = None,
) -> set[str]:
    """The ids among ``question_ids`` (card ids) that the user has mastered."""
    cards = store.cards(question_ids)
    return {cid for cid, card in cards.items() if is_mastered(card, threshold, now)}


def due(store: Store, now: datetime | None = None) -> list[CardState]:
    """Cards due for review at ``now``, most overdue first."""
    moment = utc(now)
    return sorted((c for c in store.cards().values() if c.due <= moment), key=lambda c: c.due)


def rule_card_ids(rule_id: str) -> list[str]:
    """Card ids that count for a rule: its linked bank questions and its predict card."""
    ids = [predict_card_id(rule_id)]
    try:
        bank = load_bank()
    except BankError:
        return ids
    return [q.id for q in linked_questions(bank, rule_id)] + ids


@dataclass(frozen=True, slots=True)
class RuleStatus:
    """What the user knows of one rule."""

    rule: str
    mastered: bool
    due: bool
    answered: int  # cards of the rule answered at least once
    due_ids: tuple[str, ...]  # the rule's cards due for review, most overdue first


class Snapshot:
    """Every card read once, to answer many mastery questions cheaply.

    The language server asks on every hover and code-lens request; one
    snapshot per document refresh (or when :meth:`stale` says another
    process recorded answers) keeps that off the disk.
    """

    def __init__(
        self,
        cards: dict[str, CardState],
        threshold: float = DEFAULT_THRESHOLD,
        now: datetime | None = None,
        version: int | None = None,
    ) -> None:
        self.cards = cards
        self.threshold = threshold
        self.now = utc(now)
        self.version = version
        self._rules: dict[str, RuleStatus] = {}

    @classmethod
    def load(
        cls, store: Store, threshold: float = DEFAULT_THRESHOLD, now: datetime | None = None
    ) -> Snapshot:
        version = store.data_version()
        return cls(store.cards(), threshold, now, version)

    def stale(self, store: Store) -> bool:
        """Whether answers were recorded (by any process) since the snapshot."""
        return self.version is None or store.data_version() != self.version

    def mastered(self, card_id: str) -> bool:
        return is_mastered(self.cards.get(card_id), self.threshold, self.now)

    def due(self, card_id: str) -> bool:
        card = self.cards.get(card_id)
        return card is not None and card.due <= self.now

    def rule_status(self, rule_id: str) -> RuleStatus:
        cached = self._rules.get(rule_id)
        if cached is not None:
            return cached
        answered = [self.cards[cid] for cid in rule_card_ids(rule_id) if cid in self.cards]
        due_cards = sorted((c for c in answered if c.due <= self.now), key=lambda c: c.due)
        status = RuleStatus(
            rule=rule_id,
            mastered=bool(answered)
            and all(is_mastered(c, self.threshold, self.now) for c in answered),
            due=bool(due_cards),
            answered=len(answered),
            due_ids=tuple(c.card_id for c in due_cards),
        )
        self._rules[rule_id] = status
        return status

    def rule_mastered(self, rule_id: str) -> bool:
        return self.rule_status(rule_id).mastered

    def rule_due(self, rule_id: str) -> bool:
        return self.rule_status(rule_id).due


def rule_status(
    store: Store,
    rule_id: str,
    threshold: float = DEFAULT_THRESHOLD,
    now: datetime | None = None,
) -> RuleStatus:
    """One rule's status, straight from the store (use a Snapshot for many)."""
    ids = rule_card_ids(rule_id)
    return Snapshot(store.cards(ids), threshold, now).rule_status(rule_id)


def mastered_concepts(
    store: Store, rules: Iterable[RuleLike], threshold: float = DEFAULT_THRESHOLD
) -> list[RuleLike]:
    """The concept rules the user has mastered, by name: those whose editor hints are hidden.

    Bug risks never count: their warnings stay whatever the user knows.
    """
    snap = Snapshot.load(store, threshold)
    if not snap.cards:
        return []
    concepts = (rule for rule in rules if rule.category == "concept")
    return sorted(
        (rule for rule in concepts if snap.rule_mastered(rule.id)),
        key=lambda rule: rule.name.lower(),
    )
