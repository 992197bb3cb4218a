from solution import dedupe


def test_keeps_first_occurrences_in_order():
    assert dedupe([3, 1, 3, 2, 1]) == [3, 1, 2]


def test_key_function():
    assert dedupe(["a", "A", "b", "B", "a"], key=str.lower) == ["a", "b"]


def test_unhashable_items_with_a_key():
    rows = [{"id": 1}, {"id": 2}, {"id": 1, "x": 0}]
    assert dedupe(rows, key=lambda r: r["id"]) == [{"id": 1}, {"id": 2}]


def test_empty_and_generator():
    assert dedupe([]) == []
    assert dedupe(n % 3 for n in range(10)) == [0, 1, 2]


def test_equal_but_different_types():
    assert dedupe([1, 1.0, True]) == [1]


def test_linear_time():
    items = list(range(100_000)) * 3
    assert dedupe(items) == list(range(100_000))
