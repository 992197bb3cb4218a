"""Living beside ruff: does ruff report this code on this file?

Several pyiq bug risks mirror a ruff rule (their ``peer``, e.g. B006). When
ruff already reports the peer on a file, the user sees the problem from
ruff; a second squiggle on the same code is noise. So the answer must be
ruff's own, per file, which is what :meth:`RuffSelection.selects` computes
from a resolved configuration (see :mod:`pyiq.lsp.ruff_config` for how one
is found and read):

* **Rule selection** replays ruff's ``as_rule_table``: starting from the
  default set, each configuration of an ``extend`` chain (base first)
  contributes one selection. Within it the most specific selector wins
  (``ALL`` < ``B`` < ``B0`` < ``B006``) and ``ignore`` wins a tie; a
  ``select`` replaces everything before it, while ``extend-select`` and
  ``ignore`` adjust it; ``select = []`` with only ``ignore`` hands those
  ignores on to the next configuration.
* **Per-file ignores** drop a code on matching files whatever the
  selection says.
* **Exclusions**: ``ruff server`` lints no open document that ``exclude``,
  ``extend-exclude`` or ``lint.exclude`` covers (it checks every open file,
  as if ``force-exclude`` were always on), so pyiq shows its own
  diagnostics there.

The default set is that of ruff 0.16 and later, restricted to the peers:
before 0.16 it was ``E4, E7, E9, F`` (which selected E711, E712, E721 and
E731 but none of the B rules). Preview-only rules are out of scope.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pyiq.lsp.ruff_glob import FileGlobs, PerFileGlob

# The peers in ruff's default rule set (ruff >= 0.16, checked against the
# `ruff` binary by tests/lsp/test_ruff_peer.py).
DEFAULT_RULES = frozenset({"B006", "B008", "B023", "E722", "F632"})

# ruff's built-in `exclude`, replaced as a whole by a configured `exclude`.
DEFAULT_EXCLUDE = FileGlobs(
    (
        ".bzr",
        ".direnv",
        ".eggs",
        ".git",
        ".git-rewrite",
        ".hg",
        ".ipynb_checkpoints",
        ".mypy_cache",
        ".nox",
        ".pants.d",
        ".pyenv",
        ".pytest_cache",
        ".pytype",
        ".ruff_cache",
        ".svn",
        ".tox",
        ".venv",
        ".vscode",
        "__pypackages__",
        "_build",
        "buck-out",
        "dist",
        "node_modules",
        "site-packages",
        "venv",
    )
)
NO_GLOBS = FileGlobs()


@dataclass(frozen=True)
class RuleSelection:
    """One configuration file's ``select`` / ``extend-select`` / ``ignore``.

    ``select`` is None when the file leaves it unset (then the earlier
    selection stands); ``ignore`` includes the deprecated ``extend-ignore``.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class PerFileIgnore:
    glob: PerFileGlob
    codes: tuple[str, ...]


@dataclass(frozen=True)
class RuffSelection:
    """A resolved ruff configuration, as far as the peers are concerned.

    ``root`` is the directory of the configuration found for the file:
    exclusions are tried on the file and its parents up to it. ``sources``
    are the files read to build this (the ``extend`` chain, a missing base
    included), so a cache can tell when it is stale.
    """

    selections: tuple[RuleSelection, ...] = ()
    per_file_ignores: tuple[PerFileIgnore, ...] = ()
    exclude: FileGlobs = DEFAULT_EXCLUDE
    extend_exclude: FileGlobs = NO_GLOBS
    lint_exclude: FileGlobs = NO_GLOBS
    root: str | None = None
    path: str | None = None
    sources: tuple[str, ...] = ()
    # Broken configurations skipped on the way to this one, one line each.
    problems: tuple[str, ...] = ()
    _last_exclusion: list[tuple[str, bool] | None] = field(
        default_factory=lambda: [None], init=False, compare=False, repr=False
    )

    def selects(self, code: str, path: Path | str | None = None) -> bool:
        """Whether ruff reports ``code`` on the file at ``path``.

        Without a path, only the rule selection is asked about.
        """
        if not self.enabled(code):
            return False
        if path is None:
            return True
        file = os.path.normpath(os.fspath(path))
        name = os.path.basename(file)
        return not any(
            _matches(code, rule.codes) is not None and rule.glob.applies(file, name)
            for rule in self.per_file_ignores
        ) and not self._excluded_once(file)

    def _excluded_once(self, file: str) -> bool:
        """:meth:`excluded`, remembered for the last file asked about.

        A publish asks about the same file for each of the ten peers, and the
        exclusion walk (every parent against every pattern) is most of the cost.
        """
        last = self._last_exclusion[0]
        if last is not None and last[0] == file:
            return last[1]
        result = self.excluded(file)
        self._last_exclusion[0] = (file, result)
        return result

    def enabled(self, code: str) -> bool:
        """Whether ``code`` is in the rule table built from the selections."""
        enabled = code in DEFAULT_RULES
        carried: tuple[str, ...] = ()
        for selection in self.selections:
            update = _decide(code, selection, carried)
            carried = ()
            if selection.select is not None:
                enabled = update is True
                if not selection.select and not selection.extend_select and selection.ignore:
                    carried = selection.ignore
            elif update is not None:
                enabled = update
        return enabled

    def excluded(self, file: str) -> bool:
        """Whether ruff server skips the (normalized, absolute) ``file``."""
        current = file
        while True:
            name = os.path.basename(current)
            if not name:
                return False
            if any(
                globs.matches(current, name)
                for globs in (self.exclude, self.extend_exclude, self.lint_exclude)
            ):
                return True
            if current == self.root:
                return False
            parent = os.path.dirname(current)
            if parent == current:
                return False
            current = parent


def _matches(code: str, selectors: tuple[str, ...]) -> int | None:
    """Specificity of the most specific selector matching ``code`` (ALL is 0)."""
    best: int | None = None
    for selector in selectors:
        if selector == "ALL":
            length = 0
        elif code.startswith(selector):
            length = len(selector)
        else:
            continue
        best = length if best is None else max(best, length)
    return best


def _decide(code: str, selection: RuleSelection, carried: tuple[str, ...]) -> bool | None:
    """This selection's verdict on ``code``: on, off, or no opinion (None)."""
    chosen = _matches(code, (*(selection.select or ()), *selection.extend_select))
    ignored = _matches(code, (*selection.ignore, *carried))
    if ignored is not None and (chosen is None or ignored >= chosen):
        return False
    return None if chosen is None else True
