def flatten(data: dict, sep: str = ".") -> dict:
    """Nested dicts as one dict keyed by joined paths (iterative: no recursion limit)."""
    flat: dict = {}
    stack = [("", iter(data.items()))]
    while stack:
        prefix, items = stack[-1]
        for key, value in items:
            path = f"{prefix}{sep}{key}" if prefix else str(key)
            if isinstance(value, dict):
                stack.append((path, iter(value.items())))
                break
            flat[path] = value
        else:
            stack.pop()
    return flat
