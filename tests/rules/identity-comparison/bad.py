def check(x, y, sentinel):
    if x is None:
    #  ^^^^^^^^^ identity-comparison
        return 0
    if y is not None:
    #  ^^^^^^^^^^^^^ identity-comparison
        return 1
    if x is y:
    #  ^^^^^^ identity-comparison
        return 2
    if type(x) is int:
    #  ^^^^^^^^^^^^^^ identity-comparison
        return 3
    return x is sentinel or x is True
    #      ^^^^^^^^^^^^^ identity-comparison
    #                       ^^^^^^^^^ identity-comparison
