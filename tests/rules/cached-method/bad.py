import functools
from functools import cache, lru_cache


class Prices:
    @functools.lru_cache(maxsize=128)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ cached-method
    def quote(self, sku):
        return sku

    @cache
    #^^^^^ cached-method
    def total(self):
        return 0

    @lru_cache
    #^^^^^^^^^ cached-method
    @property
    def label(self):
        return "prices"
