from decimal import Decimal

import pytest
from solution import Money


def test_equality_and_hash():
    assert Money("12.50", "EUR") == Money(Decimal("12.5"), "EUR")
    assert len({Money(1, "EUR"), Money("1", "EUR"), Money(1, "USD")}) == 2


def test_floats_are_refused():
    with pytest.raises(TypeError):
        Money(0.1, "EUR")


def test_addition():
    assert Money("0.10", "EUR") + Money("0.20", "EUR") == Money("0.30", "EUR")
    with pytest.raises(ValueError):
        Money(1, "EUR") + Money(1, "USD")


def test_ordering():
    assert Money(1, "EUR") < Money(2, "EUR")
    assert Money(3, "EUR") >= Money(2, "EUR")
    assert sorted([Money(3, "EUR"), Money(1, "EUR")])[0] == Money(1, "EUR")


def test_immutable():
    money = Money(1, "EUR")
    with pytest.raises(AttributeError):
        money.amount = Decimal(2)


def test_repr():
    assert repr(Money("12.50", "EUR")) == "Money('12.50', 'EUR')"


def test_not_equal_to_other_types():
    assert Money(1, "EUR") != 1
