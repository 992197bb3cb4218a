"""Practice files in the learner's workspace: writing stubs, recognising them.

A practice file starts with a marker line (``# pyiq practice: two-sum``),
so the editor and ``pyiq practice test`` know which exercise a file is
whatever it has been renamed to; a file without it is recognised by its
name (``practice/two-sum.py``). Writing a stub never overwrites: the
learner's work is the one thing that must not be lost.
"""

from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from pyiq.practice.model import Exercise

MARKER = re.compile(rb"^#\s*pyiq practice:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*$", re.MULTILINE)
_HEAD_BYTES = 2048


@dataclass(frozen=True, slots=True)
class Scaffolded:
    path: Path
    created: bool


def stub_text(exercise: Exercise) -> str:
    """The file a learner starts from: marker, the task as a comment, the stub."""
    statement = "\n".join(
        "# " + line if line else "#"
        for paragraph in exercise.statement.splitlines()
        for line in (textwrap.wrap(paragraph, 88) or [""])
    )
    return (
        f"# pyiq practice: {exercise.id}\n"
        f"# {exercise.title} ({exercise.level}). Run the tests: "
        f"pyiq practice test {exercise.file_name}\n"
        "#\n"
        f"{statement}\n\n"
        f"{exercise.stub.rstrip()}\n"
    )


def scaffold(exercise: Exercise, workspace: str | os.PathLike[str]) -> Scaffolded:
    """Write the stub to ``<workspace>/practice/<id>.py`` unless a file is already there."""
    target = Path(workspace) / exercise.file_name
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(stub_text(exercise))
    except FileExistsError:
        return Scaffolded(target, False)
    return Scaffolded(target, True)


def exercise_id_of(path: str | os.PathLike[str] | None, head: bytes) -> str | None:
    """The exercise a file is for: its marker line, else a ``practice/<id>.py`` name."""
    match = MARKER.search(head[:_HEAD_BYTES])
    if match:
        return match.group(1).decode("ascii")
    if path is not None:
        candidate = Path(path)
        if candidate.parent.name == "practice" and candidate.suffix == ".py":
            return candidate.stem
    return None


def identify(
    path: str | os.PathLike[str] | None, head: bytes, exercises: dict[str, Exercise]
) -> Exercise | None:
    found = exercise_id_of(path, head)
    return exercises.get(found) if found else None


def definition_line(exercise: Exercise, source: bytes) -> int:
    """0-based line of ``def <function>``/``class <function>`` in the learner's file, else 0."""
    pattern = re.compile(
        rb"^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+"
        + re.escape(exercise.function.encode())
        + rb"\b",
        re.MULTILINE,
    )
    match = pattern.search(source)
    return source.count(b"\n", 0, match.start()) if match else 0
