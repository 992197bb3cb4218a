def is_palindrome(text: str) -> bool:
    """True if text reads the same backwards, ignoring case and non-alphanumerics."""
    kept = [char.casefold() for char in text if char.isalnum()]
    return kept == kept[::-1]
