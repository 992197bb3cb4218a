"""The interactive quiz in a real pseudo-terminal: keys, Ctrl-C, and kill -9."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from pyiq.quiz.store import Store

pexpect = pytest.importorskip("pexpect")

TIMEOUT = 60


def spawn(data_dir, *args):
    env = {**os.environ, "PYIQ_DATA_DIR": str(data_dir), "TERM": "xterm-256color"}
    for inherited in ("NO_COLOR", "COLUMNS", "LINES"):  # the pty's own size must rule
        env.pop(inherited, None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "pyiq", "quiz", *map(str, args)],
        env=env,
        dimensions=(50, 120),
        encoding="utf-8",
        timeout=TIMEOUT,
    )


def reviews(data_dir):
    with Store.open(data_dir=data_dir) as store:
        return store.reviews()


def test_arrow_keys_and_numbers_answer_questions(data_dir, sample):
    child = spawn(data_dir, sample, "--count", "2")
    child.expect("Question 1/2")
    child.expect("TypeError")  # a choice of the first question: the choices are shown
    child.send("\x1b[B")  # down: select the second choice
    child.send("\r")
    child.expect("Next review")
    child.expect("Enter: next question")
    child.send("\r")
    child.expect("Question 2/2")
    child.send("1")
    child.expect("Quiz over")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    stored = reviews(data_dir)
    assert [r.choice for r in stored] == [1, 0]
    assert all(r.elapsed_ms is not None for r in stored)


def test_ctrl_c_ends_with_a_summary_and_keeps_answers(data_dir, sample):
    child = spawn(data_dir, sample, "--count", "5")
    child.expect("Question 1/5")
    child.send("2")
    child.expect("Enter: next question")
    child.send("\r")
    child.expect("Question 2/5")
    child.sendintr()
    child.expect("Quiz stopped")
    child.expect("4 not asked")
    child.expect("Every answer is saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")
    assert len(reviews(data_dir)) == 1


def test_kill_9_mid_quiz_loses_no_answer_given(data_dir, sample):
    child = spawn(data_dir, sample, "--count", "5")
    for number in (1, 2, 3):
        child.expect(f"Question {number}/5")
        child.send("1")
        child.expect("Next review")  # printed only after the answer is committed
        child.expect("Enter: next question")
        child.send("\r")
    child.expect("Question 4/5")
    child.kill(signal.SIGKILL)
    child.close(force=True)
    assert child.signalstatus == signal.SIGKILL
    stored = reviews(data_dir)
    assert len(stored) == 3
    assert all(r.choice == 0 for r in stored)


def test_q_stops_the_quiz(data_dir, sample):
    child = spawn(data_dir, sample, "--count", "3")
    child.expect("Question 1/3")
    child.send("q")
    child.expect("No question answered")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert reviews(data_dir) == []


def test_self_rating_after_a_right_answer(data_dir, sample):
    from pyiq.quiz.builder import build_quiz

    first = build_quiz(sample, count=1)[0]
    child = spawn(data_dir, sample, "--count", "1", "--rate")
    child.expect("Question 1/1")
    child.send(str(first.correct_index + 1))
    child.expect(
        r"How sure\? 1 again 1m · 2 hard \d+m · 3 good \d+m · 4 easy \d+d · Enter: by time"
    )
    child.send("4")
    child.expect("Quiz over")
    child.expect(pexpect.EOF)
    child.close()
    stored = reviews(data_dir)
    assert stored[0].correct and stored[0].rated_by == "user" and stored[0].rating == 4


def test_the_keys_are_named_and_a_wrong_key_is_explained(data_dir, sample):
    child = spawn(data_dir, sample, "--count", "1")
    child.expect(r"1 question \(1 on a bug risk in your code\)\.")
    child.expect("Question 1/1")
    child.expect(r"1-3 or ↑/↓ and Enter to answer · q: stop")  # three choices
    child.send("x")
    child.expect(r"'x' is not a choice\. 1-3 or ↑/↓ and Enter to answer · q: stop")
    child.send("9")
    child.expect(r"'9' is not a choice\.")
    child.send("1")
    child.expect("Quiz over")
    child.expect("Next review in")
    child.expect(pexpect.EOF)
    child.close()
    assert len(reviews(data_dir)) == 1
