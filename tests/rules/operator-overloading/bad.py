class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
    #   ^^^^^^^ operator-overloading
        return Vector(self.x + other.x, self.y + other.y)

    def __rmul__(self, k):
    #   ^^^^^^^^ operator-overloading
        return Vector(k * self.x, k * self.y)

    def __iadd__(self, other):
    #   ^^^^^^^^ operator-overloading
        return self + other

    def __neg__(self):
    #   ^^^^^^^ operator-overloading
        return Vector(-self.x, -self.y)

    def __lt__(self, other):
    #   ^^^^^^ operator-overloading
        return abs(self) < abs(other)


class Bag:
    def __len__(self):
    #   ^^^^^^^ operator-overloading
        return 0

    def __getitem__(self, index):
    #   ^^^^^^^^^^^ operator-overloading
        raise IndexError(index)

    def __contains__(self, item):
    #   ^^^^^^^^^^^^ operator-overloading
        return False
