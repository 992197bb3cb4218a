def most_common_words(path: str, k: int) -> list[tuple[str, int]]:
    """The k most frequent words of the file, reading it lazily."""
    raise NotImplementedError
