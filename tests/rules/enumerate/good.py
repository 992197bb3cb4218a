for index in range(len(items)):
    print(index, items[index])

counter = itertools.count()
result = tools.enumerate(items)
