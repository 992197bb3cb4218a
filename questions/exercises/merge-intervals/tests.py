from solution import merge


def test_example():
    assert merge([(1, 3), (8, 10), (2, 6), (15, 18)]) == [(1, 6), (8, 10), (15, 18)]


def test_touching_intervals_merge():
    assert merge([(1, 3), (3, 5)]) == [(1, 5)]


def test_contained_interval():
    assert merge([(1, 10), (2, 3)]) == [(1, 10)]


def test_empty_and_single():
    assert merge([]) == []
    assert merge([(4, 4)]) == [(4, 4)]


def test_input_is_not_modified():
    data = [(5, 6), (1, 2)]
    merge(data)
    assert data == [(5, 6), (1, 2)]


def test_many_intervals():
    data = [(i, i + 2) for i in range(0, 400_000, 2)]
    assert merge(data) == [(0, 400_000)]
