import inspect
import itertools

from solution import grep


def test_finds_matches_with_numbers():
    lines = ["alpha\n", "beta\n", "alphabet\n"]
    assert list(grep(lines, "^alpha")) == [(1, "alpha"), (3, "alphabet")]


def test_is_a_generator_function():
    assert inspect.isgeneratorfunction(grep)


def test_lazy_on_an_endless_stream():
    endless = (f"line {n}\n" for n in itertools.count(1))
    first = list(itertools.islice(grep(endless, r"7$"), 3))
    assert first == [(7, "line 7"), (17, "line 17"), (27, "line 27")]
    assert next(endless) == "line 28\n"


def test_no_match_and_empty():
    assert list(grep(["a", "b"], "z")) == []
    assert list(grep([], ".")) == []


def test_reads_a_file_object():
    with open("log.txt", "w") as handle:
        handle.write("ok\nERROR disk\nok\nERROR net\n")
    with open("log.txt") as lines:
        assert [n for n, _ in grep(lines, "ERROR")] == [2, 4]
