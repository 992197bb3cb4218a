import itertools
#      ^^^^^^^^^ itertools
from itertools import groupby
#    ^^^^^^^^^ itertools

pairs = itertools.product("ab", repeat=2)
#       ^^^^^^^^^^^^^^^^^ itertools
flat = list(itertools.chain.from_iterable(rows))
first = itertools.islice(stream, 10)
#       ^^^^^^^^^^^^^^^^ itertools

for key, group in groupby(sorted(rows, key=len), key=len):
#                 ^^^^^^^ itertools
    print(key, list(group))
