import functools


@functools.lru_cache
def render(value):
    return str(value)


@singledispatch
def local(value):
    return value


@render.register
def _(value: int):
    return hex(value)
