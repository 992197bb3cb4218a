def describe(obj, other, arr, type=None):
    if isinstance(obj, int):
        return "int"
    if type(obj) == other:
        return "shadowed"
    if builtins_type(obj) is builtins_type(other):
        return "same"
    return arr.dtype == float


def builtins_type(obj):
    return obj.__class__
