import functools
from functools import reduce

squares = list(map(lambda x: x * x, numbers))
#              ^^^ functional-builtins
evens = filter(None, numbers)
#       ^^^^^^ functional-builtins
total = functools.reduce(operator.add, numbers, 0)
#       ^^^^^^^^^^^^^^^^ functional-builtins
product = reduce(lambda a, b: a * b, numbers)
#         ^^^^^^ functional-builtins
