from abc import ABC


class Shape:
    pass


class Square(Shape):
    pass


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


class Abc(ABCD):
    pass


# An ABC that declares nothing abstract is the bug risk
# abstract-base-class-without-abstract-method, not this concept.
class Empty(ABC):
    def run(self):
        pass
