def count_up(n):
#   ^^^^^^^^ generator-function
    i = 0
    while i < n:
        yield i
        i += 1


def read_lines(path):
#   ^^^^^^^^^^ generator-function
    with open(path) as handle:
        for line in handle:
            if line.strip():
                yield line


def delegate():
#   ^^^^^^^^ generator-function
    yield from count_up(3)


def outer():
#   ^^^^^ generator-function
    def inner():
    #   ^^^^^ generator-function
        yield 1

    x = yield
    return inner


class Tree:
    def __iter__(self):
    #   ^^^^^^^^ generator-function
        yield self


async def ticks():
#         ^^^^^ generator-function
    yield 1
