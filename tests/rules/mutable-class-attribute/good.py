from dataclasses import dataclass, field
from typing import ClassVar, Final, Sequence

from pydantic import BaseModel


class Cart:
    __slots__ = ["items"]
    registry: ClassVar[dict[str, "Cart"]] = {}
    LIMITS: Final = [1, 2]
    names: Sequence[str] = ["a"]
    sizes = (1, 2)
    frozen = frozenset()

    def __init__(self):
        self.items = []
        local = []
        self.local = local

    if True:
        nested = []


class Later:
    registry: ClassVar[list[int]] = []
    registry = []


@dataclass
class Order:
    lines: list[str] = field(default_factory=list)
    tags: set[str] = set()


class Settings(BaseModel):
    hosts: list[str] = []


items = []
