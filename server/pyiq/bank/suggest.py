""" "Did you mean" for ids typed by hand (question ids, rule ids, tags)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """Close matches for ``word``, best first.

    Ids are kebab-case phrases, so a match on any whole id is tried first and
    then a match on the id's words (``generator`` finds ``generator-function``).
    """
    pool = sorted(set(candidates))
    matches = difflib.get_close_matches(word, pool, n=limit, cutoff=0.6)
    if len(matches) < limit:
        for candidate in pool:
            if candidate not in matches and word in candidate.split("-"):
                matches.append(candidate)
            if len(matches) >= limit:
                break
    return matches


def suggestion_text(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'a' or 'b'?)`` or an empty string when nothing is close."""
    matches = did_you_mean(word, candidates)
    if not matches:
        return ""
    quoted = [repr(m) for m in matches]
    joined = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f" (did you mean {joined}?)"
