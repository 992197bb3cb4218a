literal = {1, 2, 3}
empty = set()
mapping = {x: x for x in range(10)}
from_gen = set(x for x in range(10))
