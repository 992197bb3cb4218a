squares = [x * x for x in range(10)]
unique = {x for x in range(10)}
mapping = {x: x for x in range(10)}
group = (x * x)
pair = (1, 2)
