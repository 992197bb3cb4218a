import collections
import typing
from typing import NamedTuple

Point = collections.namedtuple("Point", "x y")
#       ^^^^^^^^^^^^^^^^^^^^^^ namedtuple
Pair = namedtuple("Pair", ["left", "right"])
#      ^^^^^^^^^^ namedtuple


class Employee(NamedTuple):
#     ^^^^^^^^ namedtuple
    name: str
    id: int = 0


class Version(typing.NamedTuple):
#     ^^^^^^^ namedtuple
    major: int
