import functools
from functools import lru_cache


@retry(3)  # a decorator factory: its own rule
def fetch():
    pass


class Shape:
    @property
    def area(self):
        return 0

    @area.setter
    def area(self, value):
        pass

    @staticmethod
    def unit():
        pass

    @classmethod
    def make(cls):
        return cls()

    @functools.cached_property
    def size(self):
        return 1

    @abc.abstractmethod
    def draw(self):
        pass


@lru_cache
def fib(n):
    return n


@dataclasses.dataclass
class Point:
    x: int


@contextlib.contextmanager
def opened():
    yield


@pytest.fixture
def client():
    return None


timed = timer(slow)  # applying a function by hand is not decorator syntax
