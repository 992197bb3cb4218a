literal = {"a": 1}
unique = {x for x in range(10)}
pairs = dict((k, v) for k, v in items)
