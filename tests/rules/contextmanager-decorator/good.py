import contextlib


class Opened:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def generator():
    yield 1


stack = contextlib.ExitStack()
wrapped = contextlib.contextmanager(generator)  # the call form is not decorator syntax
