def greet(name):
    return "hi " + name


count: int = 0
handler = lambda x: x


def untyped(a, b=1, *args, **kwargs):
    return a
