import enum
import functools
from functools import cache, cached_property, lru_cache


@lru_cache(maxsize=None)
def quote(sku):
    return sku


class Prices:
    @staticmethod
    @cache
    def rate(currency):
        return 1.0

    @classmethod
    @functools.lru_cache
    def default(cls):
        return cls()

    @cached_property
    def total(self):
        return 0

    def outer(self):
        @cache
        def inner(x):
            return x

        return inner


class Color(enum.Enum):
    RED = 1

    @cache
    def mixed(self):
        return self.value


def cache_me(f):
    return f


class Other:
    @cache_me
    def f(self):
        return 1


# A decorator parameter named like the alias is not functools'.
from functools import lru_cache as memo


def make(memo):
    class Rates:
        @memo
        def rate(self, code):
            return code

    return Rates
