if not key in cache:
#      ^^^^^^^^^^^^ not-in-test
    load(key)
missing = not (user.name in names)
#              ^^^^^^^^^^^^^^^^^^ not-in-test
