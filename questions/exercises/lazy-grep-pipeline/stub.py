from collections.abc import Iterable, Iterator


def grep(lines: Iterable[str], pattern: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, line) for lines matching pattern, lazily."""
    raise NotImplementedError
