import re
from collections.abc import Iterable, Iterator


def grep(lines: Iterable[str], pattern: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, line) for lines matching pattern, lazily."""
    regex = re.compile(pattern)
    for number, line in enumerate(lines, start=1):
        if regex.search(line):
            yield number, line.rstrip("\n")
