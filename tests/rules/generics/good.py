from typing import Any


def first(items: list[int]) -> int:
    return items[0]


class Box(Base):
    pass


type Alias = list[int]
values: dict[str, Any] = {}
