import threading
from threading import local

_state = threading.local()
#        ^^^^^^^^^^^^^^^ thread-local
cache = local()
#       ^^^^^ thread-local


class Connection(threading.local):
#                ^^^^^^^^^^^^^^^ thread-local
    def __init__(self):
        self.handle = open_connection()
