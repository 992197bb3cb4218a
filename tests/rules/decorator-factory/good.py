@retry
def fetch():
    pass


@dataclass(order=True)
class Point:
    x: int


@functools.lru_cache(maxsize=128)
def fib(n):
    return n


@pytest.fixture(scope="module")
def client():
    return None


@pytest.mark.parametrize("x", [1, 2])
def test_x(x):
    pass


retry(3)(fetch)  # applying the factory by hand is not decorator syntax
