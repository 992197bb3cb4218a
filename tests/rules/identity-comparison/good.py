def check(x, y):
    if x is 1000:  # is-literal, a bug-risk rule
        return 0
    if x is "admin":  # is-literal
        return 1
    if x == y:
        return 2
    if x is y is None:  # chained: not reported
        return 3
    return x in (1, 2)
