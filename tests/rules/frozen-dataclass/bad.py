import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
#^^^^^^^^^ frozen-dataclass
class Point:
    x: int
    y: int


@dataclasses.dataclass(order=True, frozen=True)
#^^^^^^^^^^^^^^^^^^^^^ frozen-dataclass
class Version:
    major: int
