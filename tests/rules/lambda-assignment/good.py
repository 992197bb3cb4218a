from collections.abc import Callable
from dataclasses import dataclass, field


def square(x):
    return x * x


first = second = lambda: 0
handlers = {"a": lambda: 1}
handlers["b"] = lambda: 2


@dataclass
class Config:
    factory: Callable[[], int] = lambda: 0
    items: list = field(default_factory=lambda: [])
