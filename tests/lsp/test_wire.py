"""The fast publish path writes exactly what pygls would have written."""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from pyiq.analysis import Document
from pyiq.analysis.lines import LineIndex
from pyiq.lsp import learning as learning_module
from pyiq.lsp.features.diagnostics import diagnostics_for, diagnostics_json, pulled_json
from pyiq.lsp.server import PyiqServer, create_server
from pyiq.lsp.store import OpenDocument
from pyiq.lsp.transport import PIPE_SIZE, widen_pipe
from pyiq.lsp.wire import Fragments, publish_body, send

SOURCE = """\
def add(item, bucket=[]):  # 😀 astral before nothing
    bucket.append(item)
    return bucket


s = "é😀"; f = lambda x: x; g = lambda: s is "é"
if s == None:
    pass
"""


class Writer:
    def __init__(self) -> None:
        self.data = b""

    def write(self, data: bytes) -> None:
        self.data += data

    def close(self) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> PyiqServer:
    monkeypatch.setenv("PYIQ_DATA_DIR", str(tmp_path / "data"))
    return create_server()


def _document(server: PyiqServer, tmp_path: Path, text: str = SOURCE) -> OpenDocument:
    path = tmp_path / "sample.py"
    path.write_text(text, encoding="utf-8")
    return OpenDocument(
        uri=path.as_uri(),
        version=3,
        engine=Document.from_text(text, server.registry),
        path=path,
    )


def _pygls_json(server: PyiqServer, document: OpenDocument) -> list[Any]:
    """What pygls' converter makes of the diagnostics as objects."""
    converter = server.protocol._converter
    return [converter.unstructure(d, types.Diagnostic) for d in diagnostics_for(server, document)]


def test_diagnostic_json_equals_pygls_serialization(server: PyiqServer, tmp_path: Path) -> None:
    document = _document(server, tmp_path)
    expected = _pygls_json(server, document)
    rendered = diagnostics_json(server, document)
    assert len(expected) >= 4  # a mutable default, a lambda assignment, `is` literal, == None
    assert [json.loads(item) for item in rendered] == expected
    # The second publish comes from the cache and must not differ.
    assert diagnostics_json(server, document) == rendered


def test_pulled_json_equals_pygls_report(server: PyiqServer, tmp_path: Path) -> None:
    document = _document(server, tmp_path)
    server.documents[document.uri] = document
    params = types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=document.uri)
    )
    report = types.RelatedFullDocumentDiagnosticReport(items=diagnostics_for(server, document))
    expected = server.protocol._converter.unstructure(report)
    assert json.loads(pulled_json(server, params)) == expected
    unknown = types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri="file:///nowhere.py")
    )
    assert pulled_json(server, unknown) is None


def test_cached_part_follows_severity_settings(server: PyiqServer, tmp_path: Path) -> None:
    document = _document(server, tmp_path)
    diagnostics_json(server, document)
    server.apply_client_settings({"severity": {"mutable-default-argument": "error"}})
    expected = _pygls_json(server, document)
    assert [json.loads(item) for item in diagnostics_json(server, document)] == expected
    assert any(item["severity"] == types.DiagnosticSeverity.Error for item in expected)


def test_publish_body_frames_like_pygls(server: PyiqServer) -> None:
    writer = Writer()
    server.protocol.set_writer(writer)
    send(server.protocol, publish_body("file:///tmp/a%20b.py", 7, ['{"x":1}']))
    send(server.protocol, publish_body("file:///tmp/é.py", None, []))
    sent = []
    data = writer.data
    while data:
        header, _, rest = data.partition(b"\r\n\r\n")
        length = int(header.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        assert b"Content-Type: application/vscode-jsonrpc; charset=utf-8" in header
        sent.append(json.loads(rest[:length]))
        data = rest[length:]
    assert sent == [
        {
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": {"uri": "file:///tmp/a%20b.py", "version": 7, "diagnostics": [{"x": 1}]},
        },
        {
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": {"uri": "file:///tmp/é.py", "diagnostics": []},
        },
    ]


class _Store:
    def __init__(self) -> None:
        self.checks = 0
        self.version = 1

    def data_version(self) -> int:
        self.checks += 1
        return self.version


def test_mastery_staleness_asked_at_most_once_per_interval(
    server: PyiqServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    learning = server.learning
    store = _Store()
    loads: list[Any] = []

    class Snapshot:
        def __init__(self) -> None:
            self.version = store.version

        @classmethod
        def load(cls, _store: Any, _threshold: float) -> Snapshot:
            loads.append(1)
            return cls()

        def stale(self, _store: Any) -> bool:
            return _store.data_version() != self.version

    monkeypatch.setattr("pyiq.quiz.mastery.Snapshot", Snapshot)
    monkeypatch.setattr(learning, "store", lambda: store)
    clock = [1000.0]
    monkeypatch.setattr(learning_module.time, "monotonic", lambda: clock[0])
    learning.snapshot()
    for _ in range(50):
        learning.snapshot()
    assert (len(loads), store.checks) == (1, 0)
    store.version = 2  # another process recorded an answer
    clock[0] += learning_module.STALE_CHECK_INTERVAL
    learning.snapshot()
    assert (len(loads), store.checks) == (2, 1)
    learning.mark_dirty()  # this server recorded one: no delay
    learning.snapshot()
    assert len(loads) == 3


def test_no_second_copy_of_open_documents() -> None:
    """pygls' workspace keeps no text: the engine's bytes are the only copy."""
    from pygls.workspace import Workspace

    server = create_server()
    server.protocol._workspace = Workspace(None)
    params = types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(
            uri="file:///tmp/x.py", language_id="python", version=1, text="x = 1\n"
        )
    )
    handler = server.protocol.fm.builtin_features[types.TEXT_DOCUMENT_DID_OPEN]
    for _ in handler(params):
        pass
    assert server.workspace.text_documents == {}


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_reused_json_stays_exact_through_random_edits(
    server: PyiqServer, tmp_path: Path, newline: str
) -> None:
    """Reused JSON (above each edit, or below a line typed in) must equal a fresh rendering.

    Most edits stay inside one line, as typing does; some cross or insert
    line breaks, and some notifications carry several changes, which are
    published once.
    """
    writer = Writer()
    protocol = server.protocol
    protocol.set_writer(writer)
    initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
    protocol.handle_message(
        json.loads(json.dumps(initialize), object_hook=protocol.structure_message)
    )
    features = protocol.fm.features
    uri = (tmp_path / "sample.py").as_uri()
    text = (SOURCE * 3).replace("\n", newline)
    features[types.TEXT_DOCUMENT_DID_OPEN](
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="python", version=1, text=text
            )
        )
    )
    # The client's copy: a change's range refers to the text the previous one left.
    client = Document.from_text(text)
    rng = random.Random(7)
    pieces = ["x", "é", "😀", "[]", " is []", "lambda: 0", "\n", "\r", "def f(a=[]):\n    pass\n"]

    def change(engine: Document) -> types.TextDocumentContentChangePartial:
        row = rng.randrange(engine.lines.line_count)
        length = engine.lines.decode(engine.lines.line_start(row), engine.lines.line_end(row))
        column = rng.randrange(len(length.encode("utf-16-le")) // 2 + 1)
        start = end = types.Position(line=row, character=column)
        roll = rng.random()
        if roll < 0.2 and row + 1 < engine.lines.line_count:
            end = types.Position(line=row + 1, character=0)
        elif roll < 0.4:
            end = types.Position(line=row, character=column + rng.randrange(1, 4))
        text = (
            rng.choice(pieces[:6] if rng.random() < 0.7 else pieces) if rng.random() < 0.8 else ""
        )
        return types.TextDocumentContentChangePartial(
            range=types.Range(start=start, end=end), text=text
        )

    for version in range(2, 120):
        changes = []
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            changes.append(change(client))
            span = changes[-1].range
            client.apply_edit(
                (span.start.line, span.start.character),
                (span.end.line, span.end.character),
                changes[-1].text,
            )
        features[types.TEXT_DOCUMENT_DID_CHANGE](
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=changes,
            )
        )
        published = json.loads(writer.data.rpartition(b"\r\n\r\n")[2])["params"]
        assert published["version"] == version
        assert published["diagnostics"] == _pygls_json(server, server.documents[uri]), version
    assert server.documents[uri].engine.source == client.source


def test_fragments_reused_above_every_edit_and_below_a_line_typed_in() -> None:
    fragments = Fragments()
    tail = "tail}"
    lines = LineIndex(b"a = 1\nb = 2\nc = 3\n")
    fragments.prepare(lines)
    assert fragments.reusable(6, 7, tail) is None  # nothing published yet
    fragments.published({(6, 7, tail): "b", (12, 13, tail): "c"})
    fragments.prepare(lines)
    assert fragments.reusable(6, 7, tail) == "b"
    assert fragments.reusable(6, 7, "other}") is None  # severity or message changed
    assert fragments.reusable(6, 8, tail) is None
    fragments.edited(8)
    fragments.prepare(lines)
    assert fragments.reusable(6, 7, tail) == "b"
    fragments.edited(7)  # conservative: not even an edit starting at its end
    fragments.prepare(lines)
    assert fragments.reusable(6, 7, tail) is None
    # Two keystrokes typed inside line 1 (`b = 2` -> `b = 2xy`): line 2 only moved.
    fragments.published({(6, 7, tail): "b", (12, 13, tail): "c"})
    typed = LineIndex(b"a = 1\nb = 2xy\nc = 3\n")
    fragments.edited(11, 1, 1)
    fragments.edited(12, 1, 1)
    fragments.prepare(typed)
    assert fragments.reusable(14, 15, tail) == "c"
    assert fragments.reusable(6, 7, tail) == "b"
    assert fragments.reusable(8, 11, tail) is None  # on the typed line, past the edit
    # An edit on another line, or one that moves a line break, ends the shortcut.
    for second in ((0, 0, 1), (12, None, 1)):
        fragments.published({(12, 13, tail): "c"})
        fragments.edited(11, 1, 1)
        fragments.edited(*second)
        fragments.prepare(typed)
        assert fragments.reusable(14, 15, tail) is None


@pytest.mark.skipif(sys.platform != "linux", reason="pipe sizes are Linux's")
def test_pipe_to_the_client_holds_a_large_publish() -> None:
    import fcntl

    read_end, write_end = os.pipe()
    try:
        with os.fdopen(write_end, "wb", closefd=False) as stdout:
            widen_pipe(stdout)
            # Linux may round up to a power of two pages, never below the request.
            assert fcntl.fcntl(write_end, fcntl.F_GETPIPE_SZ) >= PIPE_SIZE
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_file_as_stdout_is_left_alone(tmp_path: Path) -> None:
    with (tmp_path / "out").open("wb") as stdout:
        widen_pipe(stdout)  # not a pipe: nothing to do, and no error
        stdout.write(b"ok")
    assert (tmp_path / "out").read_bytes() == b"ok"
