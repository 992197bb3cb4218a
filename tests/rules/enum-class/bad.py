import enum
from enum import IntEnum


class Color(enum.Enum):
#     ^^^^^ enum-class
    RED = 1


class Level(IntEnum):
#     ^^^^^ enum-class
    LOW = 1
