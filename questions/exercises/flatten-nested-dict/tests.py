from solution import flatten


def test_example():
    data = {"a": 1, "b": {"c": 2, "d": {"e": 3}}}
    assert flatten(data) == {"a": 1, "b.c": 2, "b.d.e": 3}


def test_order_is_first_seen():
    data = {"z": {"y": 1, "x": 2}, "a": 3}
    assert list(flatten(data)) == ["z.y", "z.x", "a"]


def test_empty_and_empty_nested():
    assert flatten({}) == {}
    assert flatten({"a": {}, "b": 1}) == {"b": 1}


def test_lists_are_leaves_and_separator():
    assert flatten({"a": {"b": [1, {"c": 2}]}}, sep="/") == {"a/b": [1, {"c": 2}]}


def test_non_string_keys():
    assert flatten({1: {2: "x"}}) == {"1.2": "x"}


def test_deep_nesting_beyond_the_recursion_limit():
    data = leaf = {}
    for _ in range(5000):
        leaf["k"] = {}
        leaf = leaf["k"]
    leaf["k"] = "end"
    (key,) = flatten(data)
    assert key.count(".") == 5000
