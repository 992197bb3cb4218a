import itertools
#      ^^^^^^^^^ itertools
from itertools import groupby
#    ^^^^^^^^^ itertools

pairs = itertools.product("ab", repeat=2)
#       ^^^^^^^^^^^^^^^^^ itertools
flat = list(itertools.chain.from_iterable(rows))
first = itertools.islice(stream, 10)
#       ^^^^^^^^^^^^^^^^ itertools
