import more_itertools

chunks = more_itertools.chunked(items, 2)
combined = items + others


def product(values):
    return values[0] * values[1]


total = product([2, 3])  # a local function, not itertools.product
count = len(items)
chain = items.count(1)
