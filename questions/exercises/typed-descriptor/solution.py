class Typed:
    """A class attribute that only accepts values of one type."""

    def __init__(self, kind: type) -> None:
        self.kind = kind
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: object, objtype: type | None = None) -> object:
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None

    def __set__(self, obj: object, value: object) -> None:
        if not isinstance(value, self.kind):
            raise TypeError(
                f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}"
            )
        obj.__dict__[self.name] = value
