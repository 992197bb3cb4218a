def load(path, cache):
    try:
        return cache[path]
    except KeyError:
        raise LookupError(path)
#       ^^^^^^^^^^^^^^^^^^^^^^^ raise-without-from


def parse(text):
    try:
        return int(text)
    except ValueError as err:
        if text:
            raise TypeError("not a number")
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ raise-without-from
        elif text is None:
            raise RuntimeError
#           ^^^^^^^^^^^^^^^^^^ raise-without-from
        else:
            for _ in text:
                raise ValueError(err.args)
#               ^^^^^^^^^^^^^^^^^^^^^^^^^^ raise-without-from


def fetch(url):
    try:
        pass
    except* OSError:
        raise ConnectionError(url)
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^ raise-without-from
