from dataclasses import dataclass
from decimal import Decimal
from functools import total_ordering


@total_ordering
@dataclass(frozen=True)
class Money:
    """An amount of one currency; immutable, hashable, exact."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.amount, float):
            raise TypeError("use Decimal, int or str for money, not float")
        object.__setattr__(self, "amount", Decimal(self.amount))

    def __add__(self, other: object) -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise ValueError(f"cannot compare {other.currency} with {self.currency}")
        return self.amount < other.amount

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, {self.currency!r})"
