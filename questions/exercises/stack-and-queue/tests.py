import pytest
from solution import StackQueue


def test_first_in_first_out():
    q = StackQueue()
    for item in "abc":
        q.push(item)
    assert [q.pop(), q.pop(), q.pop()] == ["a", "b", "c"]


def test_interleaved_operations():
    q = StackQueue()
    q.push(1)
    q.push(2)
    assert q.pop() == 1
    q.push(3)
    assert (q.peek(), len(q)) == (2, 2)
    assert [q.pop(), q.pop()] == [2, 3]


def test_empty_queue_raises():
    q = StackQueue()
    with pytest.raises(IndexError):
        q.pop()
    with pytest.raises(IndexError):
        q.peek()


def test_len():
    q = StackQueue()
    assert len(q) == 0
    q.push(None)
    assert len(q) == 1


def test_falsy_items_are_items():
    q = StackQueue()
    q.push(0)
    q.push("")
    assert [q.pop(), q.pop()] == [0, ""]


def test_amortised_constant_time():
    q = StackQueue()
    for i in range(300_000):
        q.push(i)
        if i % 3 == 0:
            q.pop()
    assert len(q) == 200_000
