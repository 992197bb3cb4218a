def make_multiplier(factor):
    def multiply(x):
    #   ^^^^^^^^ closure
        return x * factor

    return multiply


def counter():
    count = 0

    def increment():
    #   ^^^^^^^^^ closure
        nonlocal count
        count += 1
        return count

    return increment


def decorator(func):
    def wrapper(*args, **kwargs):
    #   ^^^^^^^ closure
        return func(*args, **kwargs)

    return wrapper


def outer():
    items = []

    class Local:
        def add(self, item):
        #   ^^^ closure
            items.append(item)

    if items:

        def total():
        #   ^^^^^ closure
            return sum(x * scale for x in items)

    scale = 2
    return Local, total
