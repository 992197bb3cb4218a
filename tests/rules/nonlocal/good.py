count = 0


def increment():
    global count
    count += 1


def reader():
    total = 0

    def read():
        return total

    return read
