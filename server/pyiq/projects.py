"""What applies to a file on disk: its configuration, path rules and ruff's peers.

``pyiq check`` and the language server must give the same answer for the
same file, so both ask here: which ``[tool.pyiq]`` (or ``pyiq.toml``)
governs a directory, whether the configuration's ``exclude`` /
``extend-exclude`` covers a path, which rules its ``per-file-ignores``
switch off for a file, and, with ``respectRuff``, which bug risks ruff
already reports there (their peer rule selected for that file, as
``ruff server`` decides it).

Patterns use ruff's glob syntax and anchoring (:mod:`pyiq.lsp.ruff_glob`),
so one ``exclude`` list reads the same in ``[tool.ruff]`` and
``[tool.pyiq]``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pyiq.analysis import Config, ConfigError, load_registry
from pyiq.analysis.config import config_file_in, load_config
from pyiq.lsp import ruff_peer
from pyiq.lsp.ruff_glob import FileGlobs, GlobError, PerFileGlob, anchored, glob_regex

if TYPE_CHECKING:
    from pyiq.lsp.ruff_peer import RuffSelection

# ruff's default exclusions, less ``venv``: a virtual environment is known
# by its ``pyvenv.cfg`` (see :mod:`pyiq.discovery`), and a package may be
# called ``venv`` (the standard library has one).
DEFAULT_EXCLUDE = (
    *(name for name in ruff_peer.DEFAULT_EXCLUDE.globs if name != "venv"),
    "__pycache__",
)
_DEFAULT_GLOBS = FileGlobs(DEFAULT_EXCLUDE)


def _compilable(
    patterns: list[str], key: str, where: str, root: str, problems: list[str]
) -> list[str]:
    """The patterns ruff's glob syntax accepts; one problem, naming the file, per other one."""
    good: list[str] = []
    for pattern in patterns:
        body = pattern[1:] if key == "per-file-ignores" and pattern.startswith("!") else pattern
        try:
            glob_regex(body)
            glob_regex(anchored(body, root))
        except GlobError as exc:
            problems.append(f"{where}`{key}`: invalid pattern {pattern!r} ({exc}), skipped")
        else:
            good.append(pattern)
    return good


@dataclass(frozen=True)
class PathRules:
    """A configuration's ``exclude``, ``extend-exclude`` and ``per-file-ignores``, compiled.

    A pattern ruff's glob syntax cannot compile is left out, and named in
    ``problems`` for the caller to show: the other patterns and every other
    setting still apply (ruff would refuse the whole file; losing every
    exclusion for one typo would flood the user with findings in vendored
    code instead).
    """

    exclude: FileGlobs = _DEFAULT_GLOBS
    extend_exclude: FileGlobs = field(default_factory=FileGlobs)
    per_file: tuple[tuple[PerFileGlob, tuple[str, ...]], ...] = ()
    root: str | None = None
    problems: tuple[str, ...] = ()

    @classmethod
    def of(cls, config: Config) -> PathRules:
        """Compiled from ``config``; patterns that do not compile are skipped and named."""
        root = os.path.normpath(config.root or os.getcwd())
        where = f"{config.source}: " if config.source else ""
        problems: list[str] = []
        exclude = (
            None
            if config.exclude is None
            else _compilable(list(config.exclude), "exclude", where, root, problems)
        )
        extend = _compilable(list(config.extend_exclude), "extend-exclude", where, root, problems)
        per_file_keys = set(
            _compilable(
                [pattern for pattern, _ in config.per_file_ignores],
                "per-file-ignores",
                where,
                root,
                problems,
            )
        )
        try:
            return cls(
                exclude=_DEFAULT_GLOBS if exclude is None else FileGlobs.user(exclude, root),
                extend_exclude=FileGlobs.user(extend, root),
                per_file=tuple(
                    (PerFileGlob.parse(pattern, root), rules)
                    for pattern, rules in config.per_file_ignores
                    if pattern in per_file_keys
                ),
                root=root,
                problems=tuple(problems),
            )
        except GlobError as exc:  # the root itself, escaped, cannot fail; stay safe
            raise ConfigError(f"{where}{exc}") from None

    def excluded(self, path: str) -> bool:
        """Whether the (absolute, normalized) path itself matches an exclusion."""
        name = os.path.basename(path)
        return self.exclude.matches(path, name) or self.extend_exclude.matches(path, name)

    def excluded_with_parents(self, path: str) -> bool:
        """Whether the path or a directory above it, up to the root, is excluded.

        For files named on the command line with ``--force-exclude``, as
        ruff asks it.
        """
        current = path
        while True:
            if self.excluded(current):
                return True
            parent = os.path.dirname(current)
            if current == self.root or parent == current:
                return False
            current = parent

    def ignored(self, path: str) -> tuple[str, ...]:
        """Rules and categories the per-file ignores switch off for ``path``."""
        if not self.per_file:
            return ()
        name = os.path.basename(path)
        out: list[str] = []
        for glob, rules in self.per_file:
            if glob.applies(path, name):
                out.extend(rules or ("bug-risk", "concept"))
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Overrides:
    """Command-line settings, applied over each file's configuration."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    respect_ruff: bool = True
    max_file_mb: float | None = None


@dataclass
class Project:
    """One directory's settings; ``problem`` is set (and the rest unusable) when broken."""

    config: Config
    rules: PathRules
    source: str | None
    overrides: Overrides
    problem: str | None = None

    def config_for(self, path: str, ruff_hidden: tuple[str, ...] = ()) -> Config:
        """The configuration of one file: per-file ignores and ruff's peers applied."""
        extra = (*self.rules.ignored(path), *ruff_hidden)
        if not extra:
            return self.config
        return self.config.merged(ignore=(*self.config.ignore, *extra))


def _with_overrides(config: Config, overrides: Overrides) -> Config:
    changes: dict[str, object] = {}
    select = config.select
    if overrides.select is not None:
        select = overrides.select
    if overrides.extend_select and select is not None:
        select = (*select, *overrides.extend_select)
    if select != config.select:
        changes["select"] = select
    if overrides.ignore:
        changes["ignore"] = (*config.ignore, *overrides.ignore)
    if overrides.max_file_mb is not None:
        changes["max_file_mb"] = overrides.max_file_mb
    return config.merged(**changes)


class Projects:
    """Per-directory settings, each configuration file read and reported once."""

    def __init__(self, overrides: Overrides = Overrides()) -> None:
        self.overrides = overrides
        self._dirs: dict[str, Project] = {}
        self._files: dict[str | None, Project] = {}
        self._ruff: dict[str, RuffSelection | None] = {}
        self.reported: set[str] = set()
        # Problems that cost nothing but a setting, for the caller to show.
        self.warnings: list[str] = []
        # Parts of a configuration that were skipped (a pattern that does not
        # compile): errors to show, while the rest of that configuration applies.
        self.errors: list[str] = []

    def for_directory(self, directory: str) -> Project:
        cached = self._dirs.get(directory)
        if cached is not None:
            return cached
        problem = None
        try:
            found = config_file_in(Path(directory))
        except ConfigError as exc:
            found, problem = None, str(exc)
        if problem is not None:
            project = self._broken(directory, problem)
        elif found is not None:
            project = self._load(str(found))
        else:
            parent = os.path.dirname(directory)
            project = self._load(None) if parent == directory else self.for_directory(parent)
        self._dirs[directory] = project
        return project

    def _broken(self, key: str, problem: str) -> Project:
        return Project(Config(), PathRules(), key, self.overrides, problem)

    def _load(self, source: str | None) -> Project:
        cached = self._files.get(source)
        if cached is not None:
            return cached
        try:
            config = load_config(None if source is None else Path(source), load_registry())
            rules = PathRules.of(config)
            for problem in rules.problems:
                if problem not in self.reported:
                    self.reported.add(problem)
                    self.errors.append(problem)
            config = _with_overrides(config, self.overrides)
            project = Project(config, rules, source, self.overrides)
        except ConfigError as exc:
            project = self._broken(source or "", str(exc))
        self._files[source] = project
        return project

    def ruff_hidden(self, path: str) -> tuple[str, ...]:
        """Bug risks whose peer ruff reports on ``path`` (nothing without respect-ruff)."""
        if not self.overrides.respect_ruff:
            return ()
        from pyiq.lsp.ruff_config import ruff_selection

        directory = os.path.dirname(path)
        if directory in self._ruff:
            selection = self._ruff[directory]
        else:
            try:
                selection = ruff_selection(Path(directory))
            except (Exception, RecursionError) as exc:
                # A configuration the reader cannot cope with: pyiq then reports
                # its own bug risks there, and says why once.
                problem = f"{directory}: ruff configuration not read ({type(exc).__name__}: {exc})"
                if problem not in self.reported:
                    self.reported.add(problem)
                    self.warnings.append(problem)
                selection = None
            if selection is not None and selection.problems:
                # Broken ruff settings (already reported, naming the file): ruff
                # itself would refuse to run there, so pyiq reports its own bug risks.
                selection = None
            self._ruff[directory] = selection
        if selection is None:
            return ()
        return tuple(
            rule.id
            for rule in load_registry()
            if rule.is_bug_risk and rule.peer and selection.selects(rule.peer, path)
        )

    def config_for(self, path: str) -> Config | str:
        """The configuration of the (absolute) file, or the problem that prevents it."""
        project = self.for_directory(os.path.dirname(path))
        if project.problem is not None:
            return project.problem
        return project.config_for(path, self.ruff_hidden(path))
