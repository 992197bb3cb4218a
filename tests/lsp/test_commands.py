"""The quiz, answer, stats and explain commands end to end, answering through client handlers.

Every session writes progress into its own ``PYIQ_DATA_DIR`` (a tmp dir);
the tests read it back through the quiz package and ``pyiq stats``.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from pyiq.links import questions_for
from pyiq.quiz import Store
from pyiq.quiz.mastery import rule_card_ids
from tests.lsp.helpers import TIMEOUT, open_and_wait, session

SAMPLE = (
    "def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n\nok = add(1) is 1\n"
)
# A bug risk (line 0), a concept (generator function, construct on line 5).
MIXED = (
    "def add(item, bucket=[]):\n"
    "    bucket.append(item)\n"
    "    return bucket\n"
    "\n"
    "\n"
    "def numbers(n):\n"
    "    yield n\n"
)


async def _execute(client, command: str, *arguments: Any) -> Any:
    return await asyncio.wait_for(
        client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command, arguments=list(arguments))
        ),
        TIMEOUT,
    )


def _stats(data: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "pyiq", "stats", "--format", "json", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(out.stdout)


async def test_quiz_file_records_every_answer(tmp_path: Path) -> None:
    data = tmp_path / "data"
    uri = (tmp_path / "quiz.py").as_uri()
    prompts: list[types.ShowMessageRequestParams] = []
    async with session(data_dir=data) as client:

        @client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
        def answer(params: types.ShowMessageRequestParams) -> types.MessageActionItem | None:
            prompts.append(params)
            if len(prompts) > 3:
                return None  # dismissing ends the quiz
            return params.actions[-1]

        await open_and_wait(client, uri, SAMPLE)
        result = await _execute(client, "pyiq.quizFile", uri)
        messages = [m.message for m in client.messages]
    assert result["asked"] == 3
    assert [q["chosen"] for q in result["questions"]] == [p.actions[-1].title for p in prompts[:3]]
    assert result["correct"] == sum(q["correct"] for q in result["questions"])
    # The first item is the predict-the-output question built from the user's own names.
    assert result["questions"][0]["id"] == "predict:mutable-default-argument"
    assert "add" in prompts[0].message
    # Every prompt says where the user stands: "Question n of N", N the quiz's length.
    total = int(prompts[0].message.split("\n")[0].removeprefix("Question 1 of "))
    # Stopped at question 4: the summary tells the answers (3) from the quiz's length.
    assert result["total"] == total
    assert total >= len(prompts) == 4
    assert [p.message.split("\n")[0] for p in prompts] == [
        f"Question {n} of {total}" for n in (1, 2, 3, 4)
    ]
    verdicts = [m for m in messages if m.startswith(("Correct!", "Not quite"))]
    assert [v.startswith("Correct!") for v in verdicts] == [
        q["correct"] for q in result["questions"]
    ]

    with Store.open(data_dir=data) as store:
        reviews = store.reviews()
    assert [(r.card_id, r.correct, r.source) for r in reviews] == [
        (q["id"], q["correct"], "lsp") for q in result["questions"]
    ]
    total = _stats(data)["total"]
    assert (total["answered"], total["correct"]) == (3, result["correct"])


async def test_quiz_buttons_are_plain_text_like_the_prompt(tmp_path: Path) -> None:
    """Message boxes show no Markdown: a choice "A SyntaxError because of `is`" is a
    button without backticks, and answering with it is recorded as that choice."""
    uri = (tmp_path / "quiz.py").as_uri()
    prompts: list[types.ShowMessageRequestParams] = []
    async with session() as client:

        @client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
        def answer(params: types.ShowMessageRequestParams) -> types.MessageActionItem | None:
            prompts.append(params)
            marked = [a for a in params.actions if "because of is" in a.title]
            return marked[0] if marked else params.actions[0]

        await open_and_wait(client, uri, SAMPLE)
        result = await _execute(client, "pyiq.quizFile", uri)
    titles = [action.title for prompt in prompts for action in prompt.actions]
    assert "A SyntaxError because of is" in titles, titles
    assert not [title for title in titles if "`" in title], titles
    asked = next(q for q in result["questions"] if q["id"] == "is-with-literals")
    assert asked["chosen"] == "A SyntaxError because of is"
    assert asked["correct"] is False
    assert result["asked"] == len(prompts)


async def test_quiz_data_items_and_shuffled_choices(tmp_path: Path) -> None:
    uri = (tmp_path / "quiz.py").as_uri()
    async with session({"quizUi": "data"}) as client:

        @client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
        def refuse(params: types.ShowMessageRequestParams) -> None:
            raise AssertionError("data mode must not ask")

        await open_and_wait(client, uri, SAMPLE)
        result = await _execute(client, "pyiq.quizFile", uri)
    questions = result["questions"]
    assert result["uri"] == uri
    assert 3 <= len(questions) <= 10
    first = questions[0]
    assert first["id"] == "predict:mutable-default-argument"
    assert first["kind"] == "predict"
    assert first["path"] == uri
    assert first["line"] == 1
    for question in questions:
        flags = [c["correct"] for c in question["choices"]]
        assert flags.count(True) == 1
        assert flags.index(True) == question["correct_index"]
    # The correct choice is not always the first one.
    assert len({q["correct_index"] for q in questions}) > 1


async def test_quiz_at_code_lens_position(tmp_path: Path) -> None:
    uri = (tmp_path / "quiz.py").as_uri()
    async with session({"quizUi": "data"}) as client:
        await open_and_wait(client, uri, SAMPLE)
        result = await _execute(client, "pyiq.quizAt", uri, {"line": 0, "character": 0})
        nothing = await _execute(client, "pyiq.quizAt", uri, {"line": 3, "character": 0})
    rules = {q["rule"] for q in result["questions"]}
    assert rules == {"mutable-default-argument"}
    assert result["questions"][0]["id"] == "predict:mutable-default-argument"
    assert nothing["questions"] == []


async def test_quiz_at_asks_about_the_construct_not_the_files_imports(tmp_path: Path) -> None:
    """ "Quiz me on this" on one construct: its questions only, none the imports raise."""
    from pyiq.bank import load_bank

    source = "import contextlib\nimport functools\n\n\ndef run(code):\n    eval(code)\n"
    raised = {
        q.id for module in ("contextlib", "functools") for q in load_bank().for_import(module)
    }
    assert raised, "the bank has questions the imports raise"
    uri = (tmp_path / "quiz.py").as_uri()
    async with session({"quizUi": "data"}) as client:
        await open_and_wait(client, uri, source)
        here = await _execute(client, "pyiq.quizAt", uri, {"line": 5, "character": 4})
        whole = await _execute(client, "pyiq.quizFile", uri)
    assert here["questions"], here
    assert {q["rule"] for q in here["questions"]} == {"eval-call"}
    assert not raised & {q["id"] for q in here["questions"]}
    # The whole file's quiz still asks what its imports raise.
    assert raised & {q["id"] for q in whole["questions"]}


async def test_record_answer_grades_records_and_rejects_unknown_ids(tmp_path: Path) -> None:
    data = tmp_path / "data"
    uri = (tmp_path / "quiz.py").as_uri()
    async with session({"quizUi": "data"}, data_dir=data) as client:
        await open_and_wait(client, uri, SAMPLE)
        quiz = await _execute(client, "pyiq.quizFile", uri)
        first, second = quiz["questions"][:2]
        right = await _execute(
            client,
            "pyiq.recordAnswer",
            {
                "id": first["id"],
                "chosen": first["correct_index"],
                "correct": True,
                "elapsed": 4.5,
                "rule": first["rule"],
                "uri": uri,
            },
        )
        wrong_index = (second["correct_index"] + 1) % len(second["choices"])
        # The client's claim is re-graded against the item the server built.
        claimed = await _execute(
            client,
            "pyiq.recordAnswer",
            {"id": second["id"], "chosen": wrong_index, "correct": True},
        )
        # A bank question this server did not hand out (a panel restored after a restart).
        bank = await _execute(
            client,
            "pyiq.recordAnswer",
            [{"id": "generators", "chosen": 0, "correct": False}],
        )
        with pytest.raises(Exception, match="unknown question id 'no-such-question'"):
            await _execute(
                client,
                "pyiq.recordAnswer",
                {"id": "no-such-question", "chosen": 0, "correct": True},
            )
        with pytest.raises(Exception, match="`chosen` must be a choice index"):
            await _execute(client, "pyiq.recordAnswer", {"id": first["id"], "correct": True})
        stats = await _execute(client, "pyiq.stats")
    assert right["recorded"] is True
    assert (right["id"], right["choice"], right["correct"]) == (
        first["id"],
        first["correct_index"],
        True,
    )
    assert right["correct_explanation"] == first["choices"][first["correct_index"]]["explanation"]
    assert (claimed["correct"], claimed["rating"]) == (False, "again")
    assert (bank["recorded"], bank["id"], bank["correct"]) == (True, "generators", False)

    with Store.open(data_dir=data) as store:
        reviews = store.reviews()
    assert [(r.card_id, r.choice, r.correct, r.source) for r in reviews] == [
        (first["id"], first["correct_index"], True, "lsp"),
        (second["id"], wrong_index, False, "lsp"),
        ("generators", 0, False, "lsp"),
    ]
    assert reviews[0].elapsed_ms == 4500
    assert stats == _stats(data)
    assert stats["total"]["answered"] == 3


def _seed(data: Path, rule: str, when: timedelta) -> None:
    """One "easy" answer to the rule's first card, ``when`` ago (graduated straight to review)."""
    with Store.open(data_dir=data) as store:
        store.record_answer(rule_card_ids(rule)[0], True, "easy", 3.0, now=datetime.now(UTC) - when)


async def _hover(client, uri: str, line: int, character: int) -> str:
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=line, character=character),
            )
        ),
        TIMEOUT,
    )
    return hover.contents.value


async def _lenses(client, uri: str) -> list[types.CodeLens]:
    return await asyncio.wait_for(
        client.text_document_code_lens_async(
            types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
        ),
        TIMEOUT,
    )


async def test_mastered_concept_loses_hint_and_long_hover(tmp_path: Path) -> None:
    data = tmp_path / "data"
    uri = (tmp_path / "mixed.py").as_uri()
    async with session(data_dir=data) as client:
        before = await open_and_wait(client, uri, MIXED)
        long_hover = await _hover(client, uri, 6, 4)
    assert sorted(d.code for d in before) == ["generator-function", "mutable-default-argument"]
    assert "\n" in long_hover

    # Mastered: answered, graduated to review, recalled just now. The bug
    # risk is mastered too, and must still warn.
    _seed(data, "generator-function", timedelta(minutes=1))
    _seed(data, "mutable-default-argument", timedelta(minutes=1))
    async with session(data_dir=data) as client:
        after = await open_and_wait(client, uri, MIXED)
        short_hover = await _hover(client, uri, 6, 4)
        bug_hover = await _hover(client, uri, 0, 22)
        lenses = await _lenses(client, uri)
    assert [d.code for d in after] == ["mutable-default-argument"]
    question = questions_for("generator-function")[0].id
    assert short_hover == (
        f"**Generator function** (line 6): mastered, so its hint is hidden · "
        f"`pyiq explain {question}`"
    )
    assert "\n" in bug_hover and "*Line 1:* Default `bucket=[]`" in bug_hover
    assert not any(lens.command.title.startswith("Review due") for lens in lenses)


async def test_mastery_threshold_setting(tmp_path: Path) -> None:
    data = tmp_path / "data"
    uri = (tmp_path / "mixed.py").as_uri()
    # Recalled a week ago: retrievability below 1.0, so a threshold of 1 is not met.
    _seed(data, "generator-function", timedelta(days=7))
    async with session({"masteryThreshold": 1.0}, data_dir=data) as client:
        strict = await open_and_wait(client, uri, MIXED)
    async with session({"masteryThreshold": 0.5}, data_dir=data) as client:
        lenient = await open_and_wait(client, uri, MIXED)
    assert "generator-function" in {d.code for d in strict}
    assert [d.code for d in lenient] == ["mutable-default-argument"]


async def test_review_due_code_lens(tmp_path: Path) -> None:
    data = tmp_path / "data"
    uri = (tmp_path / "mixed.py").as_uri()
    # Answered long ago: due for review (and no longer mastered, so the hint shows).
    _seed(data, "generator-function", timedelta(days=365))
    async with session({"quizUi": "data"}, data_dir=data) as client:
        diagnostics = await open_and_wait(client, uri, MIXED)
        lenses = await _lenses(client, uri)
        review = next(lens for lens in lenses if lens.command.title.startswith("Review due"))
        quiz = await _execute(client, review.command.command, *review.command.arguments)
    assert "generator-function" in {d.code for d in diagnostics}
    assert [lens.command.title for lens in lenses] == [
        "Quiz me on this file · 2 interview topics",
        "Bug risk: Mutable default argument · Quiz me",
        "Review due: Generator function",
    ]
    assert review.range.start == types.Position(line=5, character=0)
    assert review.command.command == "pyiq.quizAt"
    assert list(review.command.arguments) == [uri, {"line": 5, "character": 0}]
    assert {q["rule"] for q in quiz["questions"]} == {"generator-function"}


async def test_explain_rule_and_unknown(tmp_path: Path) -> None:
    async with session() as client:
        text = await _execute(client, "pyiq.explain", "is-literal")
        unknown = await _execute(client, "pyiq.explain", "no-such-thing")
        # The server still answers after a command with bad arguments.
        await _execute(client, "pyiq.quizFile", 42)
        again = await _execute(client, "pyiq.explain", "is-literal")
        plain = await _execute(client, "pyiq.explain", "is-literal", {"format": "plaintext"})
    assert text.startswith("# Identity comparison with a literal")
    assert plain.startswith("Identity comparison with a literal")
    assert "`" not in plain and "**" not in plain, plain
    assert "no-such-thing" in unknown
    assert again == text


async def test_unusable_store_is_reported_once_and_the_server_carries_on(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the data directory should be\n")
    uri = (tmp_path / "quiz.py").as_uri()
    async with session(data_dir=blocker) as client:

        @client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
        def answer(params: types.ShowMessageRequestParams) -> types.MessageActionItem | None:
            return params.actions[0]

        diagnostics = await open_and_wait(client, uri, MIXED)
        result = await _execute(client, "pyiq.quizAt", uri, {"line": 0, "character": 0})
        lenses = await _lenses(client, uri)
        with pytest.raises(Exception, match="progress store is unavailable"):
            await _execute(
                client, "pyiq.recordAnswer", {"id": "generators", "chosen": 0, "correct": True}
            )
        messages = [m.message for m in client.messages]
    assert sorted(d.code for d in diagnostics) == ["generator-function", "mutable-default-argument"]
    assert result["asked"] == len(result["questions"]) >= 1
    assert [lens.command.title for lens in lenses] == [
        "Quiz me on this file · 2 interview topics",
        "Bug risk: Mutable default argument · Quiz me",
    ]
    problems = [m for m in messages if m.startswith("pyiq: progress is not saved")]
    assert len(problems) == 1
    assert str(blocker) in problems[0]
