def factorial(n):
#   ^^^^^^^^^ recursion
    return 1 if n <= 1 else n * factorial(n - 1)


def walk(node):
#   ^^^^ recursion
    for child in node.children:
        yield from walk(child)
