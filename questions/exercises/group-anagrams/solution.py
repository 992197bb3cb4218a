from collections import defaultdict


def group_anagrams(words: list[str]) -> list[list[str]]:
    """Groups of words that are anagrams of each other, in input order."""
    groups: defaultdict[tuple[str, ...], list[str]] = defaultdict(list)
    for word in words:
        groups[tuple(sorted(word))].append(word)
    return list(groups.values())
