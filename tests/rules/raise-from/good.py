try:
    value = int(text)
except ValueError:
    raise
except KeyError as exc:
    raise LookupError("missing")

error = ValueError("from")
