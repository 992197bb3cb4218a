"""Tolerant access to the real topic files for content checks.

Content checks read the topic files with plain ``yaml.safe_load`` so one
broken file cannot hide problems in the others; ``test_bank_loads`` is the
test that reports the loader's own verdict.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = REPO / "questions"


def topic_paths() -> list[Path]:
    return sorted(QUESTIONS.glob("*.yaml"))


def raw_topic(path: Path) -> Any:
    """The parsed file, or None when it is not even YAML (the schema test reports that)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None


def raw_questions() -> list[tuple[str, dict[str, Any]]]:
    """(file name, question mapping) for every well-formed question in the bank."""
    found = []
    for path in topic_paths():
        data = raw_topic(path)
        if isinstance(data, dict) and isinstance(data.get("questions"), list):
            found.extend((path.name, q) for q in data["questions"] if isinstance(q, dict))
    return found
