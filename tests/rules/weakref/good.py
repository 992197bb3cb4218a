import gc

strong = obj
registry = {}
