try:
    data = stream.read()
except AttributeError:
    data = None

value = getattr(stream, "name", None)
same = obj.hasattr("x")
