"""The hover as a tip, end to end over JSON-RPC: exact text, every part of a construct, clients.

Question wordings come from the bank by id, so the layout is what these
tests pin; the question a construct raises first is pinned by its id.
"""

from __future__ import annotations

import asyncio
import statistics
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types

from pyiq.bank import load_bank
from tests.lsp.helpers import TIMEOUT, open_and_wait, session

RULES = Path(__file__).resolve().parents[1] / "rules"

CART = """def add_item(item, cart=[]):
    cart.append(item)
    return cart


def check(price):
    try:
        return price is 0
    except:
        return None
"""

ASYNC = """import asyncio


async def fetch(delay):
    await asyncio.sleep(delay)
    return delay
"""


async def _hover(client, uri: str, line: int, character: int) -> types.Hover | None:
    return await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=line, character=character),
            )
        ),
        TIMEOUT,
    )


def _q(question_id: str) -> tuple[str, str]:
    question = load_bank().get(question_id)
    assert question is not None, question_id
    return question.question, question.short.strip()


async def test_tip_for_a_plain_client_exact(tmp_path: Path) -> None:
    uri = (tmp_path / "cart.py").as_uri()
    async with session() as client:
        await open_and_wait(client, uri, CART)
        default = await _hover(client, uri, 0, 25)
        literal = await _hover(client, uri, 7, 21)
    question, short = _q("mutable-default-arguments")
    related = load_bank().get("mutable-default-arguments").related[:3]
    assert default is not None and default.contents.value == (
        f"**{question}**\n\n{short}\n\n"
        "*Line 1:* Default `cart=[]` is created once and shared by every call that omits `cart`"
        "\n\nFull answer: `pyiq explain mutable-default-arguments` · "
        "quiz: code action “Quiz me on this” · Related: " + ", ".join(f"`{qid}`" for qid in related)
    )
    question, short = _q("is-with-literals")
    assert literal is not None
    lines = literal.contents.value.split("\n")
    assert lines[:5] == [
        f"**{question}**",
        "",
        short,
        "",
        "*Line 8:* `is` compares identity with the literal `0`; use `==`/`!=` to compare values",
    ]
    assert lines[6].startswith("Full answer: `pyiq explain is-with-literals` · ")
    # Inside `check`, nothing else is at this point: no "Also here".
    assert len(lines) == 7


async def test_tip_in_vscode_links_commands_and_leaves_the_question_to_the_diagnostic(
    tmp_path: Path,
) -> None:
    uri = (tmp_path / "cart.py").as_uri()
    async with session(markdown_parser="marked") as client:
        diagnostics = await open_and_wait(client, uri, CART)
        on_default = await _hover(client, uri, 0, 25)
        in_body = await _hover(client, uri, 1, 6)
    question, short = _q("mutable-default-arguments")
    message = next(d.message for d in diagnostics if d.code == "mutable-default-argument")
    assert message == f"Mutable default argument — interview: {question}"
    # On the diagnostic's range VS Code shows its message right above: no second heading.
    value = on_default.contents.value
    assert value.startswith(f"{short}\n\n*Line 1:* Default `cart=[]`")
    assert question not in value
    links = value.split("\n\n")[2]
    assert links.startswith(
        "[Full answer](command:pyiq.explain?%5B%22mutable-default-arguments%22%5D) · "
        "[Quiz me](command:pyiq.quizAt?"
    )
    quiz_args = links.split("[Quiz me](command:pyiq.quizAt?")[1].split(")")[0]
    assert unquote(quiz_args) == f'["{uri}",{{"line":0,"character":24}}]'
    assert "<" not in value
    # Off the diagnostic's range (in the body), the hover carries the question itself.
    assert in_body.contents.value.startswith(f"**{question}**\n\n{short}")


async def test_every_part_of_async_def_answers(tmp_path: Path) -> None:
    uri = (tmp_path / "fetch.py").as_uri()
    async with session() as client:
        await open_and_wait(client, uri, ASYNC)
        # `async`, `def`, the name, a parameter and the colon of `async def fetch(delay):`
        head = [await _hover(client, uri, 3, c) for c in (0, 7, 11, 17, 22)]
        # `await` and what it awaits
        awaited = [await _hover(client, uri, 4, c) for c in (4, 10)]
        body = await _hover(client, uri, 5, 4)
    assert all(h is not None for h in head)
    values = {h.contents.value for h in head}
    assert len(values) == 1
    assert "*Line 4:* `fetch`: async code" in values.pop()
    assert {(h.range.start.line, h.range.start.character) for h in head} == {(3, 0)}
    assert {(h.range.end.line, h.range.end.character) for h in head} == {(3, 23)}
    assert awaited[0] is not None and "*Line 5:* `await`: async code" in awaited[0].contents.value
    # On `asyncio.sleep` the asyncio call is the most specific; `await` is one line below it.
    second = awaited[1].contents.value
    assert "*Line 5:* `asyncio.sleep`" in second
    assert "\n\nAlso here:\n\n- **async / await** (line 5): " not in second  # same question
    assert body is None


async def test_several_constructs_most_specific_in_full_others_one_line(tmp_path: Path) -> None:
    """On `is`: the comparison in full, the comprehension around it on one line.

    The mutable default of the enclosing function is not "also here": the
    point is in the function's body, not on the default.
    """
    text = "def outer(items=[]):\n    return [x for x in items if x is not None]\n"
    uri = (tmp_path / "several.py").as_uri()
    async with session() as client:
        await open_and_wait(client, uri, text)
        hover = await _hover(client, uri, 1, 34)  # on `is`
    value = hover.contents.value
    head, also = value.split("\n\nAlso here:\n\n")
    assert "*Line 2:* Identity comparison `x is not None`" in head
    question, _ = _q("list-comprehension")
    assert also == (
        f"- **List comprehension** (line 2): {question} · `pyiq explain list-comprehension`"
    )


CLASS = """import threading


class Cart(Base):
    TAX = 0.2

    @property
    def count(self):
        return len(self.items)

    def add(self, item):
        with self.lock:
            self.items.append(item)
        return item is not None

    def total(self):
        total = 0
        return total
"""


async def test_also_here_lists_only_constructs_anchored_at_the_point(tmp_path: Path) -> None:
    """A class's inheritance is on its `class` line and in its own body, not in its methods."""
    uri = (tmp_path / "cart.py").as_uri()
    async with session() as client:
        await open_and_wait(client, uri, CLASS)
        on_class = await _hover(client, uri, 3, 6)  # `Cart`
        class_body = await _hover(client, uri, 4, 4)  # `TAX = 0.2`
        decorator = await _hover(client, uri, 6, 5)  # `@property`
        comparison = await _hover(client, uri, 13, 20)  # `is not None`, in a method
        with_body = await _hover(client, uri, 12, 16)  # `self.items.append`, in `with`
        plain_line = await _hover(client, uri, 16, 8)  # `total = 0`, nothing of its own
    inheritance, _ = _q("inheritance-and-overriding")
    assert on_class.contents.value.startswith(f"**{inheritance}**")
    assert class_body.contents.value.startswith(f"**{inheritance}**")
    # The class's own line and body: its range is the whole class.
    assert (class_body.range.start.line, class_body.range.end.line) == (3, 17)
    property_question, _ = _q("property-getters-setters")
    assert decorator.contents.value.startswith(f"**{property_question}**")
    assert "*Line 14:* Identity comparison `item is not None`" in comparison.contents.value
    assert "*Line 12:* " in with_body.contents.value
    for hover in (on_class, class_body, decorator, comparison, with_body):
        assert "Also here" not in hover.contents.value
    assert plain_line is None


async def test_full_hover_setting_shows_the_answer_without_html(tmp_path: Path) -> None:
    uri = (tmp_path / "cart.py").as_uri()
    async with session({"hoverDetail": "full"}) as client:
        await open_and_wait(client, uri, CART)
        hover = await _hover(client, uri, 0, 25)
    question = load_bank().get("mutable-default-arguments")
    value = hover.contents.value
    assert value.startswith(f"### {question.question}\n\n*{question.level}* · ")
    assert question.answer.strip() in value
    assert "**Example**\n\n```python\n" in value
    assert "<details>" not in value


async def test_hovers_stay_tips_on_every_rule_example(tmp_path: Path) -> None:
    """Every finding of every rule's bad.py: a hover of at most 20 lines, median under 10."""
    lengths = []
    async with session({"conceptHints": "everyOccurrence"}) as client:
        for bad in sorted(RULES.glob("*/bad.py")):
            uri = (tmp_path / f"{bad.parent.name}.py").as_uri()
            diagnostics = await open_and_wait(client, uri, bad.read_text())
            for diagnostic in diagnostics:
                start = diagnostic.range.start
                hover = await _hover(client, uri, start.line, start.character)
                assert hover is not None, (bad, start)
                assert "<details>" not in hover.contents.value
                lengths.append(hover.contents.value.count("\n") + 1)
    assert len(lengths) > 300
    assert max(lengths) <= 20
    assert statistics.median(lengths) < 10
