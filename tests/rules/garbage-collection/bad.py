import gc
#      ^^ garbage-collection
import sys

collected = gc.collect()
#           ^^^^^^^^^^ garbage-collection
was_enabled = gc.disable()
#             ^^^^^^^^^^ garbage-collection
count = sys.getrefcount(obj)
#       ^^^^^^^^^^^^^^^ garbage-collection
