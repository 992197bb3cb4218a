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


def write(out: TextIO, findings: Iterable[Located]) -> None:
    lines = [_ENCODER.encode(f.as_dict()) for f in findings]
    if not lines:
        out.write("[]\n")
        return
    out.write("[\n  " + ",\n  ".join(lines) + "\n]\n")
