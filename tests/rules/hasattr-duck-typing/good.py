try:
    data = stream.read()
except AttributeError:
    data = None

value = getattr(stream, "name", None)
same = obj.hasattr("x")


def check(hasattr):
    return hasattr(obj, "x")  # a parameter shadows the builtin
