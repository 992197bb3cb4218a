def check(x, sentinel):
    if x is None or x is True or x is ...:
        return 0
    if x is sentinel:
        return 1
    return x == 1000


def not_constants(x, a, b, items):
    return x is -1 or x is (a, b) or x is f"{a}" or x is (i for i in items) or x is list()
