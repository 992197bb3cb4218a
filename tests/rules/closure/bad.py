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


def comprehension_reads(values, scale):
    def first_iterable():
    #   ^^^^^^^^^^^^^^ closure
        return [v for v in values]

    def later_clause(rows):
    #   ^^^^^^^^^^^^ closure
        return [c * scale for r in rows for c in r]

    def same_name_as_target():
    #   ^^^^^^^^^^^^^^^^^^^ closure
        return [values for values in values]  # the first iterable is the outer `values`

    return first_iterable, later_clause, same_name_as_target
