"""Event callbacks, generators and closures."""

import threading


def make_handlers(names):
    handlers = []
    for name in names:
        handlers.append(lambda: print("handling", name))
    return handlers


def counter():
    count = 0

    def increment():
        nonlocal count
        count += 1
        return count

    return increment


def read_chunks(stream, size=4096):
    while chunk := stream.read(size):
        yield chunk


square = lambda x: x * x


def run_in_background(job, *args, **kwargs):
    worker = threading.Thread(target=job, args=args, kwargs=kwargs)
    worker.start()
    return worker


if __name__ == "__main__":
    for handler in make_handlers(["a", "b"]):
        handler()
