"""publishDiagnostics serialized from cached pieces, written to the transport as is.

pygls turns a ``PublishDiagnosticsParams`` into JSON through cattrs and
``json.dumps``; for the hundreds of diagnostics of a large file that cost
more per keystroke than the analysis itself. Everything in a diagnostic but
its range depends only on its rule and severity, so that part is
serialized once (by pygls' own converter, so it reads exactly as pygls
would send it) and only the four numbers of the range are formatted per
publish.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import sys
from collections.abc import Hashable, Sequence
from typing import Any

from lsprotocol import types

from pyiq.analysis.lines import LineIndex
from pyiq.lsp.stdio import CHARSET, frame

log = logging.getLogger(__name__)

RANGE = '{"range":{"start":{"line":%d,"character":%d},"end":{"line":%d,"character":%d}},'
Range = tuple[int, int, int, int]
# Messages may carry the user's names, so keys are not bounded by the rules.
MAX_CACHED = 10_000

_writes: set[asyncio.Future[Any]] = set()


class DiagnosticJson:
    """The JSON of diagnostics without their range, cached per key.

    A key must determine every field but the range (rule, severity, message).
    """

    def __init__(self, converter: Any) -> None:
        self._converter = converter
        self._tails: dict[Hashable, str] = {}

    def tail(self, key: Hashable) -> str | None:
        return self._tails.get(key)

    def whole(self, diagnostic: types.Diagnostic) -> str:
        """One diagnostic's full JSON, uncached (for the rare ones other features add)."""
        data = self._converter.unstructure(diagnostic, types.Diagnostic)
        return json.dumps(data, separators=(",", ":"))

    def add(self, key: Hashable, diagnostic: types.Diagnostic) -> str:
        if len(self._tails) >= MAX_CACHED:
            self._tails.clear()
        data = self._converter.unstructure(diagnostic, types.Diagnostic)
        data.pop("range", None)
        tail = self._tails[key] = json.dumps(data, separators=(",", ":"))[1:]
        return tail


class Fragments:
    """One document's diagnostics JSON of the last publish, per finding.

    A diagnostic's range depends only on the bytes before its end and on
    where lines break. Last publish's JSON for a finding is still exact when
    every edit since then began past the finding's end, or when every edit
    since then stayed inside one line without touching a line break and the
    finding starts on a later line: its bytes moved by the edits' total
    shift, its line numbers and columns did not. Typing in the middle of a
    file so re-renders only the findings on the line being typed.
    """

    def __init__(self) -> None:
        self.published({})

    def edited(self, offset: int, line: int | None = None, shift: int = 0) -> None:
        """Bytes from ``offset`` on changed since the last publish.

        ``line`` is the line the edit stayed inside without adding or
        removing a line break (None when it did not), ``shift`` how many
        bytes it added.
        """
        self._unchanged_below = min(self._unchanged_below, offset)
        if line is None or (self._edited and line != self._line):
            self._line = None
        else:
            self._line = line
            self._shift += shift
        self._edited = True

    def prepare(self, lines: LineIndex) -> None:
        """Readies lookups against ``lines``, the index of the text being published."""
        line = self._line
        if line is not None and line + 1 < lines.line_count:
            self._moved_from = lines.line_start(line + 1)
        else:
            self._moved_from = sys.maxsize

    def reusable(self, start: int, end: int, tail: str) -> str | None:
        if end < self._unchanged_below:
            return self._last.get((start, end, tail))
        if start >= self._moved_from:
            shift = self._shift
            return self._last.get((start - shift, end - shift, tail))
        return None

    def published(self, current: dict[tuple[int, int, str], str]) -> None:
        """``current`` ((start, end, tail) -> JSON) is what the client now has."""
        self._last = current
        self._unchanged_below = sys.maxsize
        self._line: int | None = None  # the one line every edit since stayed inside
        self._shift = 0
        self._edited = False
        self._moved_from = sys.maxsize


def render(rng: Range, tail: str) -> str:
    """A diagnostic's JSON from its range and its cached rest."""
    return RANGE % rng + tail


def publish_body(uri: str, version: int | None, diagnostics: Sequence[str]) -> str:
    """The JSON-RPC notification, as pygls would write it for these diagnostics."""
    version_part = "" if version is None else f',"version":{int(version)}'
    return (
        '{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":'
        f'{json.dumps(uri)}{version_part},"diagnostics":[{",".join(diagnostics)}]}}}}'
    )


def send(protocol: Any, body: str) -> None:
    """Writes an already serialized message the way pygls' ``_send_data`` frames it."""
    writer = protocol.writer
    if writer is None:
        log.error("Unable to send data, no available transport!")
        return
    data = body.encode(CHARSET)
    if getattr(protocol, "_include_headers", True):
        data = frame(data)
    result = writer.write(data)
    if inspect.isawaitable(result):
        # A WebSocket send: keep the task alive until it completes.
        task = asyncio.ensure_future(result)
        _writes.add(task)
        task.add_done_callback(_writes.discard)
