"""Glue: the server object, its document store and settings, and feature setup.

Features live in ``pyiq.lsp.features.*``; each module's ``setup(server)``
registers its handlers. This module only holds shared state and the
questions every feature asks (which findings does this document show, in
which position encoding).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from pyiq import __version__
from pyiq.analysis import Config, Finding
from pyiq.analysis.limits import limit_bytes
from pyiq.analysis.lines import Encoding
from pyiq.links import surfaces
from pyiq.lsp.convert import encoding_of
from pyiq.lsp.learning import Learning
from pyiq.lsp.protocol import PyiqProtocol
from pyiq.lsp.rules import server_registry
from pyiq.lsp.settings import Settings, parse_settings
from pyiq.lsp.store import Awake, OpenDocument, ProjectConfig, ProjectConfigs
from pyiq.lsp.wire import DiagnosticJson

log = logging.getLogger(__name__)
# The longest message shown in a popup; values in it are already shortened.
MAX_MESSAGE = 1000

FEATURES = (
    "diagnostics",
    "hover",
    "code_actions",
    "code_lens",
    "commands",
    "configuration",
    "practice",
    "notebooks",
)

# Features that add to another feature's answer (a practice run's failing
# tests to the diagnostics, its lenses to the code lenses) register a
# provider instead of a second handler: LSP allows one handler per method.
DiagnosticProvider = Callable[["PyiqServer", OpenDocument], list[types.Diagnostic]]
LensProvider = Callable[["PyiqServer", OpenDocument], list[types.CodeLens]]


class PyiqServer(LanguageServer):
    """Shared state of one editor session."""

    def __init__(self) -> None:
        super().__init__("pyiq", __version__, protocol_cls=PyiqProtocol)
        self.diagnostic_json = DiagnosticJson(self.protocol._converter)
        self.registry = server_registry()
        self.documents: dict[str, OpenDocument] = {}
        self.awake = Awake()
        self.settings = Settings()
        self.projects = ProjectConfigs(self.registry)
        self.reported_problems: set[str] = set()
        self.learning = Learning(self.registry, self.report)
        self.diagnostic_providers: list[DiagnosticProvider] = []
        self.lens_providers: list[LensProvider] = []

    def extra_diagnostics(self, document: OpenDocument) -> list[types.Diagnostic]:
        """Diagnostics other features add to a document; one failing never hides the rest."""
        out: list[types.Diagnostic] = []
        for provider in self.diagnostic_providers:
            try:
                out += provider(self, document)
            except Exception:
                log.exception("diagnostics provider %s failed", provider.__qualname__)
        return out

    def extra_lenses(self, document: OpenDocument) -> list[types.CodeLens]:
        """Code lenses other features add to a document."""
        out: list[types.CodeLens] = []
        for provider in self.lens_providers:
            try:
                out += provider(self, document)
            except Exception:
                log.exception("code lens provider %s failed", provider.__qualname__)
        return out

    @property
    def encoding(self) -> Encoding:
        try:
            return encoding_of(self.workspace.position_encoding)
        except RuntimeError:
            return "utf-16"

    def client_capabilities(self) -> types.ClientCapabilities:
        return self.protocol.client_capabilities or types.ClientCapabilities()

    def report(
        self, problems: list[str], kind: types.MessageType = types.MessageType.Warning
    ) -> None:
        """Shows each settings problem once per session, so typing does not spam."""
        for problem in problems:
            if problem in self.reported_problems:
                continue
            self.reported_problems.add(problem)
            log.warning("%s", problem)
            if len(problem) > MAX_MESSAGE:  # a setting's name is the client's to choose
                problem = problem[: MAX_MESSAGE - 1] + "…"
            self.window_show_message(types.ShowMessageParams(type=kind, message=problem))

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Logs a protocol or handler error; pygls would pop up a dialog for each.

        A malformed notification repeated while typing would otherwise open
        one error dialog per keystroke. Requests get their JSON-RPC error
        from the protocol (see :mod:`pyiq.lsp.transport`).
        """
        log.error("%s: %s", getattr(source, "__name__", source), error)

    def apply_client_settings(self, data: Any) -> None:
        self.settings, problems = parse_settings(data, self.registry, self.settings)
        self.learning.set_threshold(self.settings.mastery_threshold)
        self.report(problems)
        limit = limit_bytes(self.settings.max_file_mb)
        for document in self.documents.values():
            document.resize(limit)

    def config_for(self, document: OpenDocument, project: ProjectConfig | None = None) -> Config:
        """The document's configuration; ``project`` when the caller has looked it up already."""
        project = project or self.projects.for_path(document.path)
        if project.problem:
            self.report([project.problem])
        try:
            config = self.settings.config(project.config, self.registry)
        except Exception as exc:  # validated already; stay safe regardless
            log.warning("client settings rejected: %s", exc)
            config = project.config
        rules = project.path_rules
        if rules is not None and rules.problems:
            self.report(list(rules.problems))
        if project.excluded(document.path):
            return config.merged(select=())
        ignored = project.ignored(document.path)
        return config.merged(ignore=(*config.ignore, *ignored)) if ignored else config

    def findings(self, document: OpenDocument, config: Config | None = None) -> list[Finding]:
        """Findings of the document after selection, suppressions and levels."""
        config = config or self.config_for(document)
        surfaced: dict[str, bool] = {}
        kept = []
        for finding in document.engine.findings(config):
            shown = surfaced.get(finding.rule)
            if shown is None:
                rule = self.registry.get(finding.rule)
                shown = surfaced[finding.rule] = rule is not None and surfaces(rule, config)
            if shown:
                kept.append(finding)
        return kept

    def hidden_by_ruff(
        self, document: OpenDocument, project: ProjectConfig | None = None
    ) -> frozenset[str]:
        """Bug risks whose peer rule ruff already reports on this document.

        Per file, not per project: per-file ignores and exclusions decide
        too. Nothing is hidden under a broken ruff configuration, as in
        ``pyiq check`` (:meth:`pyiq.projects.Projects.ruff_hidden`).
        Finding the project stats every configuration file up the directory
        tree: pass ``project`` when it is known already, so a publish stats
        them once.
        """
        if not self.settings.respect_ruff:
            return frozenset()
        ruff = (project or self.projects.for_path(document.path)).ruff
        if ruff is None:
            return frozenset()
        if ruff.problems:
            # ``ruff check`` refuses to run on a broken configuration, so in CI
            # ruff reports nothing there; ``ruff server`` falls back to other
            # settings. pyiq answers as the CLI does (its bug risks shown, the
            # reason said once): a duplicate in the editor is better than a
            # bug risk that CI would miss.
            self.report(list(ruff.problems))
            return frozenset()
        return frozenset(
            rule.id
            for rule in self.registry
            if rule.is_bug_risk and rule.peer and ruff.selects(rule.peer, document.path)
        )


def create_server() -> PyiqServer:
    server = PyiqServer()
    for name in FEATURES:
        module = importlib.import_module(f"pyiq.lsp.features.{name}")
        module.setup(server)
    return server
