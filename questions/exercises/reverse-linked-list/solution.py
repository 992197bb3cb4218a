from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)
class Node:
    value: int
    next: Node | None = None


def reverse(head: Node | None) -> Node | None:
    """Reverse the list in place; return the new head."""
    previous = None
    current = head
    while current is not None:
        current.next, previous, current = previous, current, current.next
    return previous
