class Countdown:
    """Iterable over start, start - 1, ..., 1, as often as you like."""

    def __init__(self, start: int) -> None:
        raise NotImplementedError
