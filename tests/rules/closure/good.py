import math

LIMIT = 10


def outer(values):
    def helper(x):
        y = x * 2
        return math.sqrt(y) + LIMIT

    def uses_own(values):
        return [v for v in values]

    def attribute_only(obj):
        return obj.values

    def keyword_only(f):
        return f(values=1)

    return helper, uses_own, attribute_only, keyword_only


class Service:
    timeout = 5

    def method(self):
        return timeout  # class scope is not visible to methods


def top_level(x):
    return x
