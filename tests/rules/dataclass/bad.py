import dataclasses
from dataclasses import dataclass, field


@dataclass
#^^^^^^^^^ dataclass
class Point:
    x: int
    y: int = 0


@dataclasses.dataclass(order=True)
#^^^^^^^^^^^^^^^^^^^^^ dataclass
class Version:
    major: int
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=False, slots=True)
#^^^^^^^^^ dataclass
class Node:
    value: int
