"""Open documents and the project configuration that applies to each.

The engine ``Document`` of every open URI lives here and is edited in
place; it is the only copy of the text (see :mod:`pyiq.lsp.protocol`).
A syntax tree weighs about thirty times its source, so with dozens of
large files open the trees are most of the server's memory, while an
editor session works in a few of them. Only the ``MAX_AWAKE`` documents
used last keep their engine state; the others keep their bytes alone and
are analysed again (a full parse, some tens of milliseconds for a large
file) when a request or an edit comes for them. Project configuration (``[tool.pyiq]``, the
ruff selection and the target Python version) is cached per directory and
re-read when any candidate file's mtime or size changes, so edits to
``pyproject.toml`` apply without a restart even when the client cannot
watch files. The candidates are the configuration names up the tree plus
every file of the ruff ``extend`` chains read (wherever they live and
whatever their name), so an edit to a shared base configuration applies
too. The chain files are also offered to the client to watch
(``on_chain_files``), since their names and places are known only here.
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from pyiq.analysis import Config, ConfigError, Document, ModuleName, module_name
from pyiq.analysis.config import CONFIG_NAMES as PYIQ_CONFIG_NAMES
from pyiq.analysis.config import find_config, load_config
from pyiq.analysis.language import sanitize
from pyiq.analysis.lines import LineIndex
from pyiq.analysis.registry import Registry
from pyiq.lsp.large import LargeText
from pyiq.lsp.python_target import Version, directory_target
from pyiq.lsp.ruff_config import CONFIG_NAMES, ruff_selection
from pyiq.lsp.ruff_peer import RuffSelection
from pyiq.lsp.wire import Fragments
from pyiq.projects import PathRules

log = logging.getLogger(__name__)


MAX_AWAKE = 8


def make_engine(
    source: bytes, registry: Registry, limit: int | None, module: ModuleName | None = None
) -> Document:
    """The engine document, or a :class:`LargeText` when ``source`` is past ``limit`` bytes.

    ``module`` is the file's module (``module_name`` of its path), so names it
    defines resolve as ruff resolves them; None for an untitled buffer.
    """
    if limit is not None and len(source) > limit:
        return LargeText(source, registry, limit, module)  # type: ignore[return-value]
    return Document(source, registry, module)


class OpenDocument:
    """An open URI: its engine state while awake, its exact bytes while asleep.

    ``limit`` is the size past which only the head is analysed (see
    :mod:`pyiq.lsp.large`); :meth:`resize` swaps the engine when an edit
    crosses it.
    """

    def __init__(
        self,
        uri: str,
        version: int | None,
        engine: Document,
        path: Path | None,
        awake: Awake | None = None,
        limit: int | None = None,
    ) -> None:
        self.uri = uri
        self.version = version
        self.path = path
        self.module = engine.module
        self.limit = limit
        # ``max-file-size-mb`` of the file's [tool.pyiq], as last read (see
        # ``PyiqServer.max_file_mb``); kept here so a keystroke reads no configuration.
        self.project_mb: float | None = None
        self._engine: Document | None = engine
        # Slow mode (see queue_edit): edits not yet given to the engine, as
        # the text they make and its line index.
        self.slow = False
        self.edit_cost = 0.0  # moving average of seconds to analyse an edit
        self.last_change = 0.0  # time.monotonic() of the last change in slow mode
        # time.monotonic() when queued edits were last analysed: a change read
        # right after that waited in the pipe during it, so it is part of a burst.
        self.last_flush = 0.0
        self._pending: tuple[bytes, LineIndex] | None = None
        self._asleep: tuple[bytes, Registry] | None = None
        self._awake = awake
        self.fragments = Fragments()
        # What ``diagnostics.shown`` last decided, with everything it depended on.
        self.shown: tuple[tuple[object, ...], list[Any]] | None = None
        if awake is not None:
            awake.touch(self)

    @property
    def lines(self) -> LineIndex:
        """The line index of the text as the client has it (pending edits included)."""
        if self._pending is not None:
            return self._pending[1]
        return self.engine.lines

    @property
    def source(self) -> bytes:
        if self._pending is not None:
            return self._pending[0]
        return self.engine.source

    def queue_edit(self, start: int, old_end: int, new_text: bytes) -> None:
        """Records an edit without analysing: a slow document's keystrokes are batched.

        A document whose edits take long to analyse (hundreds of thousands
        of top-level statements) would hold the server on every keystroke;
        its edits are kept as text instead and given to the engine at once,
        as one edit covering them all, when the typing pauses or when a
        request needs the document (:attr:`engine` flushes them first).
        """
        if self._pending is None:
            engine = self.engine
            self._pending = (engine.source, engine.lines)
        source, lines = self._pending
        # Sanitized as the engine will (``sanitize``), so positions agree meanwhile.
        new_source = source[:start] + sanitize(new_text) + source[old_end:]
        self._pending = (new_source, lines.edited(start, old_end, new_source))

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def flush(self) -> None:
        """Gives the queued edits to the engine as one edit (a no-op without any)."""
        if self._pending is None:
            return
        new = self._pending[0]
        self._pending = None
        engine = self.engine
        old = engine.source
        prefix = _common_prefix(old, new)
        suffix = _common_suffix(old, new, prefix)
        self.fragments.edited(prefix)
        engine.apply_byte_edit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])

    @property
    def engine(self) -> Document:
        """The engine document, analysed again first if it was asleep; queued edits applied."""
        if self._pending is not None:
            self.flush()
        engine = self._engine
        if engine is None:
            assert self._asleep is not None
            source, registry = self._asleep
            engine = self._engine = make_engine(source, registry, self.limit, self.module)
            self._asleep = None
        if self._awake is not None:
            self._awake.touch(self)
        return engine

    @property
    def large(self) -> bool:
        """Whether only the head of this document is analysed."""
        return isinstance(self._engine, LargeText) or (
            self._engine is None
            and self._asleep is not None
            and self.limit is not None
            and len(self._asleep[0]) > self.limit
        )

    def resize(self, limit: int | None) -> bool:
        """Applies ``limit`` after an edit or a settings change; True when the engine changed."""
        self.limit = limit
        engine = self._engine
        if engine is None:
            return False
        over = limit is not None and len(engine.source) > limit
        if over == isinstance(engine, LargeText) and not (
            over and isinstance(engine, LargeText) and engine.limit != limit
        ):
            return False
        self._engine = make_engine(engine.source, engine.registry, limit, self.module)
        self.fragments = Fragments()
        return True

    @property
    def asleep(self) -> bool:
        return self._engine is None

    def sleep(self) -> None:
        """Drops the tree and findings, keeping the bytes they came from."""
        if self._engine is not None:
            self._asleep = (self._engine.source, self._engine.registry)
            self._engine = None
            self.fragments = Fragments()


def _common_prefix(a: bytes, b: bytes) -> int:
    """Length of the longest common prefix, by halving (each comparison runs in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: bytes, b: bytes, prefix: int) -> int:
    """Length of the longest common suffix not overlapping ``prefix``."""
    lo, hi = 0, min(len(a), len(b)) - prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid : len(a) - lo] == b[len(b) - mid : len(b) - lo]:
            lo = mid
        else:
            hi = mid - 1
    return lo


class Awake:
    """The open documents that keep their engine state, least recently used first."""

    def __init__(self, limit: int = MAX_AWAKE) -> None:
        self.limit = limit
        self._documents: OrderedDict[int, OpenDocument] = OrderedDict()

    def touch(self, document: OpenDocument) -> None:
        key = id(document)
        if key in self._documents:
            self._documents.move_to_end(key)
            return
        self._documents[key] = document
        while len(self._documents) > self.limit:
            _, oldest = self._documents.popitem(last=False)
            oldest.sleep()

    def forget(self, document: OpenDocument) -> None:
        self._documents.pop(id(document), None)


def uri_to_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


def module_of(path: Path | None) -> ModuleName | None:
    """The module a document's file is (``pyiq check`` derives it the same way)."""
    return module_name(path) if path is not None else None


@dataclass(frozen=True)
class ProjectConfig:
    config: Config
    ruff: RuffSelection | None
    problem: str | None
    # Where the files live; None for a document that is not a file.
    directory: Path | None = None

    @cached_property
    def python_target(self) -> Version | None:
        """The project's target Python version, read the first time a fix asks.

        Only some quick fixes need it, so publishing diagnostics never reads
        it. It depends on the configuration names up the tree alone, which
        are the candidates whose change replaces this object.
        """
        return None if self.directory is None else directory_target(self.directory)

    @cached_property
    def path_rules(self) -> PathRules | None:
        """The configuration's per-file ignores, compiled the first time a file asks."""
        try:
            return PathRules.of(self.config)
        except ConfigError as exc:
            log.warning("ignoring path patterns: %s", exc)
            return None

    @cached_property
    def _exclusions(self) -> dict[Path, bool]:
        return {}

    def excluded(self, path: Path | None) -> bool:
        """Whether the configuration's ``exclude``/``extend-exclude`` covers the file.

        Asked on every publish, so answered once per file. As ``ruff
        server`` treats its exclusions, an excluded file open in the editor
        is not analysed.
        """
        rules = self.path_rules
        if path is None or rules is None:
            return False
        known = self._exclusions.get(path)
        if known is None:
            absolute = os.path.normpath(os.path.abspath(path))
            known = self._exclusions[path] = rules.excluded_with_parents(absolute)
        return known

    def ignored(self, path: Path | None) -> tuple[str, ...]:
        """The rules ``per-file-ignores`` switch off for the file at ``path``."""
        rules = self.path_rules
        if path is None or rules is None or not rules.per_file:
            return ()
        return rules.ignored(os.path.normpath(os.path.abspath(path)))


def _candidates(directory: Path) -> tuple[str, ...]:
    """Every file whose change could alter the configuration of ``directory``."""
    names = (*PYIQ_CONFIG_NAMES, *(n for n in CONFIG_NAMES if n not in PYIQ_CONFIG_NAMES))
    return tuple(
        os.path.join(candidate, name)
        for candidate in (directory, *directory.parents)
        for name in names
    )


Signature = tuple[tuple[int, int] | None, ...]


def _signature(candidates: tuple[str, ...]) -> Signature:
    """mtime and size of the candidate files (None where absent): checked on every publish.

    The size catches an edit that lands within the filesystem's timestamp
    granularity of the previous one.
    """
    found: list[tuple[int, int] | None] = []
    for path in candidates:
        try:
            stat = os.stat(path)
        except OSError:
            found.append(None)
        else:
            found.append((stat.st_mtime_ns, stat.st_size))
    return tuple(found)


class ProjectConfigs:
    """``[tool.pyiq]`` and ruff settings per directory, reloaded on mtime change."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        # directory -> (files watched, their signature before they were read, configuration)
        self._cache: dict[Path, tuple[tuple[str, ...], Signature, ProjectConfig]] = {}
        # Joining paths with pathlib on every keystroke cost more than the stats.
        self._candidates: dict[Path, tuple[str, ...]] = {}
        # Files of ruff extend chains beyond the candidates, as read so far
        # (kept across clear(): a file once in a chain is likely to be again).
        self.chain_files: set[str] = set()
        # Called when chain_files grows, so that the new files can be watched.
        self.on_chain_files: Callable[[], None] | None = None

    def clear(self) -> None:
        self._cache.clear()

    def for_path(self, path: Path | None) -> ProjectConfig:
        if path is None:
            return ProjectConfig(Config(), None, None)
        directory = path.parent
        candidates = self._candidates.get(directory)
        if candidates is None:
            candidates = self._candidates[directory] = _candidates(directory)
        cached = self._cache.get(directory)
        watched = candidates if cached is None else cached[0]
        signature = _signature(watched)
        if cached is not None and cached[1] == signature:
            return cached[2]
        config, problem = pyiq_config(directory, self.registry)
        ruff, watched, signature = _load_ruff(directory, candidates, watched, signature)
        project = ProjectConfig(config, ruff, problem, directory)
        self._cache[directory] = (watched, signature, project)
        self._add_chain_files(watched[len(candidates) :])
        return project

    def _add_chain_files(self, files: tuple[str, ...]) -> None:
        if self.chain_files.issuperset(files):
            return
        self.chain_files.update(files)
        if self.on_chain_files is not None:
            self.on_chain_files()


def pyiq_config(directory: Path, registry: Registry) -> tuple[Config, str | None]:
    """The project's pyiq configuration, and what is wrong with it if anything.

    Found as ruff finds its own (:func:`pyiq.analysis.config.find_config`)
    and read as any project file is: a FIFO, a device, a huge or non-UTF-8
    file, bad TOML or a ``tool`` that is not a table is one problem naming
    the file, and the defaults apply.
    """
    try:
        config = load_config(find_config(directory), registry)
    except (OSError, RuntimeError) as exc:  # a symlink loop on the way up
        problem = f"pyiq: cannot look for a configuration above {directory}: {exc}"
    except ConfigError as exc:
        problem = f"pyiq: {exc}; using the default settings"
    else:
        return config, None
    log.warning("%s", problem)
    return Config(), problem


def _load_ruff(
    directory: Path,
    candidates: tuple[str, ...],
    watched: tuple[str, ...],
    signature: Signature,
) -> tuple[RuffSelection | None, tuple[str, ...], Signature]:
    """The ruff selection, with the files it depends on and their mtimes.

    The mtimes must be taken before the files are read, or an edit landing
    in between would be missed for good; but which files an ``extend``
    chain reaches is known only after reading them. So when the chain
    turns out to differ from the files watched, it is read again with the
    new files stat-ed first (at most a few times, should it keep changing).
    The candidates' mtimes stay those taken before anything was read.
    """
    for _ in range(3):
        ruff = ruff_selection(directory)
        extra = tuple(source for source in ruff.sources if source not in candidates) if ruff else ()
        if (*candidates, *extra) == watched:
            break
        watched = (*candidates, *extra)
        signature = (*signature[: len(candidates)], *_signature(extra))
    return ruff, watched, signature
