def encode(text: str) -> str:
    """Run-length encode text: 'aaab' -> '3a1b'."""
    raise NotImplementedError


def decode(data: str) -> str:
    """Reverse of encode; ValueError for malformed data."""
    raise NotImplementedError
