"""Reporters: rules whose reported nodes Python picks, validated at load time.

A rule with ``(#set! report "pyiq-...")`` hands its reported capture to a
reporter, and each node the reporter returns becomes one finding with its
own position and message. loop-variable-closure is built on one: its
findings must still follow edits anywhere in the loop around a closure.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from tree_sitter import Node

from pyiq.analysis import Document
from pyiq.analysis.engine import run_rules
from pyiq.analysis.language import new_parser
from pyiq.analysis.predicates import REPORTERS, MatchContext, Reporter
from pyiq.analysis.registry import RuleError, load_rules_from

ARGUMENTS = """;; Finds each argument of a call.
((call arguments: (argument_list) @arguments) @_construct
  (#set! report "{reporter}")
  (#set! id "call-argument")
  (#set! name "Call argument")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "{message}"))
"""


def write(directory: Path, reporter: str, message: str = "`{argument}` in `{_construct}`") -> None:
    text = ARGUMENTS.replace("{reporter}", reporter).replace("{message}", message)
    (directory / "call-argument.scm").write_text(text, encoding="utf-8")


def _arguments(ctx: MatchContext, nodes: Sequence[Node]) -> list[Node]:
    return [argument for node in nodes for argument in node.named_children]


@pytest.fixture
def arguments_reporter(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(REPORTERS, "pyiq-test-arguments", Reporter("argument", _arguments))
    return "pyiq-test-arguments"


def test_each_reported_node_is_a_finding_with_its_own_span_and_message(
    tmp_path: Path, arguments_reporter: str
) -> None:
    write(tmp_path, arguments_reporter)
    registry = load_rules_from(tmp_path)
    assert registry.rules["call-argument"].report == arguments_reporter
    source = b"x = 1\nf(a, g(b))\n"
    findings = run_rules(new_parser().parse(source), source, registry)
    call = (source.index(b"f("), source.index(b"))") + 2)
    assert [
        (f.start_byte, f.end_byte, f.message, (f.construct_start, f.construct_end))
        for f in findings
    ] == [
        (8, 9, "`a` in `f(a, g(b))`", call),
        (11, 15, "`g(b)` in `f(a, g(b))`", call),
        (13, 14, "`b` in `g(b)`", (11, 15)),
    ]
    # Each finding's span is its match's: the call and its arguments.
    assert [(f.span_start, f.span_end) for f in findings] == [call, call, (11, 15)]
    assert findings[0].binding("argument") == "a"
    assert findings[1].binding("argument") == "g(b)"


def test_a_reporter_that_reports_nothing_gives_no_finding(
    tmp_path: Path, arguments_reporter: str
) -> None:
    write(tmp_path, arguments_reporter)
    source = b"f()\n"
    assert run_rules(new_parser().parse(source), source, load_rules_from(tmp_path)) == []


@pytest.mark.parametrize(
    ("reporter", "message", "error"),
    [
        (
            "pyiq-no-such-reporter",
            "`{argument}`",
            "call-argument.scm: unknown reporter 'pyiq-no-such-reporter' in #set! report",
        ),
        (
            "pyiq-test-arguments",
            "`{arg}`",
            "call-argument.scm: message refers to unknown capture {arg}",
        ),
    ],
)
def test_unknown_reporters_and_placeholders_are_refused_at_load_time(
    tmp_path: Path, arguments_reporter: str, reporter: str, message: str, error: str
) -> None:
    write(tmp_path, reporter, message)
    with pytest.raises(RuleError) as raised:
        load_rules_from(tmp_path)
    assert error in str(raised.value)


def test_a_capture_named_like_the_reporters_placeholder_is_refused(
    tmp_path: Path, arguments_reporter: str
) -> None:
    write(tmp_path, arguments_reporter)
    path = tmp_path / "call-argument.scm"
    path.write_text(path.read_text().replace("@arguments", "@argument"), encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_rules_from(tmp_path)
    assert "capture @argument clashes with what reporter 'pyiq-test-arguments' binds" in str(
        raised.value
    )


def _late(doc: Document) -> list[tuple[int, int, int, int]]:
    return [
        (f.start_byte, f.end_byte, f.span_start, f.span_end)
        for f in doc.raw_findings
        if f.rule == "loop-variable-closure"
    ]


NESTED = "for i in r:\n    def make():\n        return lambda: i\n"
DEF_IN_INNER_LOOP = "for i in r:\n    while i:\n        def make():\n            return i\n"


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # The lambda is the innermost closure around the name.
        (NESTED, (NESTED.index("lambda"), len(NESTED) - 1)),
        # The def is, and the inner loop's body the innermost one around it.
        (DEF_IN_INNER_LOOP, (DEF_IN_INNER_LOOP.index("def"), len(DEF_IN_INNER_LOOP) - 1)),
    ],
)
def test_a_name_is_reported_once_with_the_span_of_its_innermost_scope(
    text: str, scope: tuple[int, int]
) -> None:
    name = text.rindex("i")
    assert _late(Document.from_text(text)) == [(name, name + 1, *scope)]


@pytest.mark.parametrize(
    ("text", "edit", "after"),
    [
        # The loop header, outside the closure, stops rebinding the name.
        ("for i in r:\n    fs.append(lambda: i)\n", ((0, 4), (0, 5), "j"), False),
        # The def around the lambda, outside it, binds the name itself.
        (NESTED, ((2, 8), (2, 8), "i = 0\n        "), False),
        # A loop in a method (re-analysed alone) starts rebinding the name.
        (
            "class C:\n    def m(self, r):\n        for j in r:\n            yield lambda: i\n"
            "\n    def n(self):\n        pass\n",
            ((2, 12), (2, 13), "i"),
            True,
        ),
    ],
)
def test_an_edit_in_the_loop_outside_the_closure_re_evaluates_its_names(
    text: str, edit: tuple[tuple[int, int], tuple[int, int], str], after: bool
) -> None:
    doc = Document.from_text(text)
    assert bool(_late(doc)) != after
    doc.apply_edit(*edit)
    assert bool(_late(doc)) == after
    assert doc.raw_findings == Document(doc.source).raw_findings
