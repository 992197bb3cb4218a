import functools

wrapped = functools.wraps(func)
result = partial(1, 2)  # a local function: partial was not imported from functools
add_one = lambda x: x + 1
