class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
    #   ^^^^^^ eq-hash
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
    #   ^^^^^^^^ eq-hash
        return hash((self.x, self.y))
