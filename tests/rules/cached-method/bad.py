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


# Through import aliases.
from functools import lru_cache as memo
import functools as ft


class Rates:
    @memo
    #^^^^ cached-method
    def rate(self, code):
        return code

    @ft.cache
    #^^^^^^^^ cached-method
    def table(self):
        return {}
