import enum
from abc import ABC
from enum import Enum


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


# An enum has its own rule (enum-class): subclassing Enum is not the
# inheritance question.
class Color(Enum):
    RED = 1


class Permission(enum.Flag):
    READ = enum.auto()
