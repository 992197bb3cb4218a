import contextlib
from contextlib import asynccontextmanager, contextmanager


@contextmanager
#^^^^^^^^^^^^^^ contextmanager-decorator
def opened(path):
    handle = open(path)
    try:
        yield handle
    finally:
        handle.close()


@contextlib.contextmanager
#^^^^^^^^^^^^^^^^^^^^^^^^^ contextmanager-decorator
def timer():
    yield


@asynccontextmanager
#^^^^^^^^^^^^^^^^^^^ contextmanager-decorator
async def session():
    yield None
