from solution import Node, has_cycle


def chain(n, loop_to=None):
    nodes = [Node(i) for i in range(n)]
    for a, b in zip(nodes, nodes[1:]):
        a.next = b
    if loop_to is not None and nodes:
        nodes[-1].next = nodes[loop_to]
    return nodes[0] if nodes else None


def test_empty_list():
    assert has_cycle(None) is False


def test_single_node_without_and_with_self_loop():
    assert has_cycle(chain(1)) is False
    assert has_cycle(chain(1, loop_to=0)) is True


def test_straight_list():
    assert has_cycle(chain(10)) is False


def test_loop_back_to_the_middle():
    assert has_cycle(chain(10, loop_to=4)) is True


def test_equal_values_are_not_the_same_node():
    head = Node(1, Node(1, Node(1)))
    assert has_cycle(head) is False


def test_long_list_with_a_late_loop():
    assert has_cycle(chain(300_000, loop_to=299_000)) is True
