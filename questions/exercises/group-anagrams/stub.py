def group_anagrams(words: list[str]) -> list[list[str]]:
    """Groups of words that are anagrams of each other, in input order."""
    raise NotImplementedError
