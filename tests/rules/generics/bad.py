from typing import Generic, TypeVar
import typing

T = TypeVar("T")
#   ^^^^^^^ generics
P = typing.ParamSpec("P")
#   ^^^^^^^^^^^^^^^^ generics


class Stack(Generic[T]):
#           ^^^^^^^^^^ generics
    pass


def first[U](items: list[U]) -> U:
#        ^^^ generics
    return items[0]


class Box[V: (int, str)]:
#        ^^^^^^^^^^^^^^^ generics
    pass


type Pair[K] = tuple[K, K]
#        ^^^ generics
