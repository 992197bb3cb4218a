import re
from itertools import groupby

RUN = re.compile(r"(\d+)(\D)")


def encode(text: str) -> str:
    """Run-length encode text: 'aaab' -> '3a1b'."""
    return "".join(f"{sum(1 for _ in run)}{char}" for char, run in groupby(text))


def decode(data: str) -> str:
    """Reverse of encode; ValueError for malformed data."""
    if not re.fullmatch(r"(?:\d+\D)*", data):
        raise ValueError(f"malformed run-length data: {data!r}")
    return "".join(char * int(count) for count, char in RUN.findall(data))
