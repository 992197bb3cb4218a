import pytest
#      ^^^^^^ pytest


@pytest.fixture
#^^^^^^^^^^^^^^ pytest
def client():
    return object()


@pytest.fixture(scope="module")
#^^^^^^^^^^^^^^ pytest
def db():
    yield None


@pytest.mark.parametrize("value", [1, 2])
#^^^^^^^^^^^^^^^^^^^^^^^ pytest
def test_value(value):
    with pytest.raises(ValueError):
    #    ^^^^^^^^^^^^^ pytest
        int("x")
    assert 0.1 + 0.2 == pytest.approx(0.3)
    #                   ^^^^^^^^^^^^^ pytest
