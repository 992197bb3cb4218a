import pytest
from solution import rotate


@pytest.mark.parametrize(
    "matrix, expected",
    [
        ([[1, 2], [3, 4]], [[3, 1], [4, 2]]),
        ([[1, 2, 3], [4, 5, 6]], [[4, 1], [5, 2], [6, 3]]),
        ([[1]], [[1]]),
        ([], []),
        ([[1, 2, 3]], [[1], [2], [3]]),
    ],
)
def test_cases(matrix, expected):
    assert rotate(matrix) == expected


def test_input_untouched_and_rows_are_lists():
    matrix = [[1, 2], [3, 4]]
    result = rotate(matrix)
    assert matrix == [[1, 2], [3, 4]]
    assert all(type(row) is list for row in result)


def test_four_rotations_restore():
    matrix = [[r * 10 + c for c in range(4)] for r in range(3)]
    assert rotate(rotate(rotate(rotate(matrix)))) == matrix
