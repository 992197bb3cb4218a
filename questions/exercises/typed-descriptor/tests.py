import pytest
from solution import Typed


def point_class():
    class Point:
        x = Typed(int)
        y = Typed(int)

        def __init__(self, column, row):
            self.x = column
            self.y = row

    return Point


def test_accepts_the_right_type():
    p = point_class()(1, 2)
    assert (p.x, p.y) == (1, 2)


def test_rejects_the_wrong_type_with_the_name():
    p = point_class()(1, 2)
    with pytest.raises(TypeError, match="^x must be int, got str$"):
        p.x = "3"
    assert p.x == 1


def test_instances_are_independent():
    Point = point_class()
    a, b = Point(1, 2), Point(3, 4)
    a.x = 10
    assert (a.x, b.x) == (10, 3)


def test_unset_attribute():
    class Box:
        size = Typed(float)

    with pytest.raises(AttributeError):
        Box().size


def test_class_access_returns_the_descriptor():
    assert isinstance(point_class().x, Typed)
