square = lambda x: x * x  # lambda-assignment, a bug-risk rule
double = (lambda x: x * 2)
typed: "Callable[[int], int]" = lambda x: x  # annotated name, also lambda-assignment


def square_fn(x):
    return x * x
