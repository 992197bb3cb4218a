import re
from collections import Counter

WORD = re.compile(r"[\w']+")


def most_common_words(path: str, k: int) -> list[tuple[str, int]]:
    """The k most frequent words of the file, reading it lazily."""
    counts: Counter[str] = Counter()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            counts.update(WORD.findall(line.lower()))
    return counts.most_common(k)
