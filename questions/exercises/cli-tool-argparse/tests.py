import contextlib
import io

from solution import main


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def setup_files():
    with open("a.txt", "w") as handle:
        handle.write("one two\nthree\n")
    with open("b.txt", "w") as handle:
        handle.write("x\n")


def test_all_counts_for_one_file():
    setup_files()
    assert run("a.txt") == (0, "2 3 14 a.txt\n", "")


def test_selected_counts():
    setup_files()
    assert run("-w", "a.txt") == (0, "3 a.txt\n", "")
    assert run("--lines", "--chars", "a.txt") == (0, "2 14 a.txt\n", "")


def test_total_line_for_several_files():
    setup_files()
    assert run("-l", "a.txt", "b.txt") == (0, "2 a.txt\n1 b.txt\n3 total\n", "")


def test_missing_file_is_reported_and_others_counted():
    setup_files()
    code, out, err = run("-l", "nope.txt", "b.txt")
    assert code == 1
    assert out == "1 b.txt\n1 total\n"
    assert err == "wc: nope.txt: No such file or directory\n"


def test_empty_file():
    open("empty.txt", "w").close()
    assert run("empty.txt") == (0, "0 0 0 empty.txt\n", "")
