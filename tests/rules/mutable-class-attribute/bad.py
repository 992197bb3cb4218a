import collections
from dataclasses import dataclass


class Cart:
    items = []
#           ^^ mutable-class-attribute
    totals: dict[str, float] = {}
#                              ^^ mutable-class-attribute
    seen = tags = set()
#                 ^^^^^ mutable-class-attribute
    counts = collections.Counter()
#            ^^^^^^^^^^^^^^^^^^^^^ mutable-class-attribute
    history = (
        collections.deque()
#       ^^^^^^^^^^^^^^^^^^^ mutable-class-attribute
    )
    squares = [n * n for n in range(3)]
#             ^^^^^^^^^^^^^^^^^^^^^^^^^ mutable-class-attribute


@dataclass
class Order:
    lines: list[str] = []
    defaults = {"currency": "EUR"}
#              ^^^^^^^^^^^^^^^^^^^ mutable-class-attribute
