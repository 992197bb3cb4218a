class Counter:
    """An integer counter that many threads may change at once."""

    def increment(self, by: int = 1) -> None:
        raise NotImplementedError

    def decrement(self, by: int = 1) -> None:
        raise NotImplementedError

    @property
    def value(self) -> int:
        raise NotImplementedError
