try:
    value = data[key]
except KeyError as exc:
    value = None
except ValueError:
    raise
except ERRORS:  # a tuple constant works too, but is not visible here
    pass
except Exception:
    pass
