def check(x, sentinel):
    if x is None or x is True or x is ...:
        return 0
    if x is sentinel:
        return 1
    return x == 1000
