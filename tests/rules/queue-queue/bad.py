import queue
from queue import PriorityQueue

jobs = queue.Queue(maxsize=10)
#      ^^^^^^^^^^^ queue-queue
urgent = PriorityQueue()
#        ^^^^^^^^^^^^^ queue-queue
