"""One JSON array of findings, for scripts."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from pyiq.checking import Located


def write(out: TextIO, findings: Iterable[Located]) -> None:
    json.dump([f.as_dict() for f in findings], out, indent=2, ensure_ascii=False)
    out.write("\n")
