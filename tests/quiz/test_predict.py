"""Predict-the-output questions: built from the user's names, proven by running."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyiq.quiz.predict import GENERATORS, Draft, Option, draft_for, prove
from pyiq.quiz.runner import RunResult, run_many, run_snippet
from pyiq.quiz.sites import sites_in_source

# rule, user code, the output the proven answer must be, names the snippet must reuse.
CASES = [
    (
        "mutable-default-argument",
        "def add_item(item, bucket=[]):\n    bucket.append(item)  # MARKER\n",
        "[1, 2]",
        ["add_item", "bucket", "item"],
    ),
    (
        "mutable-default-argument",
        "def register(name, registry={'seed': 0}):\n    registry[name] = 1  # MARKER\n",
        "{'seed': 0, 'x': True, 'y': True}",
        ["register", "registry", "name"],
    ),
    (
        "mutable-default-argument",
        "def tag(t, seen=set()):\n    seen.add(t)  # MARKER\n",
        "[1, 2]",
        ["tag", "seen"],
    ),
    (
        "call-in-default-argument",
        "import time\ndef log(msg, when=time.time()):\n    print(msg, when)  # MARKER\n",
        "1 1 1",
        ["log", "when", "time"],
    ),
    (
        "loop-variable-closure",
        "handlers = []\nfor step in [10, 20, 30]:\n    handlers.append(lambda: step)  # MARKER\n",
        "[30, 30, 30]",
        ["handlers", "step"],
    ),
    (
        "loop-variable-closure",
        "out = []\nfor k in range(4):\n    def show():\n        return k  # MARKER\n"
        "    out.append(show)\n",
        "[3, 3, 3, 3]",
        ["show", "k"],
    ),
    ("is-literal", "if count is 1000:  # MARKER\n    pass\n", "True False", ["count"]),
    ("is-literal", "if count is 7:  # MARKER\n    pass\n", "True True", ["count"]),
    ("is-literal", "if name is 'hello':  # MARKER\n    pass\n", "True False", ["name"]),
    ("none-comparison", "if result == None:  # MARKER\n    pass\n", "True False", ["result"]),
    ("none-comparison", "if row != None:  # MARKER\n    pass\n", "False True", ["row"]),
    ("bool-comparison", "if ready == True:  # MARKER\n    pass\n", "False True", ["ready"]),
    ("bool-comparison", "if done != False:  # MARKER\n    pass\n", "True False", ["done"]),
    ("bool-comparison", "if empty == False:  # MARKER\n    pass\n", "False True", ["empty"]),
    ("type-comparison", "if type(cfg) == dict:  # MARKER\n    pass\n", "False True", ["cfg"]),
    (
        "type-comparison",
        "if type(err) != ValueError:  # MARKER\n    pass\n",
        "True True",
        ["err", "ValueError"],
    ),
    (
        "global-statement",
        "hits = 0\ndef track():\n    global hits\n    hits = hits + 1  # MARKER\n",
        "2",
        ["hits", "track"],
    ),
    (
        "lambda-assignment",
        "square = lambda x: x * x  # MARKER\n",
        "<lambda> square_def",
        ["square"],
    ),
    (
        "bare-except",
        "def fetch():\n    try:\n        pass  # MARKER\n    except:\n        pass\n",
        "swallowed",
        ["fetch"],
    ),
    (
        "mutable-class-attribute",
        "class Basket:\n    fruits = []  # MARKER\n",
        "[1] True",
        ["Basket", "fruits"],
    ),
    (
        "mutable-class-attribute",
        "import collections\nclass Registry:\n"
        "    handlers = collections.defaultdict(list)  # MARKER\n",
        "{'key': 1} True",
        ["Registry", "handlers"],
    ),
    (
        "return-in-finally",
        "def fetch():\n    try:\n        pass\n    finally:\n        return 1  # MARKER\n",
        "from finally",
        ["fetch"],
    ),
    (
        "return-in-finally",
        "for retry in range(5):\n    try:\n        pass\n    finally:\n"
        "        continue  # MARKER\n",
        "after the loop 2",
        ["retry"],
    ),
    (
        "generator-function",
        "def rows(path):\n    yield path  # MARKER\n",
        "['called', 'body started', 1]",
        ["rows"],
    ),
    (
        "generator-expression",
        "evens = (v * 10 for v in [1, 2, 3, 4])  # MARKER\n",
        "20 0",
        ["evens", "v"],
    ),
    (
        "dict-comprehension",
        "index = {w: len(w) for w in words}  # MARKER\n",
        "{1: 3, 0: 4}",
        ["index", "w"],
    ),
    (
        "star-args",
        "def route(*parts, **query):\n    pass  # MARKER\n",
        "('tuple', 'dict', 2, ['key'])",
        ["route", "parts", "query"],
    ),
    (
        "nonlocal",
        "def counter():\n    n = 0\n    def bump():\n        nonlocal n\n        n += 1  # MARKER\n"
        "    return bump\n",
        "1 2 1",
        ["counter", "bump"],
    ),
    (
        "closure",
        "def make(prefix):\n    def greet(name):\n        return prefix + name  # MARKER\n"
        "    return greet\n",
        "after",
        ["make", "greet", "prefix"],
    ),
    (
        "copy-module",
        "import copy\nclone = copy.deepcopy(settings)  # MARKER\n",
        "[[1, 2, 's'], [3, 4]]",
        ["settings"],
    ),
    (
        "lru-cache",
        "from functools import lru_cache\n@lru_cache(maxsize=32)\ndef fib(n):\n"
        "    return n  # MARKER\n",
        "2 1",
        ["fib"],
    ),
    (
        "try-else-finally",
        "def save():\n    try:\n        pass\n    except OSError:\n        pass\n"
        "    finally:\n        pass  # MARKER\n",
        "['try', 'else', 'finally'] ['try', 'except', 'finally']",
        ["save"],
    ),
]


CASE_IDS = [f"{case[0]}-{number}" for number, case in enumerate(CASES)]


def _draft(rule: str, source: str) -> Draft:
    sites = [s for s in sites_in_source(source) if s.rule == rule]
    assert sites, f"no {rule} finding in the sample"
    draft = draft_for(sites[0])
    assert draft is not None, f"no predict question for {rule}"
    return draft


def test_at_least_eight_rule_kinds_have_generators():
    assert len(GENERATORS) >= 8
    assert {rule for rule, *_ in CASES} == set(GENERATORS)


@pytest.fixture(scope="module")
def proven_cases():
    """Every case drafted and run once (in parallel), shared by the checks below."""
    drafts = [_draft(rule, source) for rule, source, _, _ in CASES]
    results = run_many([d.code for d in drafts])
    return list(zip(CASES, drafts, results, strict=True))


@pytest.mark.parametrize(
    "index", range(len(CASES)), ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_answer_is_proven_by_running_and_matches_an_option(proven_cases, index):
    (_rule, _source, expected, _names), draft, result = proven_cases[index]
    assert result.ok, result.stderr
    assert result.output == expected
    proven = prove(draft, result)
    assert proven is not None
    correct = proven.choices[proven.correct_index]
    # The expected output is one of the options the generator foresaw, not a fallback.
    assert any(option.text == expected for option in draft.options)
    assert correct.text == expected and correct.correct
    assert sum(choice.correct for choice in proven.choices) == 1
    assert 3 <= len(proven.choices) <= 4
    assert all(choice.explanation for choice in proven.choices)
    assert len({choice.text for choice in proven.choices}) == len(proven.choices)


@pytest.mark.parametrize(
    "index", range(len(CASES)), ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_snippet_uses_the_users_names_but_never_their_code(proven_cases, index):
    (rule, _source, _expected, names), draft, _result = proven_cases[index]
    for name in names:
        assert name in draft.code, f"{rule}: {name!r} missing from the snippet"
    assert "MARKER" not in draft.code
    assert draft.prompt.startswith("Line ")


def test_nothing_but_literals_crosses_into_a_snippet():
    source = "def f(x, acc=[__import__('os').system('echo pwned')]):\n    pass\n"
    sites = [s for s in sites_in_source(source) if s.rule == "mutable-default-argument"]
    assert sites and draft_for(sites[0]) is None


def test_awkward_user_names_still_make_valid_snippets():
    source = (
        "def print(list, dict=[]):\n    pass\n"
        "for calls in range(3):\n    fns.append(lambda: calls)\n"
    )
    drafts = [draft_for(site) for site in sites_in_source(source)]
    drafts = [d for d in drafts if d is not None and d.rule != "lambda"]
    assert {d.rule for d in drafts} >= {"mutable-default-argument", "loop-variable-closure"}
    for draft in drafts:
        compile(draft.code, "<snippet>", "exec")
        assert "def print(" not in draft.code
        assert run_snippet(draft.code).ok


def test_an_unforeseen_output_becomes_the_correct_choice():
    draft = Draft("r", "Line 1: what?", "print(3)", (Option("1", "no"), Option("2", "no")))
    proven = prove(draft, RunResult("3\n", "", 0))
    assert proven is not None and proven.choices[proven.correct_index].text == "3"


def test_a_failed_run_gives_no_question():
    draft = Draft("r", "Line 1: what?", "boom", (Option("1", "no"),))
    assert prove(draft, RunResult("", "NameError", 1)) is None
    assert prove(draft, RunResult("", "", None, timed_out=True)) is None


def test_choice_order_is_stable_and_not_always_first():
    positions = set()
    for rule, source, _, _ in CASES:
        draft = _draft(rule, source)
        output = run_snippet(draft.code)
        first = prove(draft, output)
        again = prove(draft, output)
        assert first == again
        positions.add(first.correct_index)
    assert len(positions) > 1


TRICKY_NAMES = [
    "calls", "log", "fn", "steps", "fail", "copy", "shallow", "deep", "first", "second",
    "gen", "n", "Anything", "MyDict", "sys", "lru_cache", "value", "item", "bucket", "i",
    "self", "match", "print", "list", "None_", "données", "x1", "callbacks", "show",
]  # fmt: skip


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_user_names_never_break_a_template(data):
    """Whatever the user called things, the snippet runs and prints a foreseen option."""
    drafts = []
    for rule, source, _expected, names in CASES:
        renamed = source
        for name in names:
            if name in ("ValueError", "time"):
                continue
            new = data.draw(st.sampled_from(TRICKY_NAMES))
            renamed = re.sub(rf"\b{re.escape(name)}\b", new, renamed)
        sites = [s for s in sites_in_source(renamed) if s.rule == rule]
        draft = draft_for(sites[0]) if sites else None
        if draft is not None:
            drafts.append(draft)
    assert len(drafts) >= len(CASES) // 2
    for draft, result in zip(drafts, run_many([d.code for d in drafts]), strict=True):
        assert result.ok, f"{draft.rule}:\n{draft.code}\n{result.stderr}"
        foreseen = {option.text for option in draft.options}
        assert result.output in foreseen, f"{draft.rule}:\n{draft.code}\n-> {result.output}"
