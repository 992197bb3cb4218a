for i, name in enumerate(names):
    print(i, name)

for i in range(len(values) - 1):  # neighbours: the count is not the length
    print(values[i + 1] - values[i])

for i in range(0, len(data), 2):  # a step: not the plain index loop
    print(data[i])

for i in range(10):
    print(i)

squares = [values[i] ** 2 for i in range(len(values))]  # a comprehension, not a for statement


def pad(len, items):  # a parameter shadows the builtin
    for i in range(len(items)):
        print(i)
