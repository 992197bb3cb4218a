import contextlib
import logging


def close(handle):
    try:
        handle.close()
    except OSError:
        pass
    try:
        handle.flush()
    except Exception:
        logging.exception("flush failed")
    try:
        handle.sync()
    except Exception:
        ...
    try:
        handle.sync()
    except Exception:
        pass
        return None
    with contextlib.suppress(OSError):
        handle.free()


class Exception(Exception):
    pass


def shadowed(handle):
    try:
        handle.close()
    except Exception:
        pass
