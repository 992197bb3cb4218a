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
