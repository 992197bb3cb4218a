"""Card ids and what they stand for.

A card is either a bank question (its id is the question id) or the
predict-the-output exercise of one rule (``predict:<rule-id>``): the same
exercise built from different files is one card, because what is learnt is
the rule's behaviour, not the names in one file. Topic and level of a card
come from the bank, best effort, so that statistics can group answers even
when the client that recorded them did not say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyiq.bank import Bank, Question

_LEVEL_ORDER = {"junior": 0, "mid": 1, "senior": 2}

PREDICT_PREFIX = "predict:"


def predict_card_id(rule_id: str) -> str:
    return PREDICT_PREFIX + rule_id


def predict_rule(card_id: str) -> str | None:
    """The rule of a predict card id, or None for a bank question id."""
    return card_id[len(PREDICT_PREFIX) :] if card_id.startswith(PREDICT_PREFIX) else None


@dataclass(frozen=True, slots=True)
class CardInfo:
    kind: str  # "bank" or "predict"
    topic: str | None
    level: str | None
    rule: str | None


def describe(card_id: str) -> CardInfo:
    """Kind, topic, level and rule of a card, from the bank when it loads."""
    rule = predict_rule(card_id)
    kind = "predict" if rule is not None else "bank"
    from pyiq.bank import BankError, load_bank

    try:
        bank = load_bank()
    except BankError:
        return CardInfo(kind, None, None, rule)
    if rule is None:
        question = bank.get(card_id)
        if question is None:
            return CardInfo(kind, None, None, None)
        return CardInfo(kind, question.topic, question.level, None)
    linked = linked_questions(bank, rule)
    if not linked:
        return CardInfo(kind, None, None, rule)
    return CardInfo(kind, linked[0].topic, linked[0].level, rule)


def linked_questions(bank: Bank, rule_id: str) -> list[Question]:
    """Bank questions of a rule, most basic level first, then in bank order.

    Bank order within a level is the writers' choice of what to ask first.
    """
    linked = bank.for_rule(rule_id)
    return sorted(linked, key=lambda q: _LEVEL_ORDER.get(q.level, 3))  # stable sort
