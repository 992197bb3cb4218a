from solution import Node, reverse


def build(values):
    head = None
    for value in reversed(values):
        head = Node(value, head)
    return head


def values(head):
    out = []
    while head is not None:
        out.append(head.value)
        head = head.next
    return out


def test_reverses():
    assert values(reverse(build([1, 2, 3]))) == [3, 2, 1]


def test_empty_and_single():
    assert reverse(None) is None
    assert values(reverse(build([7]))) == [7]


def test_relinks_the_same_nodes():
    head = build([1, 2])
    second = head.next
    new_head = reverse(head)
    assert new_head is second
    assert new_head.next is head
    assert head.next is None


def test_reversing_twice_restores():
    assert values(reverse(reverse(build([1, 2, 3, 4])))) == [1, 2, 3, 4]


def test_long_list():
    assert values(reverse(build(list(range(200_000)))))[:3] == [199_999, 199_998, 199_997]
