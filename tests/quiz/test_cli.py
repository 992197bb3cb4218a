"""pyiq quiz / stats / progress / export, run as commands."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile

import pytest

from pyiq.bank import BankError
from pyiq.cli.main import build_parser, main
from pyiq.lsp.rules import server_registry
from pyiq.lsp.settings import DEFAULTS, parse_settings
from pyiq.quiz.store import Store


def run(capsys, *argv):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def reviews(data_dir):
    with Store.open(data_dir=data_dir) as store:
        return store.reviews()


def test_json_prints_the_quiz_and_records_nothing(capsys, data_dir, sample):
    status, out, _ = run(capsys, "quiz", str(sample), "--format", "json", "--count", "3")
    assert status == 0
    items = json.loads(out)["items"]
    assert len(items) == 3 and items[0]["kind"] == "predict"
    assert items[0]["choices"][items[0]["correct_index"]]["correct"] is True
    assert reviews(data_dir) == []


def test_scripted_answers_are_recorded_with_verdicts(capsys, data_dir, sample):
    _, out, _ = run(capsys, "quiz", str(sample), "--format", "json", "--count", "3")
    items = json.loads(out)["items"]
    right = items[0]["correct_index"] + 1
    wrong = (items[1]["correct_index"] + 1) % len(items[1]["choices"]) + 1
    answers = f"{right}:easy,{wrong},-"
    status, out, _ = run(
        capsys, "quiz", str(sample), "--format", "json", "--count", "3", "--answers", answers
    )
    assert status == 0
    data = json.loads(out)
    assert [r["correct"] for r in data["results"]] == [True, False]
    assert data["results"][0]["rating"] == "easy" and data["results"][1]["rating"] == "again"
    assert data["results"][1]["explanation"]  # the misconception behind the wrong pick
    assert data["summary"]["answered"] == 2 and data["summary"]["correct"] == 1
    stored = reviews(data_dir)
    assert [r.card_id for r in stored] == [items[0]["id"], items[1]["id"]]
    assert stored[0].source == "cli" and stored[0].rated_by == "user"


def test_text_answers_show_verdicts_and_a_summary(capsys, data_dir, sample):
    status, out, _ = run(capsys, "quiz", str(sample), "--count", "2", "--answers", "a,b")
    assert status == 0
    assert "Question 1/2" in out and "Question 2/2" in out
    # One per verdict, and one naming the next review after the summary.
    assert out.count("Next review") == 3 and "pyiq explain" in out
    # The full answer's command on a line of its own, never broken at 80 columns.
    full = [line for line in out.splitlines() if line.startswith("Full answer: ")]
    assert len(full) == 2 and all(
        re.fullmatch(r"Full answer: pyiq explain [\w-]+", f) for f in full
    )
    assert "Quiz over" in out and "Every answer is saved" in out
    assert len(reviews(data_dir)) == 2


def test_answers_piped_on_stdin(data_dir, sample):
    result = subprocess.run(
        [sys.executable, "-m", "pyiq", "quiz", str(sample), "--count", "3"],
        input="1\n\n2\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Question 3/3" in result.stdout and "Quiz stopped" in result.stdout
    assert len(reviews(data_dir)) == 2


def test_a_bad_piped_answer_stops_with_the_summary(data_dir, sample):
    result = subprocess.run(
        [sys.executable, "-m", "pyiq", "quiz", str(sample), "--count", "3"],
        input="1\nx\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.endswith("pyiq quiz: answer 'x': pick 1-3 or a-c\n")
    # The answer given before it is kept, and the summary says so.
    assert "Quiz stopped: " in result.stdout and "Every answer is saved." in result.stdout
    assert len(reviews(data_dir)) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--answers", "9"], "pick 1-"),
        (["--answers", "1:perfect"], "unknown rating"),
        (["--topic", "closure"], "did you mean 'closures'"),
    ],
)
def test_bad_requests_are_usage_errors(capsys, data_dir, sample, argv, message):
    status, _, err = run(capsys, "quiz", str(sample), *argv)
    assert status == 2 and message in err


@pytest.mark.parametrize(("text", "count"), [("1", 1), ("7", 7), ("100", 100)])
def test_count_takes_the_range_of_the_quiz_length_setting(text, count):
    assert build_parser().parse_args(["quiz", "--count", text]).count == count
    # The editor setting accepts the same number, so both ask as many questions.
    settings, problems = parse_settings({"quizLength": count}, server_registry())
    assert (settings.quiz_length, problems) == (count, [])


def test_count_defaults_to_the_quiz_length_setting():
    assert build_parser().parse_args(["quiz"]).count == DEFAULTS["quizLength"] == 10


@pytest.mark.parametrize("text", ["0", "-1", "101", "1000", "2.5", "ten", ""])
def test_count_outside_the_range_is_a_usage_error(capsys, data_dir, sample, text):
    with pytest.raises(SystemExit) as exit_info:
        main(["quiz", str(sample), "--count", text])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.endswith(
        f"pyiq quiz: error: argument --count: expected a whole number from 1 to 100, got {text!r}\n"
    )
    assert reviews(data_dir) == []


def test_missing_path_and_empty_file(capsys, data_dir, tmp_path):
    status, _, err = run(capsys, "quiz", str(tmp_path / "nope.py"))
    assert status == 2 and "no such file" in err
    plain = tmp_path / "plain.py"
    plain.write_text("x = 1\n")
    status, _, err = run(capsys, "quiz", str(plain))
    assert (status, err) == (
        1,
        f"pyiq quiz: no question to ask about {plain}; `pyiq quiz` asks the bank's questions\n",
    )
    status, _, err = run(capsys, "quiz", str(plain), "--topic", "closures")
    assert err == (
        f"pyiq quiz: no question to ask about {plain} with --topic closures; "
        "`pyiq quiz --topic closures` asks the bank's questions\n"
    )
    status, _, err = run(capsys, "quiz", "--level", "junior", "--tag", "metaclasses")
    assert (status, err) == (
        1,
        "pyiq quiz: no question to ask about the bank with --level junior --tag metaclasses; "
        "`pyiq questions` lists the bank (--level, --tag)\n",
    )


@pytest.mark.parametrize(
    "command",
    [["quiz", "SAMPLE"], ["explain", "closure"], ["questions"], ["export", "--anki", "DECK"]],
)
def test_invalid_bank_gives_one_clear_message(capsys, data_dir, sample, monkeypatch, command):
    def broken():
        raise BankError("questions/identity.yaml: questions[2]: missing 'quiz'")

    monkeypatch.setattr("pyiq.quiz.builder.load_bank", broken)
    monkeypatch.setattr("pyiq.cli.bank_access.load_bank", broken)
    places = {"SAMPLE": str(sample), "DECK": str(sample.parent / "deck.apkg")}
    args = [places.get(arg, arg) for arg in command]
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "")
    assert err == (
        "pyiq: the question bank cannot be loaded (if it is being edited, try again in a "
        "moment):\nquestions/identity.yaml: questions[2]: missing 'quiz'\n"
    )


def test_corrupt_store_is_reported_on_stderr(capsys, data_dir, sample):
    data_dir.mkdir()
    (data_dir / "progress.sqlite3").write_bytes(b"garbage" * 100)
    status, _, err = run(capsys, "quiz", str(sample), "--count", "1", "--answers", "1")
    assert status == 0
    assert str(data_dir / "progress.sqlite3") in err and ".corrupt-" in err


def test_data_dir_flag_overrides_the_environment(capsys, data_dir, sample, tmp_path):
    other = tmp_path / "elsewhere"
    run(capsys, "quiz", str(sample), "--count", "1", "--answers", "1", "--data-dir", str(other))
    assert (other / "progress.sqlite3").exists()
    assert reviews(data_dir) == []


def test_review_quiz_without_paths(capsys, data_dir):
    status, out, _ = run(capsys, "quiz", "--topic", "closures", "--format", "json")
    assert status == 0
    assert all(item["topic"] == "closures" for item in json.loads(out)["items"])


def test_stats_json_and_table(capsys, data_dir, sample):
    status, out, _ = run(capsys, "stats")
    assert status == 0 and "No answers yet" in out
    run(capsys, "quiz", str(sample), "--count", "3", "--answers", "1,2,3")
    status, out, _ = run(capsys, "stats", "--format", "json")
    data = json.loads(out)
    assert data["total"]["answered"] == 3
    assert {"topic", "level", "answered", "accuracy", "mastered", "due_today", "streak"} <= set(
        data["groups"][0]
    )
    status, out, _ = run(capsys, "stats")
    assert "accuracy" in out and "due today" in out and "Day streak: 1 day" in out


def test_stats_names_the_mastered_concepts_whose_hints_are_hidden(capsys, data_dir):
    from datetime import UTC, datetime, timedelta

    from pyiq.quiz.mastery import rule_card_ids

    with Store.open(data_dir=data_dir) as store:
        for card in rule_card_ids("generator-function"):
            when = datetime.now(UTC) - timedelta(minutes=1)
            store.record_answer(card, True, "easy", 3.0, now=when)
    status, out, _ = run(capsys, "stats")
    assert status == 0
    _, data, _ = run(capsys, "stats", "--format", "json")
    # The generator questions count for every rule that links them.
    mastered = json.loads(data)["mastered_concepts"]
    assert {"generator-function", "yield-from"} <= set(mastered)
    names = [server_registry().get(rule).name for rule in mastered]
    text = " ".join(out.split())
    assert (
        f"Mastered {len(mastered)} concepts, their editor hints hidden: "
        f"{', '.join(sorted(names, key=str.lower))}. "
        "The setting or command pyiq.showMastered shows them again."
    ) in text


def test_progress_export_import(capsys, data_dir, sample, tmp_path):
    run(capsys, "quiz", str(sample), "--count", "2", "--answers", "1,2")
    export = tmp_path / "progress.json"
    status, _, err = run(capsys, "progress", "export", str(export))
    assert status == 0 and "exported 2 answers" in err
    other = tmp_path / "machine-b"
    status, _, err = run(capsys, "progress", "import", str(export), "--data-dir", str(other))
    assert status == 0 and "imported 2 new answers (0 already present)" in err
    status, _, err = run(capsys, "progress", "import", str(export), "--data-dir", str(other))
    assert "imported 0 new answers (2 already present)" in err
    export.write_text("{}")
    status, _, err = run(capsys, "progress", "import", str(export))
    assert status == 2 and "not a pyiq progress export" in err


def test_export_anki_deck_of_bank_and_of_a_folder(capsys, sample, tmp_path):
    deck = tmp_path / "all.apkg"
    status, _, err = run(capsys, "export", "--anki", str(deck), "--level", "senior")
    assert status == 0 and zipfile.is_zipfile(deck) and "questions to" in err
    folder_deck = tmp_path / "folder.apkg"
    status, _, err = run(capsys, "export", "--anki", str(folder_deck), str(sample.parent))
    assert status == 0 and zipfile.is_zipfile(folder_deck)
    status, _, err = run(capsys, "export", "--anki", str(deck), "--topic", "nope")
    assert status == 2 and "unknown topic" in err


def test_the_quiz_ends_saying_when_the_next_review_is(capsys, data_dir, sample):
    _, out, _ = run(capsys, "quiz", str(sample), "--format", "json", "--count", "1")
    item = json.loads(out)["items"][0]
    wrong = (item["correct_index"] + 1) % len(item["choices"]) + 1
    status, out, _ = run(capsys, "quiz", str(sample), "--count", "1", "--answers", str(wrong))
    assert status == 0
    # A wrong answer comes back in a minute (FSRS "again"), and the command that asks it.
    assert out.rstrip().splitlines()[-1] == f"Next review in 1 minute: pyiq quiz {sample}"


def test_the_quiz_counts_the_reviews_due_now(capsys, data_dir, sample):
    from datetime import UTC, datetime, timedelta

    with Store.open(data_dir=data_dir) as store:
        for card in ("closures", "generators"):
            store.record_answer(card, False, now=datetime.now(UTC) - timedelta(days=2))
    status, out, _ = run(capsys, "quiz", "--topic", "closures", "--count", "1", "--answers", "-")
    assert status == 0
    assert out.rstrip().splitlines()[-1] == "2 reviews are due now: pyiq quiz"


def test_stats_says_what_to_study_next(capsys, data_dir):
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    with Store.open(data_dir=data_dir) as store:
        store.record_answer("closures", False, now=now - timedelta(days=2))
        store.record_answer("late-binding-closures", True, "good", now=now - timedelta(days=2))
        store.record_answer("generators", True, "easy", now=now - timedelta(minutes=1))
        # Predict-the-output cards are asked by a quiz on code, not by `pyiq quiz` alone.
        store.record_answer("predict:is-literal", True, "again", now=now - timedelta(days=2))
    status, out, _ = run(capsys, "stats")
    assert status == 0
    lines = out.splitlines()
    assert "2 reviews are due now: pyiq quiz" in lines
    # The weakest bank topic, with the command that drills it.
    assert "Study next: closures (50% right of 2): pyiq quiz --topic closures" in lines


def test_stats_names_the_next_review_when_none_is_due(capsys, data_dir):
    from datetime import UTC, datetime

    with Store.open(data_dir=data_dir) as store:
        store.record_answer("generators", False, now=datetime.now(UTC))
    _, out, _ = run(capsys, "stats")
    lines = out.splitlines()
    assert "Next review in 1 minute: pyiq quiz" in lines
    assert "Study next: generators (0% right of 1): pyiq quiz --topic generators" in lines


def test_code_in_choices_is_styled_not_shown_with_backticks():
    from rich.console import Console

    from pyiq.quiz.builder import build_quiz
    from pyiq.quiz.terminal import render_choices

    items = build_quiz(None, topic="security", count=100)
    item = next(i for i in items if i.id == "subprocess-shell-injection")
    console = Console(record=True, width=100, color_system="truecolor")
    console.print(render_choices(item))
    text = console.export_text(styles=False, clear=False)
    assert "`" not in text
    assert '["ls", "--", name], check=True)' in text
    # The code keeps a style of its own, so it still stands out from the prose.
    styled = console.export_text(styles=True)
    assert 'subprocess.run(["ls", "--", name], check=True)\x1b' in styled


def test_due_bank_questions_are_sent_to_the_review_quiz(capsys, data_dir, sample):
    from datetime import UTC, datetime, timedelta

    with Store.open(data_dir=data_dir) as store:
        store.record_answer("closures", False, now=datetime.now(UTC) - timedelta(days=2))
        store.record_answer("predict:is-literal", False, now=datetime.now(UTC) - timedelta(days=2))
    status, out, _ = run(capsys, "quiz", str(sample), "--count", "1", "--answers", "-")
    assert status == 0
    # A quiz on code may never reach a due bank question; `pyiq quiz` asks due ones first.
    assert out.rstrip().splitlines()[-2:] == [
        "1 review is due now: pyiq quiz",
        f"1 review is due now on your code: pyiq quiz {sample}",
    ]


def test_the_quiz_opens_with_how_many_questions_and_why(capsys, data_dir, sample):
    from datetime import UTC, datetime, timedelta

    _, out, _ = run(capsys, "quiz", str(sample), "--format", "json", "--count", "40")
    items = json.loads(out)["items"]
    concept = next(item for item in items if item["reason"] == "new")
    with Store.open(data_dir=data_dir) as store:
        store.record_answer(concept["id"], False, now=datetime.now(UTC) - timedelta(days=2))
    bugs = sum(item["reason"] == "bug-risk" for item in items)
    count = str(bugs + 2)
    status, out, _ = run(capsys, "quiz", str(sample), "--count", count, "--answers", "-")
    assert status == 0
    assert out.splitlines()[0] == (
        f"{count} questions ({bugs} on bug risks in your code, 1 due for review, 1 new)."
    )


def test_rating_keys_show_the_interval_each_would_give(store):
    from datetime import UTC, datetime, timedelta

    from pyiq.quiz.builder import build_quiz
    from pyiq.quiz.terminal import rating_choices, short_interval

    now = datetime(2026, 1, 1, tzinfo=UTC)
    item = build_quiz(None, topic="closures", count=1, now=now)[0]
    # A new card: FSRS's learning steps, then days for "easy", as Anki's buttons show them.
    assert rating_choices(store, item, now) == "1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 8d"
    store.record_answer(item.id, True, "good", now=now)
    store.record_answer(item.id, True, "good", now=now + timedelta(minutes=10))
    later = now + timedelta(days=3)
    grown = rating_choices(store, item, later).split(" · ")
    assert grown[0] == "1 again 10m" and grown[2].startswith("3 good ") and grown[2][-1] == "d"
    assert [short_interval(now + delta, now) for delta in (
        timedelta(seconds=5), timedelta(minutes=6), timedelta(hours=5),
        timedelta(days=40), timedelta(days=500),
    )] == ["<1m", "6m", "5h", "1mo", "1.4y"]  # fmt: skip
