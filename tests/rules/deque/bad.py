import collections
from collections import deque

queue = deque([start])
#       ^^^^^ deque
window = collections.deque(maxlen=3)
#        ^^^^^^^^^^^^^^^^^ deque
