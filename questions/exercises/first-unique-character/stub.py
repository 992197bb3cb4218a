def first_unique(text: str) -> int:
    """Index of the first character occurring once in text, else -1."""
    raise NotImplementedError
