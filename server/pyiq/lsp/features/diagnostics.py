"""Document sync and diagnostics, pushed or pulled.

Every didChange is applied to the engine document at once (cheap: the
engine reparses incrementally) but publishing is scheduled with
``loop.call_soon``: when several changes are already queued, they are all
applied before the one publish for the latest version runs. No debounce
timer, so a lone keystroke is answered immediately.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Sequence

from lsprotocol import types

from pyiq.analysis import Config, Finding
from pyiq.analysis.limits import describe_limit, limit_bytes
from pyiq.analysis.lines import LineIndex
from pyiq.bank import Question
from pyiq.links import questions_for_finding, rule_docs_url
from pyiq.lsp.convert import offset, span
from pyiq.lsp.guard import guarded
from pyiq.lsp.hints import hinted
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import OpenDocument, make_engine, module_of, uri_to_path
from pyiq.lsp.wire import publish_body, render, send

log = logging.getLogger(__name__)

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "information": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}


def diagnostic_message(server: PyiqServer, finding: Finding) -> str:
    """The rule's name and the first question it raises here (the finding's text without one).

    The question is what the hover elaborates; the hover leaves it out
    where the client shows this message above it (see ``hover``).
    """
    rule = server.registry.get(finding.rule)
    question = first_question(finding)
    if rule is None or question is None:
        return finding.message
    return f"{rule.name} — interview: {question.question}"


# What ranks a finding's questions is in the finding itself (its rule,
# message and bindings); byte positions are not, so they are not the key.
_QuestionKey = tuple[str, str, tuple[tuple[str, str], ...]]
_first_questions: dict[_QuestionKey, Question | None] = {}
MAX_CACHED_QUESTIONS = 4096


def first_question(finding: Finding) -> Question | None:
    """The question that fits the finding best (``questions_for_finding``), cached.

    A large file has hundreds of findings per publish, and ranking is not free.
    """
    key = (finding.rule, finding.message, finding.bindings)
    try:
        return _first_questions[key]
    except KeyError:
        pass
    questions = questions_for_finding(finding)
    if len(_first_questions) >= MAX_CACHED_QUESTIONS:
        _first_questions.clear()
    question = _first_questions[key] = questions[0] if questions else None
    return question


def topic(finding: Finding) -> str:
    """What a learner counts as one interview topic: the finding's first question (or its rule).

    Two rules raising the same question (a generator function and its
    ``yield from``) are one topic to study.
    """
    question = first_question(finding)
    return question.id if question is not None else finding.rule


def _level(
    server: PyiqServer, rule_id: str, config: Config, hidden: frozenset[str], snap: object
) -> str | None:
    """The severity a rule's diagnostics show with; None when they are not shown.

    A mastered concept is no longer news to the user, so its hint would be
    noise; bug risks are shown whatever the user knows (knowing about a bug
    does not remove it from the code).
    """
    rule = server.registry.get(rule_id)
    if rule is None:
        return None
    if (
        snap is not None
        and not server.settings.show_mastered
        and server.learning.concept_mastered(rule_id, snap)
    ):
        return None
    level = config.severity_of(rule)
    if not rule.is_bug_risk:
        mode = server.settings.concept_diagnostics
        if mode == "off":
            return None
        if mode == "information" and level == "hint":
            level = "information"
    elif rule.id in hidden:
        return None
    return level


def shown(server: PyiqServer, document: OpenDocument) -> list[tuple[Finding, str]]:
    """Each finding the document shows as a diagnostic, with its severity level.

    Configuration, mastery and the ruff peers are resolved once per publish
    and the decision once per rule, not per finding: a large file has
    hundreds of findings of a few dozen rules. Of the concepts left, the
    ``conceptHints`` setting picks the occurrences hinted (``hints``).
    """
    # One look-up of the project per publish: it stats every configuration
    # file up the directory tree (some thirty-five for a file in the stdlib).
    project = server.projects.for_path(document.path)
    config = server.config_for(document, project)
    hidden = server.hidden_by_ruff(document, project)
    snap = server.learning.snapshot()
    # Everything the answer depends on: the parse (new objects after every
    # edit), the configuration, ruff's peers, mastery and the settings. A
    # hover in VS Code asks again for the state just published; on a
    # minified line of 90,000 findings that took hundreds of milliseconds.
    engine, settings = document.engine, server.settings
    key = (
        engine.source,
        engine.tree,
        config,
        hidden,
        snap,
        settings.show_mastered,
        settings.concept_diagnostics,
        settings.concept_hints,
    )
    memo = document.shown
    if memo is not None and _same(memo[0], key):
        return list(memo[1])
    levels: dict[str, str | None] = {}
    out = []
    for finding in server.findings(document, config):
        rule_id = finding.rule
        if rule_id in levels:
            level = levels[rule_id]
        else:
            level = levels[rule_id] = _level(server, rule_id, config, hidden, snap)
        if level is not None:
            out.append((finding, level))
    mode = settings.concept_hints
    if mode != "everyOccurrence":
        out = list(hinted(out, server.registry, engine.tree.root_node, mode))
    document.shown = (key, out)
    return list(out)


def _same(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """The parse and the snapshot by identity (cheap, and new when changed), the rest by value."""
    return (
        before[0] is now[0]
        and before[1] is now[1]
        and before[4] is now[4]
        and before[2:4] == now[2:4]
        and before[5:] == now[5:]
    )


def _diagnostic(
    server: PyiqServer, finding: Finding, level: str, rng: types.Range
) -> types.Diagnostic:
    return types.Diagnostic(
        range=rng,
        severity=SEVERITY.get(level, types.DiagnosticSeverity.Hint),
        code=finding.rule,
        code_description=types.CodeDescription(href=rule_docs_url(finding.rule)),
        source="pyiq",
        message=diagnostic_message(server, finding),
    )


def diagnostics_for(server: PyiqServer, document: OpenDocument) -> list[types.Diagnostic]:
    """The document's diagnostics as objects (pull mode answers through pygls)."""
    lines, encoding = document.engine.lines, server.encoding
    return [
        _diagnostic(server, f, level, span(lines, f.start_byte, f.end_byte, encoding))
        for f, level in shown(server, document)
    ] + server.extra_diagnostics(document)


def diagnostics_json(server: PyiqServer, document: OpenDocument) -> list[str]:
    """The document's diagnostics as JSON, equal to what pygls makes of ``diagnostics_for``.

    Only the range is formatted per finding, and only for findings that an
    edit since the last publish can have moved; the rest comes from caches
    keyed by what it depends on (see :mod:`pyiq.lsp.wire`). Call it only to
    publish: the document then counts its output as what the client has.
    """
    engine, encoding = document.engine, server.encoding
    lines = engine.lines
    cache, fragments = server.diagnostic_json, document.fragments
    fragments.prepare(lines)
    current: dict[tuple[int, int, str], str] = {}
    out = []
    for finding, level in shown(server, document):
        # diagnostic_message depends on the rule, the finding's message and
        # bindings (which rank its questions): together with the level, the key.
        key = (finding.rule, level, finding.message, finding.bindings)
        tail = cache.tail(key)
        if tail is None:
            placeholder = span(lines, 0, 0, encoding)
            tail = cache.add(key, _diagnostic(server, finding, level, placeholder))
        start, end = finding.start_byte, finding.end_byte
        fragment = fragments.reusable(start, end, tail)
        if fragment is None:
            rng = (*lines.position(start, encoding), *lines.position(end, encoding))
            fragment = render(rng, tail)
        current[(start, end, tail)] = fragment
        out.append(fragment)
    fragments.published(current)
    out += [cache.whole(d) for d in server.extra_diagnostics(document)]
    return out


def _line_kept(before: LineIndex, after: LineIndex, text: str, lo: int, hi: int) -> int | None:
    """The line an edit of bytes ``lo``-``hi`` stayed inside, if it left every line break alone.

    With no break in the removed or inserted text and as many lines as
    before, only a ``\\r`` and ``\\n`` on either side of the edit could have
    joined or parted, and either would change the count.
    """
    if "\n" in text or "\r" in text or before.line_count != after.line_count:
        return None
    removed = before.decode(lo, hi)
    if "\n" in removed or "\r" in removed:
        return None
    return before.line_of(lo)


def apply_changes(
    server: PyiqServer,
    document: OpenDocument,
    changes: Sequence[types.TextDocumentContentChangeEvent],
) -> None:
    """Applies a didChange's changes, in order, to the document's engine.

    Positions are read with the engine's own line index, which ends lines
    where the client does (never at ``\\f`` or ``\\u2028``).
    """
    encoding = server.encoding
    for change in changes:
        engine = document.engine
        if isinstance(change, types.TextDocumentContentChangePartial):
            start, end = change.range.start, change.range.end
            lines, size = engine.lines, len(engine.source)
            lo, hi = sorted((offset(lines, start, encoding), offset(lines, end, encoding)))
            engine.apply_byte_edit(lo, hi, change.text.encode("utf-8", "surrogatepass"))
            line = _line_kept(lines, engine.lines, change.text, lo, hi)
            document.fragments.edited(lo, line, len(engine.source) - size)
        else:
            document.fragments.edited(0)
            engine.replace(change.text.encode("utf-8", "surrogatepass"))


def pull_supported(server: PyiqServer) -> bool:
    text = server.client_capabilities().text_document
    return text is not None and text.diagnostic is not None


def publish(server: PyiqServer, uri: str) -> None:
    """Publishes the current diagnostics of ``uri`` (no-op in pull mode or once closed)."""
    document = server.documents.get(uri)
    if document is None or pull_supported(server):
        return
    try:
        items = diagnostics_json(server, document)
    except Exception:
        log.exception("diagnostics failed for %s", uri)
        items = []
    send(server.protocol, publish_body(uri, document.version, items))


_pending: dict[int, set[str]] = {}


def schedule_publish(server: PyiqServer, uri: str) -> None:
    """Publishes once for however many changes are applied before the loop turns."""
    pending = _pending.setdefault(id(server), set())
    if uri in pending:
        return
    pending.add(uri)

    def run() -> None:
        pending.discard(uri)
        publish(server, uri)

    try:
        asyncio.get_running_loop().call_soon(run)
    except RuntimeError:
        run()


# Seconds without a change before a file that error recovery parsed
# incrementally is parsed afresh (see ``Document.settle``).
SETTLE_DELAY = 0.3

_settling: dict[tuple[int, str], asyncio.TimerHandle] = {}


def schedule_settle(server: PyiqServer, uri: str) -> None:
    """Settles the document once the user pauses; every change starts the wait again.

    The keystroke's own diagnostics go out at once from the incremental
    parse; when tree-sitter's recovery from a syntax error parsed some text
    otherwise than a fresh parse would, the corrected diagnostics follow the
    pause. A document whose tree is known exact has nothing to settle. One
    whose tree leaves out the half-typed line being edited
    (``Document.isolated``) takes the line back only if the file now parses:
    a pause in the middle of ``run(`` would otherwise bring back
    tree-sitter's recovery over the rest of the file, its findings shuffled
    and every following keystroke slow, for a line the user is still writing.
    """
    key = (id(server), uri)
    waiting = _settling.pop(key, None)
    if waiting is not None:
        waiting.cancel()
    document = server.documents.get(uri)
    if document is None or document.asleep or document.engine.exact:
        return

    def run() -> None:
        _settling.pop(key, None)
        # Edits still queued (a slow document) are flushed first, which settles again.
        if server.documents.get(uri) is not document or document.asleep or document.pending:
            return
        try:
            changed = document.engine.settle(keep_isolated=True)
        except Exception:
            log.exception("settling failed for %s", uri)
            return
        if changed:
            if pull_supported(server):
                refresh_pulled(server)
            else:
                schedule_publish(server, uri)

    try:
        _settling[key] = asyncio.get_running_loop().call_later(SETTLE_DELAY, run)
    except RuntimeError:
        pass  # no loop (a test calling the handler directly): nothing to wait for


# A document whose edits take longer than SLOW_EDIT seconds to analyse (a
# moving average, so one hiccup of a loaded machine does not count) goes to
# slow mode: a keystroke arriving alone is analysed at once, but in a burst
# (changes arriving faster than they are analysed) they are queued and
# analysed together after a pause as long as the last analysis took (at least
# MIN_FLUSH_DELAY), so the server spends at most about half its time on that
# document and other documents and requests are answered in between. It
# leaves slow mode once analysis is cheap again.
SLOW_EDIT = 0.15
MIN_FLUSH_DELAY = 0.05
MAX_FLUSH_DELAY = 1.0
_WEIGHT = 0.3


def _measured(document: OpenDocument, seconds: float) -> None:
    """Updates the document's edit cost and its mode."""
    document.edit_cost = _WEIGHT * seconds + (1 - _WEIGHT) * document.edit_cost
    if document.edit_cost > SLOW_EDIT:
        document.slow = True
    elif document.edit_cost < SLOW_EDIT / 2:
        document.slow = False


_flushing: dict[tuple[int, str], asyncio.TimerHandle] = {}


def document_cost(server: PyiqServer, uri: str) -> float:
    document = server.documents.get(uri)
    return document.edit_cost if document is not None else 0.0


def schedule_flush(server: PyiqServer, uri: str, burst: bool = True) -> None:
    """Analyses a slow document's queued edits, after a pause in a burst, then publishes."""
    key = (id(server), uri)
    waiting = _flushing.pop(key, None)
    if waiting is not None:
        waiting.cancel()

    def run() -> None:
        _flushing.pop(key, None)
        document = server.documents.get(uri)
        if document is None:
            return
        try:
            # A request may have flushed the edits already: publish regardless.
            began = time.perf_counter()
            had = document.pending
            document.flush()
            if had:
                _measured(document, time.perf_counter() - began)
                document.last_flush = time.monotonic()
            document.resize(limit_bytes(server.max_file_mb(document.project_mb)))
        except Exception:
            log.exception("analysing queued edits failed for %s", uri)
        # The queued edits were one burst: the flush is its pause (see ``schedule_settle``).
        schedule_settle(server, uri)
        if pull_supported(server):
            refresh_pulled(server)
        else:
            publish(server, uri)

    try:
        delay = (
            min(max(document_cost(server, uri), MIN_FLUSH_DELAY), MAX_FLUSH_DELAY) if burst else 0
        )
        _flushing[key] = asyncio.get_running_loop().call_later(delay, run)
    except RuntimeError:
        run()


def refresh_pulled(server: PyiqServer) -> None:
    """Asks a pull-mode client to request every document's diagnostics again.

    Only a client that announced ``workspace.diagnostics.refreshSupport``
    is asked: others (Neovim 0.11) answer MethodNotFound and log a warning.
    """
    workspace = server.client_capabilities().workspace
    support = workspace.diagnostics if workspace else None
    if support is None or not support.refresh_support:
        return
    try:
        server.workspace_diagnostic_refresh(None)
    except Exception:
        log.debug("client refused diagnostic refresh", exc_info=True)


def republish_all(server: PyiqServer) -> None:
    if pull_supported(server):
        refresh_pulled(server)
        return
    for uri in list(server.documents):
        schedule_publish(server, uri)


def pulled_json(server: PyiqServer, params: types.DocumentDiagnosticParams) -> str | None:
    """A pulled report as JSON from the publish caches; None leaves the request to pygls.

    Equal to what pygls makes of ``pull``'s report; a pull-mode keystroke
    then costs what a pushed one does.
    """
    document = server.documents.get(params.text_document.uri)
    if document is None:
        return None
    return f'{{"kind":"full","items":[{",".join(diagnostics_json(server, document))}]}}'


def size_note(server: PyiqServer, document: OpenDocument) -> list[types.Diagnostic]:
    """An Information diagnostic on the first line of a document analysed only in part.

    In the Problems panel beside the file rather than a popup: a generated
    file reopened every day should not interrupt anyone.
    """
    if not document.large:
        return []
    engine = document.engine
    name = document.path.name if document.path else document.uri
    megabytes = server.max_file_mb(document.project_mb)
    message = describe_limit(name, len(engine.source), megabytes, engine.head)
    where = (
        "setting pyiq.maxFileSizeMB"
        if megabytes == server.settings.max_file_mb
        else "max-file-size-mb in [tool.pyiq]"
    )
    start = types.Position(line=0, character=0)
    return [
        types.Diagnostic(
            range=types.Range(start=start, end=start),
            severity=types.DiagnosticSeverity.Information,
            code="size-limit",
            source="pyiq",
            message=f"{message} ({where})",
        )
    ]


def setup(server: PyiqServer) -> None:
    server.diagnostic_providers.append(size_note)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded()
    def did_open(ls: PyiqServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = uri_to_path(item.uri)
        project_mb = ls.projects.for_path(path).config.max_file_mb
        limit = limit_bytes(ls.max_file_mb(project_mb))
        source = item.text.encode("utf-8", "surrogatepass")
        ls.documents[item.uri] = OpenDocument(
            uri=item.uri,
            version=item.version,
            engine=make_engine(source, ls.registry, limit, module_of(path)),
            path=path,
            awake=ls.awake,
            limit=limit,
        )
        ls.documents[item.uri].project_mb = project_mb
        # At once, not scheduled: a burst of opens (an editor restoring its
        # tabs) would otherwise put documents to sleep before their first
        # publish and wake them again for it.
        publish(ls, item.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded()
    def did_change(ls: PyiqServer, params: types.DidChangeTextDocumentParams) -> None:
        document = ls.documents.get(params.text_document.uri)
        if document is None:
            return
        encoding = ls.encoding
        if document.slow:
            for change in params.content_changes:
                data = change.text.encode("utf-8", "surrogatepass")
                if isinstance(change, types.TextDocumentContentChangePartial):
                    lines = document.lines
                    start, end = change.range.start, change.range.end
                    lo, hi = sorted((offset(lines, start, encoding), offset(lines, end, encoding)))
                    document.queue_edit(lo, hi, data)
                else:
                    document.queue_edit(0, len(document.source), data)
            document.version = params.text_document.version
            now = time.monotonic()
            # A change arriving sooner than an analysis takes is part of a burst:
            # wait for the rest. An isolated keystroke is analysed at once. Time
            # spent analysing does not count as a pause: a change read just after
            # a flush was sent during it.
            since = now - max(document.last_change, document.last_flush)
            burst = since < document.edit_cost
            document.last_change = now
            schedule_flush(ls, document.uri, burst)
            return
        began = time.perf_counter()
        apply_changes(ls, document, params.content_changes)
        document.version = params.text_document.version
        _measured(document, time.perf_counter() - began)
        document.resize(limit_bytes(ls.max_file_mb(document.project_mb)))
        schedule_publish(ls, document.uri)
        schedule_settle(ls, document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded()
    def did_close(ls: PyiqServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        closed = ls.documents.pop(uri, None)
        if closed is not None:
            ls.awake.forget(closed)
        if not pull_supported(ls):
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    server.protocol.raw_requests[types.TEXT_DOCUMENT_DIAGNOSTIC] = functools.partial(
        pulled_json, server
    )

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="pyiq", inter_file_dependencies=False, workspace_diagnostics=False
        ),
    )
    @guarded(empty=types.RelatedFullDocumentDiagnosticReport(items=[]))
    def pull(
        ls: PyiqServer, params: types.DocumentDiagnosticParams
    ) -> types.RelatedFullDocumentDiagnosticReport:
        document = ls.documents.get(params.text_document.uri)
        items = diagnostics_for(ls, document) if document is not None else []
        return types.RelatedFullDocumentDiagnosticReport(items=items)
