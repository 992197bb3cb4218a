square = lambda x: x * x  # lambda-assignment, a bug-risk rule
double = (lambda x: x * 2)
typed: "Callable[[int], int]" = lambda x: x  # annotated name outside a class body, also lambda-assignment


def square_fn(x):
    inner = lambda y: y  # lambda-assignment in a function too
    return x * x
