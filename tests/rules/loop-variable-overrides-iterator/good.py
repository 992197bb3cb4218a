def flatten(items, pairs, rows):
    for item in items:
        print(item)
    for key, value in pairs.items():
        print(key, value)
    for row in [row for row in rows]:
        print(row)
    for x in map(lambda x: x + 1, rows):
        print(x)
    for y in [(y + 1) for y in rows]:
        print(y)
    for row in sorted(row for row in [items]):
        print(row)
