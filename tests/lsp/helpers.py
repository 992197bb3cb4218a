"""A real client session against ``pyiq serve`` over stdio, every wait bounded."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

TIMEOUT = 15.0


def capabilities(
    encodings: list[str] | None = None,
    pull: bool = False,
    configuration: bool = False,
    watch_files: bool = False,
    markdown_parser: str | None = None,
    notebooks: bool = False,
    refresh: bool = False,
    hover_formats: list[str] | None = None,
) -> types.ClientCapabilities:
    """What the test client says it can do; ``watch_files`` includes relative patterns.

    ``markdown_parser="marked"`` is what VS Code's language client reports;
    ``refresh`` is ``workspace.diagnostics.refreshSupport``; ``hover_formats`` is
    ``hover.contentFormat`` (``["plaintext"]``: Eglot without markdown-mode).
    """
    return types.ClientCapabilities(
        notebook_document=types.NotebookDocumentClientCapabilities(
            synchronization=types.NotebookDocumentSyncClientCapabilities()
        )
        if notebooks
        else None,
        general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind(e) for e in encodings]
            if encodings
            else None,
            markdown=types.MarkdownClientCapabilities(parser=markdown_parser)
            if markdown_parser
            else None,
        ),
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities() if pull else None,
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
            hover=types.HoverClientCapabilities(
                content_format=[types.MarkupKind(f) for f in hover_formats]
            )
            if hover_formats
            else None,
        ),
        window=types.WindowClientCapabilities(
            show_message=types.ShowMessageRequestClientCapabilities()
        ),
        workspace=types.WorkspaceClientCapabilities(
            configuration=configuration,
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True, relative_pattern_support=True
            )
            if watch_files
            else None,
            diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
            if refresh
            else None,
        ),
    )


@contextlib.asynccontextmanager
async def session(
    init_options: Any = None,
    encodings: list[str] | None = None,
    pull: bool = False,
    root: Path | None = None,
    data_dir: Path | None = None,
    client_settings: Any = None,
    watch_files: bool = False,
    markdown_parser: str | None = None,
    notebooks: bool = False,
    refresh: bool = False,
    hover_formats: list[str] | None = None,
) -> AsyncIterator[LanguageClient]:
    """A session whose progress store is ``data_dir`` (a fresh temporary one by default).

    Never the user's own store: tests must not read or write real progress.
    With ``client_settings`` the client answers ``workspace/configuration``
    (section ``pyiq``) with them. With ``watch_files`` it accepts watcher
    registrations, recorded in ``client.registrations``. ``markdown_parser``
    is the Markdown parser the client reports (``"marked"``: VS Code).
    """
    own = data_dir is None
    data = tempfile.mkdtemp(prefix="pyiq-lsp-") if own else str(data_dir)
    config = ClientServerConfig(
        server_command=[sys.executable, "-m", "pyiq", "serve"],
        server_env={**os.environ, "PYIQ_DATA_DIR": data},
    )
    client = await asyncio.wait_for(config.start(), TIMEOUT)
    published: dict[str, int | None] = {}
    client.published_versions = published  # type: ignore[attr-defined]
    default = client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    counts: dict[str, int] = {}
    client.publish_counts = counts  # type: ignore[attr-defined]

    def record(params: types.PublishDiagnosticsParams) -> None:
        default(params)
        published[params.uri] = params.version
        counts[params.uri] = counts.get(params.uri, 0) + 1

    client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    registrations: list[types.Registration] = []
    client.registrations = registrations  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    @client.feature(types.CLIENT_UNREGISTER_CAPABILITY)
    def unregister(params: types.UnregistrationParams) -> None:
        gone = {item.id for item in params.unregisterations}
        registrations[:] = [item for item in registrations if item.id not in gone]

    if client_settings is not None:
        client.set_configuration(client_settings, section="pyiq")
    try:
        client.initialize_result = await asyncio.wait_for(  # type: ignore[attr-defined]
            client.initialize_session(
                types.InitializeParams(
                    capabilities=capabilities(
                        encodings,
                        pull,
                        client_settings is not None,
                        watch_files,
                        markdown_parser,
                        notebooks,
                        refresh,
                        hover_formats,
                    ),
                    initialization_options=init_options,
                    root_uri=root.as_uri() if root else None,
                )
            ),
            TIMEOUT,
        )
        yield client
    finally:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(client.stop(), TIMEOUT)
        if own:
            shutil.rmtree(data, ignore_errors=True)


async def open_and_wait(
    client: LanguageClient, uri: str, text: str, version: int = 1
) -> list[types.Diagnostic]:
    """Opens a document and returns its first published diagnostics."""
    waiter = asyncio.ensure_future(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    )
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="python", version=version, text=text
            )
        )
    )
    await asyncio.wait_for(waiter, TIMEOUT)
    return list(client.diagnostics[uri])


def partial(
    line: int, column: int, end_line: int, end_column: int, text: str
) -> types.TextDocumentContentChangePartial:
    """One incremental change: the range (line, column)-(end line, end column) becomes ``text``."""
    return types.TextDocumentContentChangePartial(
        range=types.Range(
            start=types.Position(line=line, character=column),
            end=types.Position(line=end_line, character=end_column),
        ),
        text=text,
    )


def change(client: LanguageClient, uri: str, version: int, rng: types.Range, text: str) -> None:
    """Sends one incremental didChange replacing ``rng`` with ``text``."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=rng, text=text)],
        )
    )


async def wait_version(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """Waits until diagnostics for ``version`` of ``uri`` are published."""

    async def loop() -> None:
        while client.published_versions.get(uri) != version:
            await asyncio.sleep(0.005)

    await asyncio.wait_for(loop(), TIMEOUT)
    return list(client.diagnostics[uri])


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Applies UTF-16 TextEdits (ASCII test sources) bottom-up."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def off(pos: types.Position) -> int:
        return starts[pos.line] + pos.character

    for edit in sorted(edits, key=lambda e: off(e.range.start), reverse=True):
        text = text[: off(edit.range.start)] + edit.new_text + text[off(edit.range.end) :]
    return text


async def hover_at(
    client: LanguageClient, uri: str, line: int, character: int
) -> types.Hover | None:
    """The hover at a position, waited for within the timeout."""
    return await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=line, character=character),
            )
        ),
        TIMEOUT,
    )
