def longest_unique(s: str) -> int:
    """Length of the longest substring of s without a repeated character."""
    last: dict[str, int] = {}
    start = best = 0
    for i, char in enumerate(s):
        if last.get(char, -1) >= start:
            start = last[char] + 1
        last[char] = i
        best = max(best, i - start + 1)
    return best
