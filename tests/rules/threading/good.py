import queue
from concurrent.futures import ThreadPoolExecutor

jobs = queue.Queue()
name = threading_name()
current = self.threading.Lock()
