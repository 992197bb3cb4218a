"""Jupyter notebooks as the engine sees them: the code cells joined into one source.

The cells of a notebook share one namespace (an import in the first cell
serves the last), so, as ruff does, the code cells are concatenated, each
ending with a newline, and analysed as one module; a :class:`CellMap` turns
a line of the joined source back into the cell and the line within it.
Cells are numbered from 1 among all the notebook's cells, as ruff numbers
them, so "cell 3" is the third cell the user sees.

IPython syntax is not Python: a line magic (``%matplotlib inline``) or a
shell escape (``!pip install x``) becomes a comment of the same length, so
every column stays where it was, and a cell magic other than those that
merely time or capture Python code (``%%bash``, ``%%html``) leaves its cell
out entirely.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

NOTEBOOK_SUFFIX = ".ipynb"
# Cell magics whose body is still Python.
PYTHON_CELL_MAGICS = frozenset(
    {"time", "timeit", "capture", "prun", "debug", "writefile", "px", "autopx"}
)
_NON_PYTHON_LANGUAGES = frozenset({"r", "julia", "scala", "javascript", "typescript", "sql"})


class NotebookError(ValueError):
    """A file that is not a notebook pyiq can read; the message says why."""


@dataclass(frozen=True, slots=True)
class CellMap:
    """Where each code cell starts in the joined source."""

    cells: tuple[int, ...]  # 1-based cell numbers, in order
    first_lines: tuple[int, ...]  # 0-based line of the joined source where each starts

    def locate(self, line: int) -> tuple[int, int]:
        """The cell number and the 0-based line within it of joined line ``line``."""
        index = max(0, bisect.bisect_right(self.first_lines, line) - 1)
        return self.cells[index], line - self.first_lines[index]


@dataclass(frozen=True, slots=True)
class Notebook:
    source: bytes  # the joined code cells, UTF-8
    cells: CellMap


def _cell_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return "".join(value)
    raise NotebookError("a cell's source is neither a string nor a list of strings")


def python_text(text: str) -> str | None:
    """A cell's text as Python the engine can parse; None for a cell in another language."""
    lines = text.split("\n")
    first = lines[0].lstrip() if lines else ""
    if first.startswith("%%"):
        magic = first[2:].split(maxsplit=1)[0] if first[2:].strip() else ""
        if magic not in PYTHON_CELL_MAGICS:
            return None
        lines[0] = _commented(lines[0])
    return "\n".join(_commented(line) if _is_magic(line) else line for line in lines)


def _is_magic(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith(("%", "!")) or (
        stripped.endswith("?") and not stripped.startswith("#") and stripped[:-1].isidentifier()
    )


def _commented(line: str) -> str:
    """The line with its first non-blank character made a ``#``: same length, same columns."""
    indent = len(line) - len(line.lstrip())
    return line[:indent] + "#" + line[indent + 1 :]


def _is_python(document: Mapping[str, Any]) -> bool:
    metadata = document.get("metadata")
    if not isinstance(metadata, Mapping):
        return True
    for key in ("language_info", "kernelspec"):
        info = metadata.get(key)
        if isinstance(info, Mapping):
            language = info.get("name" if key == "language_info" else "language")
            if isinstance(language, str) and language.lower() in _NON_PYTHON_LANGUAGES:
                return False
    return True


def join_cells(cells: Sequence[tuple[int, str]]) -> Notebook:
    """``(cell number, Python text)`` pairs joined into one source with its cell map."""
    parts: list[str] = []
    numbers: list[int] = []
    first_lines: list[int] = []
    line = 0
    for number, text in cells:
        if not text.endswith("\n"):
            text += "\n"
        numbers.append(number)
        first_lines.append(line)
        parts.append(text)
        line += text.count("\n")
    source = "".join(parts).encode("utf-8", "surrogatepass")
    return Notebook(source, CellMap(tuple(numbers), tuple(first_lines)))


def parse_notebook(raw: bytes, path: str = "<notebook>") -> Notebook:
    """The code cells of an ``.ipynb`` file (nbformat 4), or a NotebookError."""
    try:
        document = json.loads(raw)
    except ValueError as exc:
        raise NotebookError(f"{path}: not a valid notebook (invalid JSON: {exc})") from None
    except RecursionError:
        raise NotebookError(f"{path}: not a valid notebook (JSON nested too deeply)") from None
    if not isinstance(document, Mapping) or not isinstance(document.get("cells"), list):
        raise NotebookError(f"{path}: not a valid notebook (no list of cells)")
    if not _is_python(document):
        return join_cells(())
    cells: list[tuple[int, str]] = []
    for number, cell in enumerate(document["cells"], start=1):
        if not isinstance(cell, Mapping) or cell.get("cell_type") != "code":
            continue
        try:
            text = python_text(_cell_text(cell.get("source", "")))
        except NotebookError as exc:
            raise NotebookError(f"{path}: cell {number}: {exc}") from None
        if text is not None:
            cells.append((number, text))
    return join_cells(cells)
