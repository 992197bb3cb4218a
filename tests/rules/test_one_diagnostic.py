"""A security bug risk and the concept rule on the same call never both report it.

The bug risk owns the unsafe calls, the concept the others: every call
below gets exactly the one rule named beside it.
"""

from __future__ import annotations

import pytest

from pyiq.analysis import analyze

PAIRS = {
    "yaml": ("unsafe-yaml-load", "yaml-load"),
    "pickle": ("pickle-load", "pickle"),
    "eval": ("eval-call", "eval-exec"),
    "abc": ("abstract-base-class-without-abstract-method", "abstract-base-class"),
}

CASES = [
    ("import yaml\nx = yaml.load(s)\n", "yaml", "unsafe-yaml-load"),
    ("import yaml\nx = yaml.load(s, Loader=yaml.FullLoader)\n", "yaml", "unsafe-yaml-load"),
    ("import yaml\nx = yaml.load(s, Loader=yaml.SafeLoader)\n", "yaml", "yaml-load"),
    ("import yaml\nx = yaml.safe_load(s)\n", "yaml", "yaml-load"),
    ("import yaml\nx = yaml.unsafe_load(s)\n", "yaml", "yaml-load"),
    ("x = yaml.load(s)\n", "yaml", "yaml-load"),  # `yaml` not imported: not PyYAML for sure
    ("import pickle\nx = pickle.loads(b)\n", "pickle", "pickle-load"),
    ("import pickle\nx = pickle.dumps(o)\n", "pickle", "pickle"),
    ("x = pickle.loads(b)\n", "pickle", "pickle"),
    ("x = eval(s)\n", "eval", "eval-call"),
    ("exec(s)\n", "eval", "eval-exec"),
    ("from abc import ABC\nclass A(ABC):\n    pass\n", "abc", "abstract-base-class-without-abstract-method"),
    (
        "from abc import ABC, abstractmethod\nclass A(ABC):\n    @abstractmethod\n    def f(self): ...\n",
        "abc",
        "abstract-base-class",
    ),
]


@pytest.mark.parametrize(("source", "pair", "owner"), CASES)
def test_one_construct_one_diagnostic(source: str, pair: str, owner: str) -> None:
    found = [f.rule for f in analyze(source.encode()) if f.rule in PAIRS[pair]]
    assert found == [owner]
