import functools

_cache = {}


def memo(n):
    if n not in _cache:
        _cache[n] = n * 2
    return _cache[n]


@my_cache
def parse(text):
    return text


class Report:
    @property
    def total(self):
        return 42


cached = functools.lru_cache(maxsize=32)(memo)  # not decorator syntax


class Prices:
    @functools.lru_cache(maxsize=64)
    def quote(self, sku):  # cached-method reports this one
        return sku
