from dataclasses import dataclass


@dataclass
class Point:
    x: int


@dataclass(frozen=False)
class Mutable:
    x: int


@attrs.define(frozen=True)
class Other:
    x: int
