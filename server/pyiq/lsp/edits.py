"""What a quick fix is: a title and byte edits, shared by every module that builds fixes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ByteEdit:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[ByteEdit, ...]
