duplicate = items.copy()
sliced = items[:]
rebuilt = list(items)
again = copy(items)  # a local function: nothing was imported from the copy module
deeper = deepcopy(items)
