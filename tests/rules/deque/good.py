import queue

jobs = queue.Queue()
items = []
items.insert(0, "first")
