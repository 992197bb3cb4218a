"""Enumerates the numbered questions of the five source documents as a reader sees them.

Each document numbers its questions in its own way, so each gets its own
parser; all return ``SeedQuestion``s keyed ``FILE#N`` exactly as the bank's
``covers`` entries spell them (the ``.txt`` name is used for document 000
too). Numbering gaps are recorded rather than papered over: document 001
prints no heading for Q58 (the text jumps from Q57 to an unheaded
retry-with-backoff section, then Q59).
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

SEEDS_ENV = "PYIQ_SEEDS_DIR"

_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|div|pre|blockquote|figure|table|tr)>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class SeedQuestion:
    file: str
    number: int
    text: str

    @property
    def ref(self) -> str:
        return f"{self.file}#{self.number}"


@dataclass
class SeedIndex:
    questions: dict[str, SeedQuestion] = field(default_factory=dict)
    # Numbers skipped by a document's own numbering: FILE -> missing numbers.
    gaps: dict[str, list[int]] = field(default_factory=dict)

    def count(self, file: str) -> int:
        return sum(1 for q in self.questions.values() if q.file == file)

    def gap_refs(self) -> set[str]:
        return {f"{file}#{n}" for file, numbers in self.gaps.items() for n in numbers}


def seeds_dir(repo: Path) -> Path:
    """``PYIQ_SEEDS_DIR``, else ``<repo>/../shared/seeds``."""
    override = os.environ.get(SEEDS_ENV)
    return Path(override) if override else repo.parent / "shared" / "seeds"


def html_lines(rendered: str) -> list[str]:
    """Visible text lines of WordPress HTML: block ends become line breaks, tags vanish."""
    text = _BLOCK_END.sub("\n", rendered)
    text = html.unescape(_TAG.sub("", text))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def parse_000(path: Path) -> list[tuple[int, str]]:
    """WordPress JSON export: headings ``N. Question`` in ``content.rendered``."""
    rendered = json.loads(path.read_text(encoding="utf-8"))["content"]["rendered"]
    return _numbered(html_lines(rendered), re.compile(r"^(\d+)\.\s+(\S.*)$"))


def parse_001(path: Path) -> list[tuple[int, str]]:
    """``Q47. Question`` lines (references like "Q29 in this guide" are not headings)."""
    return _numbered(_lines(path), re.compile(r"^Q(\d+)\.\s+(\S.*)$"))


def parse_002(path: Path) -> list[tuple[int, str]]:
    """``12. Question`` lines."""
    return _numbered(_lines(path), re.compile(r"^(\d+)\.\s+(\S.*)$"))


def parse_003(path: Path) -> list[tuple[int, str]]:
    """``Q1: Question`` lines."""
    return _numbered(_lines(path), re.compile(r"^Q(\d+):\s+(\S.*)$"))


_DIFFICULTY = re.compile(r"\s+(?:Easy|Medium|Hard)$")


def parse_004(path: Path) -> list[tuple[int, str]]:
    """A line holding only the number, then (after blank lines) the question and its level."""
    lines = _lines(path)
    found: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if line.isdigit() and index + 1 < len(lines):
            found.append((int(line), _DIFFICULTY.sub("", lines[index + 1])))
    return found


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _numbered(lines: list[str], pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    return [(int(m.group(1)), m.group(2)) for m in map(pattern.match, lines) if m]


PARSERS = {
    "000": ("txt", parse_000),
    "001": ("txt", parse_001),
    "002": ("txt", parse_002),
    "003": ("txt", parse_003),
    "004": ("txt", parse_004),
}


def index_seeds(directory: Path) -> SeedIndex:
    """Every numbered question of every seed document in ``directory``.

    Numbers must run upwards from 1; repeated numbers are an error (the
    parser picked up something that is not a heading), skipped numbers are
    recorded as gaps.
    """
    index = SeedIndex()
    for prefix, (suffix, parse) in PARSERS.items():
        matches = sorted(directory.glob(f"{prefix}_*.{suffix}"))
        if len(matches) != 1:
            raise FileNotFoundError(f"expected one {prefix}_*.{suffix} in {directory}")
        path = matches[0]
        numbered = parse(path)
        numbers = [n for n, _ in numbered]
        if len(set(numbers)) != len(numbers) or numbers != sorted(numbers):
            raise ValueError(f"{path.name}: numbering not strictly increasing: {numbers}")
        missing = sorted(set(range(1, max(numbers, default=0) + 1)) - set(numbers))
        if missing:
            index.gaps[path.name] = missing
        for number, text in numbered:
            question = SeedQuestion(path.name, number, text)
            index.questions[question.ref] = question
    return index
