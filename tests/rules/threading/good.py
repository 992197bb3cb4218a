import queue
from concurrent.futures import ThreadPoolExecutor

jobs = queue.Queue()
name = threading_name()
current = self.threading.Lock()
# Thread-local storage is the concept thread-local, not this one.
state = threading.local()


class Slot(threading.local):
    pass
