squares = list(x * x for x in range(10))
literal = [1, 2, 3]
unique = {x for x in range(10)}
mapping = {x: x for x in range(10)}
