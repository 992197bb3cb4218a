import functools
from functools import cache, cached_property, lru_cache


@functools.lru_cache(maxsize=None)
#^^^^^^^^^^^^^^^^^^^ lru-cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@lru_cache
#^^^^^^^^^ lru-cache
def parse(text):
    return text.split()


@lru_cache()
#^^^^^^^^^ lru-cache
def load(path):
    return path


@cache
#^^^^^ lru-cache
def factorial(n):
    return 1 if n < 2 else n * factorial(n - 1)


class Report:
    @cached_property
    #^^^^^^^^^^^^^^^ lru-cache
    def total(self):
        return 42
