"""Anki deck export."""

from __future__ import annotations

import sqlite3
import zipfile

from pyiq.bank import load_bank
from pyiq.quiz.anki import deck_id, markdown_html, write_deck


def test_deck_holds_one_note_per_question(tmp_path):
    questions = list(load_bank())[:5]
    path = tmp_path / "deck.apkg"
    assert write_deck(questions, path, "test deck") == 5
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    notes = db.execute("SELECT flds, tags FROM notes").fetchall()
    assert len(notes) == 5
    assert questions[0].question.split()[0] in notes[0][0]
    assert questions[0].topic in notes[0][1]


def test_ids_are_stable():
    assert deck_id("pyiq") == deck_id("pyiq") != deck_id("other")


def test_markdown_becomes_html_without_raw_html():
    html = markdown_html("Use `is None`.\n\n<script>alert(1)</script>")
    assert "<code>is None</code>" in html and "<script>" not in html
