"""The parsed rule files cached by content: used when valid, never trusted when not."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import pytest

from pyiq.analysis import registry as registry_module
from pyiq.analysis import rule_cache
from pyiq.analysis.registry import Registry, RuleError, load_rules_from

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "server" / "pyiq" / "rules"


@pytest.fixture
def rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of a few shipped rules, and a private cache directory."""
    directory = tmp_path / "rules"
    directory.mkdir()
    for name in ("bare-except", "mutable-default-argument", "lambda", "is-literal", "decorator"):
        shutil.copy(RULES / f"{name}.scm", directory)
    monkeypatch.setenv("PYIQ_CACHE_DIR", str(tmp_path / "cache"))
    return directory


def _cache_files(rules: Path) -> list[Path]:
    return sorted((rules.parent / "cache").glob("rules-*.marshal"))


def _summary(registry: Registry) -> tuple:
    return (
        [(r.id, r.message, r.path, r.captures, r.module_scope) for r in registry],
        [e.source for e in registry.entries],
        [[(m.rule.id, dict(m.names), len(m.checks)) for m in e.members] for e in registry.entries],
    )


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the rule files were parsed although the cache was valid")

    monkeypatch.setattr(registry_module, "parse_rule_file", refuse)


def test_the_cache_is_written_and_then_used(rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = load_rules_from(rules, use_cache=True)
    assert len(_cache_files(rules)) == 1
    _no_parsing(monkeypatch)
    cached = load_rules_from(rules, use_cache=True)
    assert _summary(cached) == _summary(fresh)


def test_a_cached_rule_points_at_the_file_it_was_loaded_from(
    rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_rules_from(rules, use_cache=True)
    elsewhere = shutil.copytree(rules, tmp_path / "elsewhere")
    _no_parsing(monkeypatch)
    moved = load_rules_from(elsewhere, use_cache=True)
    assert {Path(rule.path).parent for rule in moved} == {elsewhere}


def test_an_edited_rule_is_parsed_again(rules: Path) -> None:
    load_rules_from(rules, use_cache=True)
    path = rules / "bare-except.scm"
    text = path.read_text()
    start = text.index('(#set! message "') + len('(#set! message "')
    path.write_text(text[:start] + "edited" + text[text.index('")', start) :])
    assert load_rules_from(rules, use_cache=True).rules["bare-except"].message == "edited"
    assert len(_cache_files(rules)) == 2


def test_an_added_or_removed_rule_is_seen(rules: Path) -> None:
    load_rules_from(rules, use_cache=True)
    shutil.copy(RULES / "walrus.scm", rules)
    assert "walrus" in load_rules_from(rules, use_cache=True)
    (rules / "lambda.scm").unlink()
    assert "lambda" not in load_rules_from(rules, use_cache=True)


def test_another_pyiq_version_does_not_read_the_cache(
    rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_rules_from(rules, use_cache=True)
    monkeypatch.setattr(rule_cache, "__version__", "0.0.0-other")
    load_rules_from(rules, use_cache=True)
    assert len(_cache_files(rules)) == 2


def test_a_change_to_the_parsing_code_does_not_read_the_cache(
    rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = [(path, path.read_text()) for path in sorted(rules.glob("*.scm"))]
    before = rule_cache.compute_key(sources)
    monkeypatch.setitem(rule_cache.PREDICATES, "pyiq-new-predicate?", lambda *args: True)
    assert rule_cache.compute_key(sources) != before


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\x00not marshal",
        marshal.dumps(("pyiq-rule-cache", "another key", ())),
        marshal.dumps(["a list"]),
    ],
)
def test_a_corrupt_cache_falls_back_to_parsing(rules: Path, garbage: bytes) -> None:
    fresh = load_rules_from(rules, use_cache=True)
    path = _cache_files(rules)[0]
    path.write_bytes(garbage)
    assert _summary(load_rules_from(rules, use_cache=True)) == _summary(fresh)


@pytest.mark.parametrize(
    "records",
    [
        (),  # fewer files than on disk
        ((("x",), ()),) * 5,  # a rule's fields cut short
        ((("bare-except",) * 11 + (frozenset(), frozenset()), ()),) * 5,  # rule for the wrong file
        ("not a record",) * 5,
    ],
)
def test_a_cache_of_the_wrong_shape_falls_back_to_parsing(rules: Path, records: tuple) -> None:
    fresh = load_rules_from(rules, use_cache=True)
    path = _cache_files(rules)[0]
    key = marshal.loads(path.read_bytes())[1]
    path.write_bytes(marshal.dumps(("pyiq-rule-cache", key, records)))
    assert _summary(load_rules_from(rules, use_cache=True)) == _summary(fresh)


def test_a_cache_file_that_cannot_be_read_falls_back(rules: Path) -> None:
    fresh = load_rules_from(rules, use_cache=True)
    path = _cache_files(rules)[0]
    path.unlink()
    path.mkdir()  # opening it fails whatever the user's permissions
    assert _summary(load_rules_from(rules, use_cache=True)) == _summary(fresh)


def test_a_cache_directory_that_cannot_be_made_is_ignored(
    rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A rule file stands where the directory would go: neither makedirs nor a write can succeed.
    monkeypatch.setenv("PYIQ_CACHE_DIR", str(rules / "bare-except.scm" / "cache"))
    for _ in range(2):
        assert "bare-except" in load_rules_from(rules, use_cache=True)
    assert not (rules / "bare-except.scm").is_dir()


def test_invalid_rule_files_are_never_cached(rules: Path) -> None:
    (rules / "broken.scm").write_text(';; Broken.\n(call @x (#set! id "broken"))\n')
    for _ in range(2):
        with pytest.raises(RuleError, match=r"broken\.scm"):
            load_rules_from(rules, use_cache=True)
    assert _cache_files(rules) == []


def test_without_the_flag_nothing_is_written(rules: Path) -> None:
    load_rules_from(rules)
    assert _cache_files(rules) == []
