import collections
from collections import defaultdict

groups = defaultdict(list)
#        ^^^^^^^^^^^ defaultdict
tree = collections.defaultdict(lambda: collections.defaultdict(int))
#      ^^^^^^^^^^^^^^^^^^^^^^^ defaultdict
#                                      ^^^^^^^^^^^^^^^^^^^^^^^ defaultdict
