def flatten(items, pairs):
    for items in items:
#       ^^^^^ loop-variable-overrides-iterator
        print(items)
    for key, pairs in pairs.items():
#            ^^^^^ loop-variable-overrides-iterator
        print(key)
