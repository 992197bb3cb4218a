from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)
class Node:
    value: int
    next: Node | None = None


def has_cycle(head: Node | None) -> bool:
    """True if following .next from head revisits a node."""
    raise NotImplementedError
