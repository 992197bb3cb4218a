"""The engine's output: what was found, where, and with which names."""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple


class Finding(NamedTuple):
    """A rule match, located in bytes of the exact source that was parsed.

    Byte offsets are the one position currency of the engine: the adapters
    convert them to LSP positions (UTF-16/8/32) or to 1-based line/column
    for the CLI with :class:`pyiq.analysis.lines.LineIndex`, so that no
    layer ever re-derives positions from a differently split text.
    """

    rule: str
    start_byte: int
    end_byte: int
    # The whole construct the finding is about (e.g. the function definition
    # around a mutable default): hover answers anywhere inside it.
    construct_start: int
    construct_end: int
    message: str
    bindings: tuple[tuple[str, str], ...] = ()
    # Bytes covered by all of the match's captures: incremental analysis
    # re-evaluates a finding exactly when an edit region meets this span.
    span_start: int = -1
    span_end: int = -1

    def shifted(self, delta: int) -> Finding:
        """The finding moved by ``delta`` bytes (every finding after an edit, per keystroke).

        An immutable tuple, built without keyword or default handling: a
        frozen dataclass took four times as long, paid per finding below the
        cursor on every keystroke.
        """
        rule, start, end, construct_start, construct_end, message, bindings, lo, hi = self
        return _new(
            Finding,
            (
                rule,
                start + delta,
                end + delta,
                construct_start + delta,
                construct_end + delta,
                message,
                bindings,
                lo + delta,
                hi + delta,
            ),
        )

    def binding(self, name: str, default: str = "") -> str:
        for key, value in self.bindings:
            if key == name:
                return value
        return default


_new = tuple.__new__

# Findings are kept in this order; a C-level key sorts a large file's
# findings on every keystroke without a Python call per finding.
SORT_KEY = attrgetter("start_byte", "end_byte", "rule")
