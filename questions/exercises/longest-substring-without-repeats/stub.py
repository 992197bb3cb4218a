def longest_unique(s: str) -> int:
    """Length of the longest substring of s without a repeated character."""
    raise NotImplementedError
