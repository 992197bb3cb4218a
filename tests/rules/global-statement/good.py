counter = 0
cache = {}


def read():
    global counter
    return counter


def mutate():
    global cache
    cache["key"] = 1


def loop():
    global counter
    for counter in range(3):
        pass


def nested():
    global counter

    def inner():
        counter = 1
        return counter

    return inner
