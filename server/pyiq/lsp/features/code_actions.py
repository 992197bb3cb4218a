"""Code actions: exact quick fixes, "ignore on this line" and "quiz me on this"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from pyiq.analysis import Finding
from pyiq.lsp.convert import offset, position, span
from pyiq.lsp.guard import guarded
from pyiq.lsp.server import PyiqServer
from pyiq.lsp.store import OpenDocument

if TYPE_CHECKING:
    from pyiq.lsp.fixes import Fix

# "Quiz me on this" is neither a fix nor a refactoring: its own kind, so a client that asks for
# quick fixes only (VS Code's `context.only`) does not receive it, and one that asks for
# everything lists it with the fixes.
QUIZ_KIND = "pyiq.quiz"
KINDS = [types.CodeActionKind.QuickFix, QUIZ_KIND]


def wanted(kind: str, only: list[str] | None) -> bool:
    """Whether an action of ``kind`` answers a request limited to ``only`` (LSP's prefix rule).

    ``quickfix`` admits ``quickfix`` and ``quickfix.x`` but not ``quickfixes``; the empty kind
    admits everything; no ``only`` at all admits everything too.
    """
    if not only:
        return True
    return any(not base or kind == base or kind.startswith(f"{base}.") for base in only)


def _workspace_edit(ls: PyiqServer, document: OpenDocument, fix: Fix) -> types.WorkspaceEdit:
    lines = document.engine.lines
    edits = [
        types.TextEdit(range=span(lines, e.start, e.end, ls.encoding), new_text=e.text)
        for e in fix.edits
    ]
    return types.WorkspaceEdit(changes={document.uri: edits})


def _diagnostic_for(params: types.CodeActionParams, rule_id: str) -> list[types.Diagnostic] | None:
    matching = [d for d in params.context.diagnostics if d.code == rule_id]
    return matching or None


def actions_for(
    ls: PyiqServer, document: OpenDocument, finding: Finding, params: types.CodeActionParams
) -> list[types.CodeAction]:
    # The fixes (and the edits they build) are imported at the first request,
    # not at start-up, which they would delay for nothing.
    from pyiq.lsp.fixes import ignore_fix, quick_fix

    engine = document.engine
    diagnostics = _diagnostic_for(params, finding.rule)
    out: list[types.CodeAction] = []
    # The target version is read from the project's files only if a fix asks for it.
    fix = quick_fix(engine, finding, lambda: ls.projects.for_path(document.path).python_target)
    if fix is not None:
        out.append(
            types.CodeAction(
                title=fix.title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=diagnostics,
                is_preferred=True,
                edit=_workspace_edit(ls, document, fix),
            )
        )
    ignore = ignore_fix(engine, finding)
    out.append(
        types.CodeAction(
            title=ignore.title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=diagnostics,
            edit=_workspace_edit(ls, document, ignore),
        )
    )
    at = position(engine.lines, finding.start_byte, ls.encoding)
    out.append(
        types.CodeAction(
            title=f"Quiz me on this ({finding.rule})",
            kind=QUIZ_KIND,
            command=types.Command(
                title="Quiz me on this",
                command="pyiq.quizAt",
                arguments=[document.uri, {"line": at.line, "character": at.character}],
            ),
        )
    )
    return out


def setup(server: PyiqServer) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=KINDS),
    )
    @guarded(empty=[])
    def code_action(ls: PyiqServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        document = ls.documents.get(params.text_document.uri)
        if document is None:
            return []
        lines = document.engine.lines
        lo = offset(lines, params.range.start, ls.encoding)
        hi = offset(lines, params.range.end, ls.encoding)
        if hi < lo:
            lo, hi = hi, lo
        only = params.context.only
        if only is not None and not any(wanted(kind, only) for kind in KINDS):
            return []
        out: list[types.CodeAction] = []
        for finding in ls.findings(document):
            # The construct, not just the reported span: the cursor is often on
            # `x` of `x == None` while the squiggle is under `None`.
            start = min(finding.start_byte, finding.construct_start)
            end = max(finding.end_byte, finding.construct_end)
            if start <= hi and lo <= end:
                out.extend(actions_for(ls, document, finding, params))
        return [action for action in out if wanted(action.kind or "", only)]
