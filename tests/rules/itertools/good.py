import more_itertools

chunks = more_itertools.chunked(items, 2)
combined = items + others
