from solution import make_counter


def test_counts():
    increment, current = make_counter()
    assert [increment(), increment(), increment()] == [1, 2, 3]
    assert current() == 3


def test_start_value():
    increment, current = make_counter(10)
    assert current() == 10
    assert increment() == 11


def test_counters_are_independent():
    inc_a, cur_a = make_counter()
    inc_b, cur_b = make_counter()
    inc_a()
    inc_a()
    inc_b()
    assert (cur_a(), cur_b()) == (2, 1)


def test_it_is_a_closure():
    increment, _ = make_counter()
    assert increment.__closure__ is not None


def test_no_global_state():
    make_counter()[0]()
    assert make_counter()[1]() == 0
