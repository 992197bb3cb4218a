squares = [x * x for x in numbers]
evens = [x for x in numbers if x]
total = sum(numbers)
mapped = executor.map(work, items)
filtered = queryset.filter(active=True)


def extract(members, filter):
    return [filter(m) for m in members]  # a parameter shadows the builtin


from functools import wraps
reduced = reduce(add, numbers)  # reduce was not imported here
