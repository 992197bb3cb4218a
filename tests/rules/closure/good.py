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


x = 0


def comprehensions(values):
    squares = [x * x for x in values]

    def reads_module_x():
        return x  # the comprehension's x was never a local of `comprehensions`

    def own_comprehension(items):
        return [item for item in items]

    def target_shadows_an_outer_name():
        return [values for values in range(3)]

    return squares, reads_module_x, own_comprehension, target_shadows_an_outer_name
