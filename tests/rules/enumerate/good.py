for index in range(len(items)):
    print(index, items[index])

counter = itertools.count()
result = tools.enumerate(items)


def numbered(enumerate, items):
    return enumerate(items)  # a parameter shadows the builtin
