from abc import ABC


class Plain:
    pass


class Explicit(object):
    pass


class Shape(ABC):
    pass


class NotFound(LookupError):
    pass


class Failure(Exception):
    pass


class Meta(type):
    pass


class Point(NamedTuple):
    x: int


class TestThing(unittest.TestCase):
    pass


class Reader(Protocol):
    def read(self) -> bytes: ...


class Stack(Generic[T]):
    pass


class Both(Left, Right):  # multiple-inheritance
    pass
