class Point:
#     ^^^^^ eq-without-hash
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


class Version:
#     ^^^^^^^ eq-without-hash
    if True:
        __eq__ = lambda self, other: True  # noqa: E731
