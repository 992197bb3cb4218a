"""Choosing the questions: relevance order, filters, progress, buffers."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pyiq.analysis import analyze, load_registry
from pyiq.quiz import QuizError, build_quiz
from pyiq.quiz.cards import predict_card_id
from tests.quiz.conftest import NOW

SOURCE = """\
def numbers(limit):
    yield limit

def add_item(item, bucket=[]):
    bucket.append(item)
    return bucket

if value is 1000:
    pass
"""


def _is_bug(rule):
    # Questions drawn in by the file's imports have no rule: never bug risks.
    return rule is not None and load_registry().rules[rule].is_bug_risk


def test_bug_risks_come_first_led_by_predict_questions(sample):
    items = build_quiz(sample, count=40, now=NOW)
    bug_flags = [_is_bug(item.rule) for item in items]
    first_concept = bug_flags.index(False)
    assert all(bug_flags[:first_concept]) and not any(bug_flags[first_concept:])
    assert items[0].kind == "predict" and items[0].rule == "mutable-default-argument"
    assert items[0].id == predict_card_id("mutable-default-argument")
    assert items[0].path == str(sample) and items[0].line == 5
    assert all(item.reason == "bug-risk" for item in items[:first_concept])
    assert len({item.id for item in items}) == len(items)


def test_rules_take_turns_so_a_short_quiz_covers_many(sample):
    items = build_quiz(sample, count=6, now=NOW, predict=False)
    assert len({item.rule for item in items}) == 6


def test_count_level_and_topic_narrow_the_quiz(sample):
    assert len(build_quiz(sample, count=3, now=NOW)) == 3
    juniors = build_quiz(sample, count=50, level="junior", now=NOW)
    assert juniors and all(item.level == "junior" for item in juniors)
    identity = build_quiz(sample, count=50, topic="identity", now=NOW)
    assert identity and all(item.topic == "identity" for item in identity)


def test_unknown_topic_or_level_is_an_error_with_a_hint(sample):
    with pytest.raises(QuizError, match="did you mean 'closures'"):
        build_quiz(sample, topic="closure")
    with pytest.raises(QuizError, match="unknown level"):
        build_quiz(sample, level="guru")


def test_bank_items_do_not_give_the_answer_away_by_position(sample):
    items = build_quiz(sample, count=40, now=NOW, predict=False)
    assert len({item.correct_index for item in items}) > 1
    for item in items:
        assert item.choices[item.correct_index].correct
        assert item.more == f"pyiq explain {item.question_id}"


def test_mastered_concepts_move_behind_unmastered_ones(store):
    path_items = build_quiz(SOURCE, store=store, count=20, now=NOW, predict=False)
    concept_ids = [item.id for item in path_items if not _is_bug(item.rule)]
    mastered_id = concept_ids[0]
    # Graduate the card to review with an easy answer: mastered for days.
    store.record_answer(mastered_id, True, "easy", now=NOW)
    store.record_answer(mastered_id, True, "easy", now=NOW + timedelta(minutes=1))
    later = NOW + timedelta(minutes=2)
    reordered = build_quiz(SOURCE, store=store, count=20, now=later, predict=False)
    ids = [item.id for item in reordered]
    assert ids[-1] == mastered_id
    assert reordered[-1].reason == "review"
    # Due again much later: it comes back before mastered ones but after new ones.
    far = NOW + timedelta(days=400)
    assert next(i for i in build_quiz(SOURCE, store=store, count=20, now=far, predict=False)
                if i.id == mastered_id).reason == "due"  # fmt: skip


def test_a_buffer_with_chosen_findings_is_quizzed_on_those_only():
    source = SOURCE.encode()
    findings = [f for f in analyze(source) if f.rule == "is-literal"]
    items = build_quiz(source, findings, count=10, path="file:///buffer.py", now=NOW)
    assert items and {item.rule for item in items} == {"is-literal"}
    assert items[0].kind == "predict" and items[0].path == "file:///buffer.py"
    assert items[0].line == 8


def test_review_quiz_without_code_puts_due_cards_first(store):
    store.record_answer("closures", False, now=NOW)
    items = build_quiz(None, store=store, count=5, topic="closures", now=NOW + timedelta(hours=1))
    assert items[0].id == "closures" and items[0].reason == "due"
    assert all(item.reason == "new" for item in items[1:])
    assert all(item.path is None for item in items)


def test_a_file_without_findings_gives_an_empty_quiz(tmp_path):
    empty = tmp_path / "plain.py"
    empty.write_text("x = 1\n")
    assert build_quiz(empty, now=NOW) == []


def test_items_serialise_to_json(sample):
    import json

    items = build_quiz(sample, count=2, now=NOW)
    data = json.loads(json.dumps([item.to_dict() for item in items]))
    assert data[0]["kind"] == "predict"
    assert {"id", "prompt", "code", "choices", "correct_index", "more"} <= set(data[0])


def test_plain_texts_for_message_based_clients(store, sample):
    from pyiq.quiz import answer

    item = build_quiz(sample, count=1, now=NOW)[0]
    assert "`" not in item.plain_prompt and item.code.rstrip() in item.plain_prompt
    wrong = (item.correct_index + 1) % len(item.choices)
    verdict = answer(store, item, wrong, 3.0, source="lsp", now=NOW)
    assert verdict.message.startswith("Not quite: the answer is")
    picked = item.choices[wrong]
    assert f"You chose {picked.text}: {picked.explanation}".replace("`", "") in verdict.message
    assert verdict.message.endswith(f"Full answer: pyiq explain {item.question_id}")
    right = answer(store, item, item.correct_index, now=NOW)
    assert right.correct and right.message.startswith("Right!")
    with pytest.raises(ValueError, match="out of range"):
        answer(store, item, 9)
    assert [r.source for r in store.reviews()] == ["lsp", None]


def test_imports_bring_in_questions_no_construct_raises():
    from pyiq.bank import load_bank

    source = "from flask import Flask\n\napp = Flask(__name__)\nhandlers = [lambda: 1]\n"
    expected = [q.id for q in load_bank().for_import("flask")]
    assert expected, "the bank has questions tagged with the flask import"
    items = build_quiz(source, None, None, count=50, path="app.py", predict=False)
    ids = [item.id for item in items]
    assert [i for i in ids if i in expected] == expected
    # They come after the questions about the file's own constructs.
    assert ids.index(expected[0]) > ids.index(next(i.id for i in items if i.rule == "lambda"))


def test_a_tag_narrows_a_review_quiz_and_an_unknown_tag_is_an_error():
    items = build_quiz(None, None, None, count=50, tag="gil")
    assert items and all("gil" in item_tags(item.id) for item in items)
    with pytest.raises(QuizError, match=r"unknown tag 'gill' \(did you mean 'gil'"):
        build_quiz(None, None, None, tag="gill")


def item_tags(question_id):
    from pyiq.bank import load_bank

    return load_bank().get(question_id).tags


def test_each_question_is_asked_at_the_code_it_fits() -> None:
    """Questions come from each finding's own ranking, at the line they are about."""
    source = (
        "class Journal:\n"
        "    def append(self, line):\n"
        "        with self._lock:\n"
        "            with self.path.open('a') as out:\n"
        "                out.write(line)\n"
    )
    items = build_quiz(source, count=40, now=NOW, predict=False, path="journal.py")
    lines = {item.question_id: item.line for item in items if item.rule == "with-statement"}
    assert lines["race-conditions-thread-safety"] == 3
    assert lines["file-handling-with-open"] == 4
    assert lines["with-statement-protocol"] == 3
    # Conditional links that fit neither `with` stay out of the quiz.
    assert "mocking-and-patching" not in lines
    assert "exitstack-and-contextlib-tools" not in lines


def test_a_card_answered_minutes_ago_waits_behind_new_ones(store):
    first = build_quiz(SOURCE, store=store, count=20, now=NOW)
    assert first[0].kind == "predict" and first[0].reason == "bug-risk"
    store.record_answer(first[0].id, True, "good", now=NOW)
    # Ten minutes from now it is still learning: the other bug risks come first.
    again = build_quiz(SOURCE, store=store, count=20, now=NOW + timedelta(minutes=1))
    bug_ids = [item.id for item in again if _is_bug(item.rule)]
    assert bug_ids[-1] == first[0].id and bug_ids[0] != first[0].id
    # Once due it leads again.
    later = build_quiz(SOURCE, store=store, count=20, now=NOW + timedelta(days=3))
    assert later[0].id == first[0].id
