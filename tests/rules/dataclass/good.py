from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    x: int


@dataclass
def not_a_class():
    pass


class Plain:
    x: int = 0
