def read(path):
    try:
        return open(path).read()
    finally:
        return None
#       ^^^^^^^^^^^ return-in-finally


def drain(queue):
    while queue:
        try:
            queue.pop()
        finally:
            if not queue:
                break
#               ^^^^^ return-in-finally
            with open("log") as log:
                continue
#               ^^^^^^^^ return-in-finally


def first(items):
    try:
        pass
    finally:
        for item in items:
            return item
#           ^^^^^^^^^^^ return-in-finally
        match items:
            case []:
                return 0
#               ^^^^^^^^ return-in-finally
