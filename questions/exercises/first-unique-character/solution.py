from collections import Counter


def first_unique(text: str) -> int:
    """Index of the first character occurring once in text, else -1."""
    counts = Counter(text)
    for index, char in enumerate(text):
        if counts[char] == 1:
            return index
    return -1
