# Variadic parameters are star-args, not markers.
def log(message, *args, **kwargs):
    print(message % args, kwargs)


def call(func, *args, timeout=10):
    return func(*args)


# Division and unpacking in bodies are no markers.
def ratio(a, b):
    return a / b


def merge(*parts):
    return [*parts]
