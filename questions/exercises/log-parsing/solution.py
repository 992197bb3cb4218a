import re
from collections import Counter
from collections.abc import Iterable

LINE = re.compile(r'^\S+ \S+ \S+ \[[^\]]+\] "[^"]*" (\d{3}) (?:\d+|-)\s*$')


def status_counts(lines: Iterable[str]) -> dict[int, int]:
    """How many requests got each HTTP status, skipping malformed lines."""
    counts: Counter[int] = Counter()
    for line in lines:
        match = LINE.match(line)
        if match:
            counts[int(match.group(1))] += 1
    return dict(counts)
