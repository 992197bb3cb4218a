def counter():
    count = 0

    def increment():
        nonlocal count
       #^^^^^^^^^^^^^^ nonlocal
        count += 1
        return count

    return increment


def pair():
    a = b = 0

    def swap():
        nonlocal a, b
       #^^^^^^^^^^^^^ nonlocal
        a, b = b, a

    return swap
