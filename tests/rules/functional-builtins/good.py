squares = [x * x for x in numbers]
evens = [x for x in numbers if x]
total = sum(numbers)
mapped = executor.map(work, items)
filtered = queryset.filter(active=True)
