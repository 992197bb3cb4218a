"""An Anki deck of bank questions, for study away from the editor.

Ids are stable (derived from fixed names and question ids), so importing a
newer deck into Anki updates the notes instead of duplicating them and
keeps the user's Anki review history. Answers are the bank's Markdown,
rendered to HTML with markdown-it (already installed with rich).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence
from pathlib import Path

from pyiq.bank import Question

_MODEL_ID = 1_607_392_319  # fixed forever: Anki matches note types by id
_TAG_UNSAFE = re.compile(r"[^\w:-]+")

_CSS = """
.card { font-family: sans-serif; font-size: 18px; text-align: left; color: #222; }
pre { background: #f4f4f4; padding: 8px; border-radius: 4px; overflow-x: auto; }
code { font-family: monospace; }
.meta { color: #888; font-size: 14px; }
.short { font-weight: bold; }
"""


def _model() -> object:
    import genanki

    return genanki.Model(
        _MODEL_ID,
        "pyiq interview question",
        fields=[
            {"name": "Question"},
            {"name": "Short"},
            {"name": "Answer"},
            {"name": "Example"},
            {"name": "Output"},
            {"name": "Meta"},
        ],
        templates=[
            {
                "name": "Question → answer",
                "qfmt": "<div class=meta>{{Meta}}</div><h3>{{Question}}</h3>",
                "afmt": "{{FrontSide}}<hr id=answer><p class=short>{{Short}}</p>{{Answer}}"
                "<h4>Example</h4>{{Example}}{{#Output}}<h4>Output</h4>{{Output}}{{/Output}}",
            }
        ],
        css=_CSS,
    )


def deck_id(name: str) -> int:
    """A stable deck id for a deck name (Anki ids are 31-bit positive here)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big") >> 1


def markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


def _pre(code: str) -> str:
    return f"<pre><code>{html.escape(code.rstrip())}</code></pre>" if code.strip() else ""


def write_deck(questions: Sequence[Question], path: Path, name: str = "pyiq") -> int:
    """Write ``questions`` as an ``.apkg`` deck; returns the number of notes."""
    import genanki

    model = _model()
    deck = genanki.Deck(deck_id(name), name)
    for question in questions:
        tags = [_tag(question.topic), _tag(question.level), *(_tag(t) for t in question.tags)]
        note = genanki.Note(
            model=model,
            fields=[
                html.escape(question.question),
                html.escape(question.short.strip()),
                markdown_html(question.answer),
                _pre(question.example),
                _pre(question.output),
                html.escape(f"{question.topic} · {question.level} · {question.id}"),
            ],
            tags=sorted(set(filter(None, tags))),
            guid=genanki.guid_for("pyiq", question.id),
        )
        deck.add_note(note)
    path.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(path))
    return len(questions)


def _tag(text: str) -> str:
    """Anki tags cannot hold spaces."""
    return _TAG_UNSAFE.sub("_", text.strip()).strip("_")
