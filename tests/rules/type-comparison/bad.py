def describe(obj, other):
    if type(obj) == int:
#      ^^^^^^^^^^^^^^^^ type-comparison
        return "int"
    if type(obj) != type(other):
#      ^^^^^^^^^^^^^^^^^^^^^^^^ type-comparison
        return "different"
    return str == type(other)
#          ^^^^^^^^^^^^^^^^^^ type-comparison
