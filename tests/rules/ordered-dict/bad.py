import collections
from collections import OrderedDict

cache = OrderedDict()
#       ^^^^^^^^^^^ ordered-dict
ordered = collections.OrderedDict(sorted(items))
#         ^^^^^^^^^^^^^^^^^^^^^^^ ordered-dict
