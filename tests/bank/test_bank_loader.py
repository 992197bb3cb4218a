"""The loader on small synthetic banks: validation messages, cache behaviour, lookups."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pyiq.bank import Bank, BankError, Question, load_bank
from tests.bank.bank_factory import question, write_topic


@pytest.fixture
def bank_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "questions"
    write_topic(
        directory,
        "alpha",
        [
            question("mutable-defaults", rules=["mutable-default-argument"], tags=["functions"]),
            question("numpy-broadcasting", imports=["numpy"], level="mid", related=["gil"]),
        ],
    )
    write_topic(directory, "beta", [question("gil", level="senior", tags=["concurrency"])])
    monkeypatch.setenv("PYIQ_QUESTIONS_DIR", str(directory))
    monkeypatch.setenv("PYIQ_CACHE_DIR", str(tmp_path / "cache"))
    return directory


def _error(directory: Path) -> str:
    with pytest.raises(BankError) as info:
        load_bank(directory, reload=True)
    return str(info.value)


def test_loads_questions_in_file_order(bank_dir: Path) -> None:
    bank = load_bank()
    assert list(bank.questions) == ["mutable-defaults", "numpy-broadcasting", "gil"]
    assert list(bank.topics) == ["alpha", "beta"]
    assert bank.topics["beta"].question_ids == ("gil",)
    assert bank.topics["alpha"].path == str(bank_dir / "alpha.yaml")
    q = bank.questions["gil"]
    assert isinstance(q, Question)
    assert (q.topic, q.level, q.tags, q.imports) == ("beta", "senior", ("concurrency",), ())
    assert q.quiz.correct.text == "Right" and q.quiz.correct_index == 0
    assert q.quiz.choices[1].explanation == "A common confusion."


def test_records_are_frozen(bank_dir: Path) -> None:
    q = load_bank().questions["gil"]
    with pytest.raises(AttributeError):
        q.level = "junior"  # type: ignore[misc]


def test_load_bank_is_cached_per_process(bank_dir: Path) -> None:
    assert load_bank() is load_bank()
    assert load_bank(reload=True) is not load_bank(bank_dir / ".." / "questions", reload=True)


def test_lookups(bank_dir: Path) -> None:
    bank = load_bank()
    assert [q.id for q in bank.for_rule("mutable-default-argument")] == ["mutable-defaults"]
    assert bank.for_rule("no-such-rule") == []
    assert [q.id for q in bank.for_import("numpy")] == ["numpy-broadcasting"]
    assert [q.id for q in bank.for_import("numpy.linalg")] == ["numpy-broadcasting"]
    assert bank.for_import("numpyx") == []
    assert [q.id for q in bank.by_tag("testing-tag")] == ["numpy-broadcasting"]
    assert [q.id for q in bank.related(bank.questions["numpy-broadcasting"])] == ["gil"]
    assert "gil" in bank and len(bank) == 3
    assert bank.tags == ["concurrency", "functions", "testing-tag"]


def test_search_filters_and_ranks(bank_dir: Path) -> None:
    bank = load_bank()
    assert [q.id for q in bank.search()] == ["mutable-defaults", "numpy-broadcasting", "gil"]
    assert [q.id for q in bank.search(level="senior")] == ["gil"]
    assert [q.id for q in bank.search(tag="functions")] == ["mutable-defaults"]
    assert [q.id for q in bank.search(rule="mutable-default-argument")] == ["mutable-defaults"]
    assert [q.id for q in bank.search("GIL")] == ["gil"]
    assert [q.id for q in bank.search("numpy broadcasting")] == ["numpy-broadcasting"]
    assert bank.search("gil", level="junior") == []
    assert bank.search("absent-word") == []
    assert [q.id for q in bank.search("broadcast")] == ["numpy-broadcasting"]  # word prefix
    assert bank.search("roadcasting") == []  # not the middle of a word


def test_schema_error_names_file_key_and_line(bank_dir: Path) -> None:
    path = bank_dir / "alpha.yaml"
    path.write_text(path.read_text().replace("level: mid", "level: expert"))
    message = _error(bank_dir)
    assert "questions/alpha.yaml:" in message
    assert "questions[1] (id 'numpy-broadcasting').level: 'expert' is not one of" in message
    line = message.split("questions/alpha.yaml:")[1].split(":")[0]
    assert path.read_text().splitlines()[int(line) - 1].strip() == "level: expert"


def test_missing_key_and_unknown_key(bank_dir: Path) -> None:
    bad = question("broken")
    del bad["short"]
    bad["anwser"] = "typo"
    write_topic(bank_dir, "gamma", [bad])
    message = _error(bank_dir)
    assert "gamma.yaml" in message
    assert "questions[0] (id 'broken'): 'short' is a required property" in message
    assert "'anwser' was unexpected" in message


def test_quiz_choice_without_explanation(bank_dir: Path) -> None:
    bad = question("quizzy")
    del bad["quiz"]["choices"][2]["why_wrong"]
    write_topic(bank_dir, "gamma", [bad])
    message = _error(bank_dir)
    assert "questions[0] (id 'quizzy').quiz.choices[2]: a choice needs either" in message


def test_two_correct_choices(bank_dir: Path) -> None:
    bad = question("quizzy")
    bad["quiz"]["choices"][1] = {"text": "Also right", "correct": True, "why": "Hmm, also."}
    write_topic(bank_dir, "gamma", [bad])
    message = _error(bank_dir)
    assert "questions[0] (id 'quizzy').quiz.choices: needs exactly one choice" in message


def test_duplicate_id_across_files(bank_dir: Path) -> None:
    write_topic(bank_dir, "gamma", [question("gil")])
    message = _error(bank_dir)
    assert "gamma.yaml" in message
    assert "duplicate question id 'gil' (first defined in questions/beta.yaml)" in message


def test_unresolved_related(bank_dir: Path) -> None:
    write_topic(bank_dir, "gamma", [question("lonely", related=["nowhere"])])
    message = _error(bank_dir)
    assert "questions[0] (id 'lonely').related[0]: related id 'nowhere' is not a question" in (
        message
    )


def test_short_too_long(bank_dir: Path) -> None:
    write_topic(bank_dir, "gamma", [question("wordy", short="x" * 201)])
    assert "questions[0] (id 'wordy').short:" in _error(bank_dir)


def test_topic_must_match_file_name(bank_dir: Path) -> None:
    path = write_topic(bank_dir, "gamma", [question("fine")])
    path.rename(bank_dir / "delta.yaml")
    assert "topic 'gamma' must match the file name 'delta'" in _error(bank_dir)


def test_yaml_syntax_error_names_file_and_line(bank_dir: Path) -> None:
    (bank_dir / "gamma.yaml").write_text("topic: gamma\ntitle: [unclosed\nquestions: []\n")
    message = _error(bank_dir)
    assert "questions/gamma.yaml:" in message and "YAML:" in message


def test_duplicate_yaml_key_is_an_error(bank_dir: Path) -> None:
    path = bank_dir / "beta.yaml"
    text = path.read_text()
    path.write_text(text.replace("  level: senior\n", "  level: senior\n  level: junior\n", 1))
    message = _error(bank_dir)
    assert "questions/beta.yaml:" in message and "found duplicate key 'level'" in message


def test_every_problem_is_reported_at_once(bank_dir: Path) -> None:
    write_topic(bank_dir, "gamma", [question("a", level="x"), question("b", level="y")])
    assert "(2 problem(s))" in _error(bank_dir)


def test_bad_env_dir_is_a_bank_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PYIQ_QUESTIONS_DIR", str(tmp_path / "missing"))
    with pytest.raises(BankError, match="PYIQ_QUESTIONS_DIR"):
        load_bank()


def _cache_files(bank_dir: Path) -> list[Path]:
    return sorted((bank_dir.parent / "cache").glob("bank-*.marshal"))


def test_cache_is_written_and_used(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_bank()
    assert len(_cache_files(bank_dir)) == 1

    def no_validation(*args: object) -> None:
        raise AssertionError("full validation ran although the cache was valid")

    monkeypatch.setattr("pyiq.bank.loader._validated_records", no_validation)
    assert len(load_bank(reload=True)) == 3


def test_cache_is_invalidated_when_a_file_changes(bank_dir: Path) -> None:
    load_bank()
    path = bank_dir / "beta.yaml"
    path.write_text(path.read_text().replace("level: senior", "level: junior"))
    assert load_bank(reload=True).questions["gil"].level == "junior"
    assert len(_cache_files(bank_dir)) == 2
    path.write_text(path.read_text().replace("level: junior", "level: bogus"))
    with pytest.raises(BankError, match="bogus"):
        load_bank(reload=True)


def test_cache_is_invalidated_when_a_file_is_added(bank_dir: Path) -> None:
    load_bank()
    write_topic(bank_dir, "gamma", [question("new-one")])
    assert "new-one" in load_bank(reload=True)


def test_corrupt_cache_falls_back_silently(bank_dir: Path) -> None:
    load_bank()
    for garbage in (b"", b"\x00garbage", marshal.dumps(("pyiq-bank-cache", "x", ()))):
        _cache_files(bank_dir)[0].write_bytes(garbage)
        assert len(load_bank(reload=True)) == 3


def test_wrong_shape_cache_falls_back(bank_dir: Path) -> None:
    bank = load_bank()
    path = _cache_files(bank_dir)[0]
    key = marshal.loads(path.read_bytes())[1]
    path.write_bytes(marshal.dumps(("pyiq-bank-cache", key, (("x",),))))
    assert list(load_bank(reload=True).questions) == list(bank.questions)


def test_unwritable_cache_dir_is_ignored(
    bank_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("PYIQ_CACHE_DIR", str(blocker / "cache"))
    assert len(load_bank(reload=True)) == 3


def test_cached_load_skips_yaml_and_jsonschema(bank_dir: Path) -> None:
    code = (
        "import sys\n"
        "from pyiq.bank import load_bank\n"
        "bank = load_bank()\n"
        "heavy = sorted(m for m in ('yaml', 'jsonschema', 'typing') if m in sys.modules)\n"
        "print(len(bank), heavy)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        for _ in range(2)
    ]
    assert runs[0].startswith("3 ") and "jsonschema" in runs[0]
    assert runs[1] == "3 []\n"


def test_installed_layout_finds_packaged_questions(tmp_path: Path) -> None:
    """A wheel ships the bank as ``pyiq/questions``; that copy is found without env vars."""
    import shutil

    import pyiq

    site = tmp_path / "site"
    shutil.copytree(Path(pyiq.__file__).parent, site / "pyiq")
    write_topic(site / "pyiq" / "questions", "packaged", [question("from-the-wheel")])
    env = {k: v for k, v in os.environ.items() if k != "PYIQ_QUESTIONS_DIR"}
    env["PYTHONPATH"] = str(site)
    code = "from pyiq.bank import load_bank; print(list(load_bank().questions))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=True,
    )
    assert result.stdout == "['from-the-wheel']\n"


def test_checkout_layout_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyiq.bank import locate

    monkeypatch.delenv("PYIQ_QUESTIONS_DIR", raising=False)
    expected = Path(__file__).resolve().parents[2] / "questions"
    assert Path(locate.questions_dir()) == expected


def test_bank_repr() -> None:
    assert repr(Bank("/x", {}, {})) == "Bank(0 questions in 0 topics)"
