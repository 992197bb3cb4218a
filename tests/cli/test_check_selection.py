"""A selection matched with the full query and filtered finds what its own query finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from pyiq.analysis import analyze
from pyiq.analysis.config import Config
from pyiq.analysis.registry import load_registry
from pyiq.checking import _registry_for, locate

RULE_FILES = sorted((Path(__file__).resolve().parent.parent / "rules").glob("*/*.py"))

SELECTIONS = [
    # What respecting ruff leaves out in a project selecting the bugbear and pyflakes rules.
    Config(ignore=("mutable-default-argument", "call-in-default-argument", "assert-tuple")),
    # The bug risks that own the unsafe calls of a concept, left out: the concept stays quiet.
    Config(ignore=("pickle-load", "unsafe-yaml-load", "eval-call", "subprocess-shell")),
    Config(ignore=("lambda", "decorator", "generator-function")),
    Config(level=("junior", "mid")),
]


@pytest.mark.parametrize("config", SELECTIONS, ids=lambda c: ",".join(c.ignore or c.level))
def test_filtered_findings_equal_the_selections_own_query(config: Config) -> None:
    registry, keep = _registry_for(config)
    assert registry is load_registry() and keep is not None  # the full query, filtered
    subset = load_registry().subset(keep)
    assert subset is not registry
    for path in RULE_FILES:
        source = path.read_bytes()
        filtered = [f for f in analyze(source, config, registry) if f.rule in keep]
        assert filtered == analyze(source, config, subset), path


def test_a_narrow_selection_gets_its_own_query() -> None:
    registry, keep = _registry_for(Config(select=("bug-risk",)))
    assert keep is None and len(registry) == 30


def test_check_reports_none_of_the_left_out_rules(tmp_path: Path) -> None:
    source = b"import pickle\n\ndef load(blob, seen=[]):\n    return pickle.loads(blob)\n"
    config = Config(ignore=("mutable-default-argument",))
    rules = [found.rule for found in locate(str(tmp_path / "a.py"), source, config)]
    assert "mutable-default-argument" not in rules
    assert "pickle-load" in rules
