import threading
#      ^^^^^^^^^ threading
from threading import Lock
#    ^^^^^^^^^ threading

lock = threading.Lock()
#      ^^^^^^^^^^^^^^ threading
worker = threading.Thread(target=run, daemon=True)
#        ^^^^^^^^^^^^^^^^ threading


class Worker(threading.Thread):
#            ^^^^^^^^^^^^^^^^ threading
    def run(self):
        pass

# Through an import alias.
import threading as th
#      ^^^^^^^^^ threading

worker = th.Thread(target=print)
#        ^^^^^^^^^ threading
