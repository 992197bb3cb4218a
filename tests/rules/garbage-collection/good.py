import sys

del obj
size = sys.getsizeof(obj)
tracker = weakref.ref(obj)
