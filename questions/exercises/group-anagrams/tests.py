from solution import group_anagrams


def test_example():
    words = ["eat", "tea", "tan", "ate", "nat", "bat"]
    assert group_anagrams(words) == [["eat", "tea", "ate"], ["tan", "nat"], ["bat"]]


def test_empty():
    assert group_anagrams([]) == []


def test_duplicates_stay():
    assert group_anagrams(["ab", "ba", "ab"]) == [["ab", "ba", "ab"]]


def test_empty_string_is_a_word():
    assert group_anagrams(["", "a", ""]) == [["", ""], ["a"]]


def test_letter_counts_matter_not_just_letters():
    assert group_anagrams(["aab", "abb"]) == [["aab"], ["abb"]]


def test_many_words():
    words = ["listen", "silent", "enlist"] * 20_000
    assert [len(g) for g in group_anagrams(words)] == [60_000]
