from decimal import Decimal


class Money:
    """An amount of one currency; immutable, hashable, exact."""

    def __init__(self, amount: Decimal | int | str, currency: str) -> None:
        raise NotImplementedError
