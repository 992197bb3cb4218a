import tracemalloc

from solution import most_common_words


def write(name, text):
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(text)
    return name


def test_example():
    path = write("a.txt", "The cat and the hat.\nThe end!\n")
    assert most_common_words(path, 2) == [("the", 3), ("cat", 1)]


def test_case_insensitive_and_apostrophes():
    path = write("b.txt", "Don't stop. DON'T! don't\n")
    assert most_common_words(path, 1) == [("don't", 3)]


def test_empty_file():
    assert most_common_words(write("c.txt", ""), 3) == []


def test_k_larger_than_vocabulary():
    assert most_common_words(write("d.txt", "a b a"), 10) == [("a", 2), ("b", 1)]


def test_unicode_words():
    assert most_common_words(write("e.txt", "café café naïve"), 1) == [("café", 2)]


def test_large_file_is_read_lazily():
    line = "alpha beta gamma delta epsilon " * 20 + "\n"
    with open("big.txt", "w", encoding="utf-8") as handle:
        for _ in range(8000):
            handle.write(line)
    tracemalloc.start()
    result = most_common_words("big.txt", 1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result == [("alpha", 160_000)]
    assert peak < 1_500_000, f"peak {peak} bytes: the file was read at once"
