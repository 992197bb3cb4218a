import unittest


def test_plain():
    assert 1 + 1 == 2


@fixture
def client():
    return None


@my.pytest.fixture
def other():
    return None
