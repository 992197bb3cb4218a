def flatten(data: dict, sep: str = ".") -> dict:
    """Nested dicts as one dict keyed by joined paths."""
    raise NotImplementedError
