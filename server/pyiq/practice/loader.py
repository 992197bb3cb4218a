"""Loading the exercises shipped beside the question bank.

Each exercise folder is validated against ``questions/exercises/schema.json``
when it is loaded, and a broken one is reported by folder and key rather than
taking the whole command down: one bad exercise must not hide the other
thirty-nine.
"""

from __future__ import annotations

import json
import logging
import os
from functools import cache
from pathlib import Path

from pyiq.practice.model import Exercise

log = logging.getLogger(__name__)

EXERCISES_DIR = "exercises"
SCHEMA_NAME = "schema.json"
FILES = ("stub.py", "solution.py", "tests.py")
_MAX_FILE = 256 * 1024


class ExerciseError(Exception):
    """An exercise folder is missing a file or has a bad value; the message names it."""


def exercises_dir() -> Path:
    """``<bank>/exercises``: wherever the question bank is, its exercises are beside it."""
    from pyiq.bank.locate import questions_dir

    return Path(questions_dir()) / EXERCISES_DIR


@cache
def _schema(directory: Path) -> dict[str, object]:
    with open(directory / SCHEMA_NAME, encoding="utf-8") as handle:
        loaded = json.load(handle)
    assert isinstance(loaded, dict)
    return loaded


def _read(path: Path) -> str:
    if not path.is_file():
        raise ExerciseError(f"{path}: missing")
    if path.stat().st_size > _MAX_FILE:
        raise ExerciseError(f"{path}: larger than {_MAX_FILE} bytes")
    return path.read_text(encoding="utf-8")


def reflow(text: str) -> str:
    """Paragraphs as single lines, so terminals and editors wrap them to their own width.

    Lists, indented code and fenced blocks keep their lines.
    """
    paragraphs = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        keep = any(
            line.startswith(("    ", "\t", "```", "- ", "* ")) or line[:3].rstrip(".").isdigit()
            for line in lines
        )
        paragraphs.append(block if keep else " ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def load_exercise(folder: Path) -> Exercise:
    """One exercise from its folder; raises :class:`ExerciseError` naming the problem."""
    import jsonschema

    from pyiq.bank.yamlio import parse

    meta_path = folder / "exercise.yaml"
    try:
        meta = parse(_read(meta_path))
    except ExerciseError:
        raise
    except Exception as exc:  # a YAML error carries its own position
        raise ExerciseError(f"{meta_path}: {exc}") from None
    validator = jsonschema.Draft202012Validator(_schema(folder.parent))
    errors = sorted(validator.iter_errors(meta), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = ".".join(str(p) for p in first.path) or "(top)"
        raise ExerciseError(f"{meta_path}: {where}: {first.message}")
    assert isinstance(meta, dict)
    if meta["id"] != folder.name:
        raise ExerciseError(f"{meta_path}: id {meta['id']!r} differs from folder {folder.name!r}")
    stub, solution, tests = (_read(folder / name) for name in FILES)
    complexity = meta["complexity"]
    return Exercise(
        id=meta["id"],
        title=meta["title"],
        level=meta["level"],
        topic=meta["topic"],
        function=meta["function"],
        statement=reflow(meta["statement"]),
        hints=tuple(h.strip() for h in meta["hints"]),
        time_complexity=complexity["time"],
        space_complexity=complexity["space"],
        questions=tuple(meta.get("questions", ())),
        stub=stub,
        solution=solution,
        tests=tests,
        timeout=float(meta.get("timeout", 2.0)),
        tags=tuple(meta.get("tags", ())),
    )


def load_exercises(directory: Path | None = None) -> dict[str, Exercise]:
    """Every valid exercise by id, in folder order; broken ones are logged and skipped."""
    return dict(_load_all(directory or exercises_dir()))


@cache
def _load_all(directory: Path) -> tuple[tuple[str, Exercise], ...]:
    found: list[tuple[str, Exercise]] = []
    if not directory.is_dir():
        return ()
    for entry in sorted(os.scandir(directory), key=lambda e: e.name):
        if not entry.is_dir():
            continue
        try:
            exercise = load_exercise(Path(entry.path))
        except ExerciseError as exc:
            log.error("skipping exercise: %s", exc)
            continue
        found.append((exercise.id, exercise))
    return tuple(found)


def problems(directory: Path | None = None) -> list[str]:
    """Every exercise folder's problem, for the tests and ``pyiq practice --check``."""
    root = directory or exercises_dir()
    found = []
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        if entry.is_dir():
            try:
                load_exercise(Path(entry.path))
            except ExerciseError as exc:
                found.append(str(exc))
    return found
