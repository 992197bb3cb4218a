def is_balanced(text: str) -> bool:
    """True if every bracket in text is closed by its partner, in order."""
    raise NotImplementedError
