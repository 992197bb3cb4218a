def to_roman(n: int) -> str:
    """Roman numeral of 1 <= n <= 3999."""
    raise NotImplementedError


def from_roman(s: str) -> int:
    """Integer value of a canonical Roman numeral."""
    raise NotImplementedError
