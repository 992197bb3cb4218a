def rotate(matrix: list[list[int]]) -> list[list[int]]:
    """The matrix turned 90 degrees clockwise, as a new list of lists."""
    return [list(row) for row in zip(*matrix[::-1])]
