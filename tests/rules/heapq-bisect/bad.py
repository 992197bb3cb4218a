import bisect
import heapq
from heapq import heappop

ok = heapq.heappush(heap, (priority, task))
#    ^^^^^^^^^^^^^^ heapq-bisect
task = heappop(heap)
#      ^^^^^^^ heapq-bisect
top = heapq.nlargest(3, scores)
#     ^^^^^^^^^^^^^^ heapq-bisect
index = bisect.bisect_left(sorted_items, value)
#       ^^^^^^^^^^^^^^^^^^ heapq-bisect
