import collections
from collections import Counter

counts = Counter(words)
#        ^^^^^^^ counter
letters = collections.Counter("mississippi")
#         ^^^^^^^^^^^^^^^^^^^ counter
