"""Moving progress between machines as a JSON file.

The export is the review log, the one source of truth; cards are included
for people reading the file but ignored on import, where they are rebuilt
by replaying the merged log (see :meth:`Store.merge_reviews`). Importing
the same file twice, or files that overlap, adds each review once: every
review has a unique id.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from pyiq.quiz.scheduling import stamp, utc
from pyiq.quiz.store import ReviewRecord, Store
from pyiq.terminal_text import clean

FORMAT = "pyiq-progress"
VERSION = 1


class ProgressFileError(ValueError):
    """An import file that is not a pyiq progress export; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    already_present: int


def export_data(store: Store, now: datetime | None = None) -> dict[str, object]:
    cards = store.cards()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": stamp(utc(now)),
        "reviews": [record.to_dict() for record in store.reviews()],
        "cards": [
            {
                "card_id": card.card_id,
                "due": stamp(card.due),
                "stability": card.stability,
                "difficulty": card.difficulty,
                "reps": card.reps,
                "lapses": card.lapses,
            }
            for card in sorted(cards.values(), key=lambda c: c.card_id)
        ],
    }


def export_to(store: Store, out: IO[str]) -> int:
    """Write the export to ``out``; returns the number of reviews written."""
    data = export_data(store)
    json.dump(data, out, indent=1, ensure_ascii=False)
    out.write("\n")
    reviews = data["reviews"]
    return len(reviews) if isinstance(reviews, list) else 0


MAX_LISTED = 10


def _line_of(text: str, item: object) -> int | None:
    """The line where a review sits in the file, found by its uid (None when it has none)."""
    uid = item.get("uid") if isinstance(item, dict) else None
    if not isinstance(uid, str):
        return None
    match = re.search(r'"uid"\s*:\s*' + re.escape(json.dumps(uid)), text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def parse_export(text: str, name: str = "<input>") -> list[ReviewRecord]:
    """The reviews of an export; :class:`ProgressFileError` lists every bad record by line.

    All or nothing: one bad record and nothing is imported.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProgressFileError(f"{name}: not JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise ProgressFileError(f"{name}: not a progress export (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ProgressFileError(f"{name}: not a progress export ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProgressFileError(f'{name}: not a pyiq progress export (no "format": "{FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProgressFileError(f"{name}: export version {version!r} is not a version number")
    if version > VERSION:
        raise ProgressFileError(
            f"{name}: export version {version} is newer than this pyiq reads ({VERSION})"
        )
    reviews = data.get("reviews")
    if not isinstance(reviews, list):
        raise ProgressFileError(f'{name}: "reviews" must be a list')
    records: list[ReviewRecord] = []
    problems: list[str] = []
    for index, item in enumerate(reviews):
        try:
            if not isinstance(item, dict):
                raise ValueError("must be an object")
            records.append(ReviewRecord.from_dict(item))
        except (ValueError, TypeError, OverflowError) as exc:
            line = _line_of(text, item)
            where = f"line {line} (reviews[{index}])" if line else f"reviews[{index}]"
            problems.append(f"{name}: {where}: {clean(str(exc), keep_breaks=False)}")
    if problems:
        shown = problems[:MAX_LISTED]
        if len(problems) > MAX_LISTED:
            shown.append(f"... and {len(problems) - MAX_LISTED} more")
        raise ProgressFileError(
            f"{len(problems)} bad review record{'s' if len(problems) != 1 else ''}, "
            "nothing imported:\n" + "\n".join(shown)
        )
    return records


def import_file(store: Store, path: Path) -> ImportResult:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProgressFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ProgressFileError(f"{path}: not UTF-8 text") from None
    added, present = store.merge_reviews(parse_export(text, str(path)))
    return ImportResult(added, present)
