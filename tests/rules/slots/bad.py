class Point:
    __slots__ = ("x", "y")
   #^^^^^^^^^ slots

    def __init__(self, x, y):
        self.x, self.y = x, y


class Node:
    __slots__: tuple[str, ...] = ("value", "__weakref__")
   #^^^^^^^^^ slots
