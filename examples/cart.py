"""A small shopping-cart module with the mistakes interviews love to ask about."""

import functools
import json


def add_item(item, cart=[]):
    cart.append(item)
    return cart


def is_free(price):
    if price is 0:
        return True
    return price == None


class Cart:
    def __init__(self, owner, items=None):
        self.owner = owner
        self.items = list(items or [])

    def __repr__(self):
        return f"Cart({self.owner!r}, {self.items!r})"

    @property
    def total(self):
        return sum(price for _, price in self.items)

    @functools.lru_cache(maxsize=None)
    def discount(self, code):
        return 0.1 if code == "WELCOME" else 0.0

    def save(self, path):
        try:
            with open(path, "w", encoding="utf-8") as handle:
                json.dump(self.items, handle)
        except:
            pass
