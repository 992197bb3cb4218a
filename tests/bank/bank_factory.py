"""Small, valid topic files for loader and CLI tests, independent of the real bank."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "questions" / "schema.json"


def question(qid: str, **overrides: Any) -> dict[str, Any]:
    """A schema-valid question; ``overrides`` replace top-level keys."""
    data: dict[str, Any] = {
        "id": qid,
        "question": f"What does {qid} mean in Python?",
        "short": f"Short answer about {qid}.",
        "answer": f"A long enough answer about {qid}. " * 6 + "\n\n**Follow-up:** more.",
        "example": f"print({qid!r})\n",
        "output": f"{qid}\n",
        "level": "junior",
        "tags": ["testing-tag"],
        "rules": [],
        "related": [],
        "quiz": {
            "prompt": f"Which is true of {qid}?",
            "choices": [
                {"text": "Right", "correct": True, "why": "Because it is right."},
                {"text": "Wrong one", "why_wrong": "A common confusion."},
                {"text": "Wrong two", "why_wrong": "Another confusion."},
                {"text": "Wrong three", "why_wrong": "Yet another one."},
            ],
        },
        "covers": [],
    }
    data.update(copy.deepcopy(overrides))
    return data


def write_topic(
    directory: Path, topic: str, questions: list[dict[str, Any]], title: str | None = None
) -> Path:
    """Write ``<topic>.yaml`` (and the schema, once) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    if not (directory / "schema.json").exists():
        shutil.copy(SCHEMA, directory / "schema.json")
    path = directory / f"{topic}.yaml"
    document = {"topic": topic, "title": title or f"The {topic} topic", "questions": questions}
    path.write_text(yaml.safe_dump(document, sort_keys=False, width=100), encoding="utf-8")
    return path
