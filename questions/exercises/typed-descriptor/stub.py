class Typed:
    """A class attribute that only accepts values of one type."""

    def __init__(self, kind: type) -> None:
        raise NotImplementedError
