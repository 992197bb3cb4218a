for x in [1, 2, 3]:
    pass

items = list(range(3))
cursor.next()
it.iter()


class Plain:
    def iterate(self):
        return []


def step(next):
    return next()  # a parameter shadows the builtin
