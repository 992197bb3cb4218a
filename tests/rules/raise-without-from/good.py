def load(path, cache):
    try:
        return cache[path]
    except KeyError as err:
        raise LookupError(path) from err
    except TypeError:
        raise
    except ValueError as exc:
        raise exc
    except OSError:
        raise RuntimeError("io") from None


def parse(text):
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            pass
        for _ in text:
            pass
        else:
            raise TypeError(text)

        def later():
            raise RuntimeError(text)


raise SystemExit("not in a handler")
