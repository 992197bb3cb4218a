TABLE = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]


def to_roman(n: int) -> str:
    """Roman numeral of 1 <= n <= 3999."""
    if not 1 <= n <= 3999:
        raise ValueError(f"{n} is outside 1..3999")
    out = []
    for value, letters in TABLE:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(s: str) -> int:
    """Integer value of a canonical Roman numeral."""
    total, i = 0, 0
    for value, letters in TABLE:
        while s.startswith(letters, i):
            total += value
            i += len(letters)
    if i != len(s) or not 1 <= total <= 3999 or to_roman(total) != s:
        raise ValueError(f"not a valid Roman numeral: {s!r}")
    return total
