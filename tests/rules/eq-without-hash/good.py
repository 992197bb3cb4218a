class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))


class Mutable:
    def __eq__(self, other):
        return self is other

    __hash__ = None


class Plain:
    def equals(self, other):
        return self == other


class Declared:
    __eq__ = object.__eq__
    __hash__: None


class HashInABlock:
    try:
        def __eq__(self, other):
            return self is other
    finally:
        __hash__ = object.__hash__


class OnlyInATry:  # ruff reports it; pyiq looks into `if` blocks only for `__eq__`
    try:
        __eq__ = object.__eq__
    finally:
        pass
