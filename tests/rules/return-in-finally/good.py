def read(path):
    try:
        data = open(path).read()
    finally:
        print("done")
    return data


def drain(queue):
    try:
        queue.pop()
    finally:
        for item in queue:
            if item:
                break
            continue
        if queue:
            pass
        elif not queue:
            return 1
        else:
            return 2

        def later():
            return 3
