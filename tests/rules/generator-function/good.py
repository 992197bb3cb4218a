def outer():
    def inner():
        return 1

    gen = (x for x in range(3))
    make = lambda: (yield)  # the lambda is the generator, not outer
    return inner, gen, make


def build():
    class Local:
        def __iter__(self):
            return iter([])

    return Local


def plain():
    return [x for x in range(3)]
