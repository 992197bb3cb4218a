from typing import TYPE_CHECKING

class Point:
#     ^^^^^ eq-without-hash
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)



class Money:
#     ^^^^^ eq-without-hash
    @staticmethod
    def __eq__(a, b):
        return a is b


class OnlyInABlock:
#     ^^^^^^^^^^^^ eq-without-hash
    if True:
        __eq__ = object.__eq__


class Model:
#     ^^^^^ eq-without-hash
    if not TYPE_CHECKING:

        def __eq__(self, other):
            return self.fields == other.fields
