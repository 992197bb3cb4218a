import pytest
from solution import LRUCache


def test_get_and_put():
    cache = LRUCache(2)
    cache.put("a", 1)
    assert cache.get("a") == 1
    assert cache.get("missing") is None


def test_least_recently_used_is_evicted():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")
    cache.put("c", 3)
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == (1, 3)


def test_put_of_existing_key_updates_and_counts_as_use():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    cache.put("c", 3)
    assert cache.get("b") is None
    assert cache.get("a") == 10


def test_capacity_one():
    cache = LRUCache(1)
    cache.put(1, "x")
    cache.put(2, "y")
    assert (cache.get(1), cache.get(2)) == (None, "y")


def test_invalid_capacity():
    with pytest.raises(ValueError):
        LRUCache(0)


def test_constant_time_operations():
    cache = LRUCache(50_000)
    for i in range(200_000):
        cache.put(i, i)
        cache.get(i - 25_000)
    assert cache.get(199_999) == 199_999
    assert cache.get(100_000) is None
