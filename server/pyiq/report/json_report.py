"""One JSON array of findings, for scripts."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from pyiq.checking import Located

# Pretty-printing with ``indent`` switches json to its pure-Python encoder,
# which took longer than the analysis on large trees. One finding per line,
# each encoded by the C encoder, reads as well in a terminal and diffs well.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


class Writer:
    """Writes the array as findings arrive.

    ``pyiq check`` hands over each file's findings while worker processes
    are still checking others, so encoding overlaps the analysis instead of
    following it.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def add(self, findings: Iterable[Located]) -> None:
        for finding in findings:
            self.out.write(
                ("[\n  " if self.count == 0 else ",\n  ") + _ENCODER.encode(finding.as_dict())
            )
            self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
