def binary_search(items: list[int], target: int) -> int:
    """Index of the first occurrence of target in sorted items, else -1."""
    raise NotImplementedError
