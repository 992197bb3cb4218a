def prune(items, others):
    for item in items[:]:
        if item < 0:
            items.remove(item)
    for item in list(items):
        items.append(item)
    for item in items:
        others.append(item)
    items.append(0)
    for item in items:

        def later():
            items.append(1)

    for item in items:
        pass
    else:
        items.clear()
    for item in items:
        items = []  # rebinds the name: the loop keeps iterating the old list
        items.append(item)
