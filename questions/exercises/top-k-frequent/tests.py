from solution import top_k


def test_example():
    assert top_k(["a", "b", "a", "c", "b", "a"], 2) == ["a", "b"]


def test_ties_keep_first_seen_order():
    assert top_k([3, 1, 2, 1, 3, 2], 2) == [3, 1]


def test_k_beyond_distinct_and_zero():
    assert top_k("aab", 5) == ["a", "b"]
    assert top_k("aab", 0) == []


def test_empty():
    assert top_k([], 3) == []


def test_works_on_a_generator():
    assert top_k((n % 3 for n in range(10)), 1) == [0]


def test_large_input():
    items = [i % 1000 for i in range(500_000)] + [7] * 10
    assert top_k(items, 1) == [7]
