from __future__ import annotations

from dataclasses import dataclass


@dataclass(eq=False)
class Node:
    value: int
    next: Node | None = None


def has_cycle(head: Node | None) -> bool:
    """True if following .next from head revisits a node (Floyd's tortoise and hare)."""
    slow = fast = head
    while fast is not None and fast.next is not None:
        slow = slow.next
        fast = fast.next.next
        if slow is fast:
            return True
    return False
