"""A Python source that is edited in place and re-analysed incrementally.

The document owns the exact bytes tree-sitter parsed, so positions are always
computed from what the tree describes. Edits become ``Tree.edit`` plus an
incremental reparse, and rules run again only over the top-level statements
that the edit or ``Tree.changed_ranges`` touched: a loop whose body changed is
re-checked whole because its top-level statement is.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from tree_sitter import Node, Tree

from pyiq.analysis.common_span import common_prefix, common_suffix
from pyiq.analysis.config import Config
from pyiq.analysis.engine import intersects, run_rules, select
from pyiq.analysis.findings import SORT_KEY, Finding
from pyiq.analysis.imports import (
    import_aliases,
    import_targets,
    module_bindings,
    module_imports,
    resolution_map,
)
from pyiq.analysis.language import new_parser, sanitize
from pyiq.analysis.lines import Encoding, LineIndex
from pyiq.analysis.modules import ModuleName
from pyiq.analysis.predicates import descendants, identifiers, shadowed_builtins
from pyiq.analysis.predicates.context import MatchContext
from pyiq.analysis.predicates.names import BUILTIN_NAMES
from pyiq.analysis.predicates.scopes import scope_bindings, scopes_at, statement_bindings
from pyiq.analysis.registry import Registry, load_registry
from pyiq.analysis.reparse import BUDGET, parse_within, reparse
from pyiq.analysis.suppression import Suppressions, marked


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


# Bytes whose insertion or removal can change how distant text is tokenised:
# quotes, comment starts and backslashes (escapes, line continuations).
# Brackets, newlines and indentation regroup distant text too, but
# tree-sitter's incremental reparse then recovers as a fresh parse does (the
# randomized differential test checks it); a fresh parse on every such
# keystroke cost 20-90 ms in a large file with a syntax error.
_RELEXING = frozenset(b"'\"#\\")


def _may_relex(inserted: bytes, removed: bytes) -> bool:
    """Whether an edit could make an incremental parse diverge from a fresh one.

    Typing identifier characters, digits and operators inside a broken file
    is the common case while editing; only edits touching the bytes above
    pay for the fresh parse.
    """
    return any(byte in _RELEXING for byte in inserted) or any(byte in _RELEXING for byte in removed)


_SCOPES = frozenset({"function_definition", "class_definition", "decorated_definition"})


def _mentions(
    word: bytes,
    regions: list[tuple[int, int]],
    start: int,
    new_end: int,
    delta: int,
    old_source: bytes,
    new_source: bytes,
) -> bool:
    """Whether the re-analysed statements held or hold ``word``.

    Every import statement contains the keyword ``import`` and every global
    statement ``global``: when neither the old nor the new text of the
    regions does, the file's imports (or module-level globals) cannot have
    changed, and the facts derived from them need not be rebuilt on this
    keystroke. Regions always cover the whole edit, so none ends inside it.
    """
    for lo, hi in regions:
        if word in new_source[lo:hi]:
            return True
        old_lo = max(0, lo if lo <= start else lo - delta)
        old_hi = max(old_lo, hi - delta if hi >= new_end else hi)
        if word in old_source[old_lo:old_hi]:
            return True
    return False


def _restructured(old: Tree, new: Tree, start: int, new_end: int) -> list[tuple[int, int]]:
    """Top-level statements of a fresh parse that the edited old tree does not have.

    ``changed_ranges`` is exact between a tree and its incremental reparse,
    which shares its unchanged subtrees; against an unrelated fresh tree it
    can miss a statement re-parsed differently (an opened string swallowing
    code, say). After ``Tree.edit`` the old statements stand where they
    would if nothing but their offsets changed, except those the edit cut.
    """
    expected = {
        (c.start_byte, c.end_byte, c.type)
        for c in old.root_node.children
        if c.end_byte <= start
        or c.start_byte >= new_end
        or (c.start_byte < start and new_end < c.end_byte)
    }
    return [
        (c.start_byte, c.end_byte)
        for c in new.root_node.children
        if (c.start_byte, c.end_byte, c.type) not in expected
    ]


def _moved(
    span: tuple[int, int] | None, start: int, old_end: int, new_end: int, source: bytes
) -> tuple[int, int] | None:
    """``span``, whole lines, after bytes ``start``-``old_end`` became ``start``-``new_end``
    of ``source``; None if the edit cut it or joined its first line to the one above.

    A span that runs to the end of the file takes in what is typed at its
    end (there is no next line to type on).
    """
    if span is None:
        return None
    lo, hi = span
    delta = new_end - old_end
    if lo <= start and (old_end < hi or hi == len(source) - delta):
        # Within the span: before the line break that ends it, or anywhere in
        # a span that runs to the end of the file.
        return (lo, hi + delta) if hi + delta > lo else None
    if start >= hi:
        return span
    if old_end <= lo and start < lo:
        # Above the span; an edit that ends where it begins may remove the
        # line break before it.
        lo += delta
        return (lo, hi + delta) if lo == 0 or source[lo - 1] == 0x0A else None
    return None


def _same_layout(old_tree: Tree, new_tree: Tree, start: int) -> bool:
    """Whether an edit at ``start`` left the module's statements as they were, but shifted.

    ``old_tree`` is the edited old tree (its nodes at new offsets). With as many
    statements as before and the one holding the edit the same kind over the
    same span, the statements around it kept their text and the parser's state
    at their starts, so they are the same statements.
    """
    old_root, new_root = old_tree.root_node, new_tree.root_node
    if old_root.child_count != new_root.child_count:
        return False
    old_top = next(_top_level_from(old_root, start), None)
    new_top = next(_top_level_from(new_root, start), None)
    return (
        old_top is not None
        and new_top is not None
        and (old_top.start_byte, old_top.end_byte, old_top.type)
        == (new_top.start_byte, new_top.end_byte, new_top.type)
        and old_top.start_byte <= start
    )


def _top_level_from(root: Node, offset: int) -> Iterator[Node]:
    """Children of ``root`` (statements of a module or a block) in order, from the
    first one ending after ``offset``.

    A tree cursor finds the start: py-tree-sitter 0.26's
    ``Node.first_child_for_byte`` can hand back an invalid node.
    """
    cursor = root.walk()
    if cursor.goto_first_child_for_byte(offset) is None:
        return
    yield cursor.node
    while cursor.goto_next_sibling():
        yield cursor.node


def _outside(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    """``not intersects``, with a quick answer for spans beyond the sorted regions' hull."""
    if not regions or start >= regions[-1][1] or max(end, start + 1) <= regions[0][0]:
        return True
    return not intersects(start, end, regions)


def _renamed(
    old_imports: frozenset[str],
    new_imports: frozenset[str],
    old_map: dict[str, str],
    new_map: dict[str, str],
) -> set[str]:
    """Local names whose import resolution differs between two versions of a file."""
    names = set(old_imports ^ new_imports)
    names.update(
        name for name in old_map.keys() | new_map.keys() if old_map.get(name) != new_map.get(name)
    )
    return names


def _mentions_outside(
    root: Node, names: set[str], source: bytes, regions: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans of the identifiers named ``names`` between the regions.

    Those inside a region are re-analysed anyway; a restructured class can
    make the regions most of a large file, and asking the tree about every
    hit in them cost milliseconds.
    """
    gaps: list[tuple[int, int]] = []
    previous = 0
    for lo, hi in regions:
        if lo > previous:
            gaps.append((previous, lo))
        previous = max(previous, hi)
    gaps.append((previous, len(source)))
    return [
        (node.start_byte, node.end_byte)
        for name in sorted(names)
        for lo, hi in gaps
        for node in identifiers(root, name.encode("utf-8", "surrogatepass"), source, lo, hi)
    ]


_IDENTIFIER = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")


def _present(
    known: list[bytes] | None,
    anchors: frozenset[str],
    edit: tuple[int, int, int, bytes, bytes],
) -> list[bytes]:
    """The anchor words the source holds, updated for an edit without searching the file.

    A word can appear or vanish only where the edit's old or new bytes, with a
    word's length around them, hold it; elsewhere the last answer stands.
    """
    start, old_end, new_end, old_source, new_source = edit
    words = sorted(word.encode() for word in anchors)
    if known is None:
        return [word for word in words if word in new_source]
    present = set(known)
    for word in words:
        pad = len(word)
        if (
            word in old_source[max(0, start - pad) : old_end + pad]
            or word in new_source[max(0, start - pad) : new_end + pad]
        ):
            if word in new_source:
                present.add(word)
            else:
                present.discard(word)
    return [word for word in words if word in present]


# ``self._loop.`` right before an anchor word: a call on an attribute chain,
# which only the imports can make a task call (``asyncio.tasks.create_task``),
# and an import's change re-checks its uses anyway. The names on such a line
# (``self``, in every method) decide nothing.
_ATTRIBUTE_RECEIVER = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*\s*\.\s*[A-Za-z_][A-Za-z0-9_]*\s*\.\s*$")


def _anchored(
    root: Node,
    present: list[bytes],
    regions: list[tuple[int, int]],
    edit: tuple[int, int, int, bytes, bytes],
) -> list[tuple[int, int]]:
    """Occurrences of ``anchors`` to re-check because the regions mention a name of their lines.

    A file without an anchor word costs nothing (``_present`` keeps track);
    one with them, a look at the names on those lines (``loop``, ``task``,
    ``asyncio``), and the
    anchors are re-checked only when the re-analysed statements held or hold
    one of those names: the assignment of ``loop`` renamed, a read of ``task``
    added or removed, ``asyncio``'s import gone.
    """
    start, new_end, delta, old_source, new_source = edit
    words = present
    if not words:
        return []
    names: set[bytes] = set()
    for word in words:
        at = new_source.find(word)
        while at != -1:
            lo = new_source.rfind(b"\n", 0, at) + 1
            hi = new_source.find(b"\n", at)
            hi = len(new_source) if hi == -1 else hi
            if not _ATTRIBUTE_RECEIVER.search(new_source, lo, at):
                names.update(_IDENTIFIER.findall(new_source, lo, hi))
            at = new_source.find(word, hi)
    names.difference_update(words)
    if not any(
        _mentions(name, regions, start, new_end, delta, old_source, new_source) for name in names
    ):
        return []
    return [
        (node.start_byte, node.end_byte)
        for word in words
        for node in identifiers(root, word, new_source)
    ]


def _module_table(
    tree: Tree, source: bytes, module: ModuleName | None
) -> dict[str, tuple[tuple[str | None, str | None], ...]]:
    """Each module-level name's bindings in order, what each binds (``scopes.scope_bindings``)."""
    ctx = MatchContext(source, tree=tree, module=module)
    table = scope_bindings(tree.root_node, ctx)
    return {
        name: tuple((b.qualified, b.spelling) for b in bindings) for name, bindings in table.items()
    }


def _differing(
    before: list[tuple[str, bool, int]],
    after: list[tuple[str, bool, int]],
    edited: set[str] | None = None,
) -> set[str]:
    """Names bound a different number of times (or otherwise) before and after an edit.

    Each binding is (name, whether a def or class binds it, the region it lies
    in). A binding the edit touched reads ``"\0edited"`` (or, cut whole, other
    bytes) before it; where the bindings differ, ``edited`` (the bound names
    on the edited lines) stands in for the names they had.
    """
    if before == after:
        return set()
    counts = Counter(before)
    counts.subtract(after)
    names = {binding[0] for binding, count in counts.items() if count}
    if names:
        # A binding the edit cut reads garbage or ``"\0edited"``: name what the lines held.
        names |= edited or set()
    return {name for name in names if not name.startswith("\0")}


def _edited_words(source: bytes, start: int, end: int) -> set[str]:
    """The identifiers on the lines of ``source`` that bytes ``start``-``end`` span."""
    lo = max(source.rfind(b"\n", 0, start), source.rfind(b"\r", 0, start)) + 1
    his = [i for i in (source.find(b"\n", end), source.find(b"\r", end)) if i >= 0]
    hi = min(his) if his else len(source)
    return {word.decode("utf-8", "replace") for word in _IDENTIFIER.findall(source[lo:hi])}


def _region_bindings(
    tree: Tree,
    source: bytes,
    regions: list[tuple[int, int]],
    start: int | None,
    new_end: int | None,
    delta: int,
) -> list[tuple[str, bool, int]]:
    """Module-level defs, classes and imports of the top-level statements meeting ``regions``,
    each with the index of its region.

    The statements outside the regions kept their text, so when these are
    equal before and after an edit, the module's own names resolve as before:
    no walk of the whole module. A use sees the module's bindings before it,
    so a binding that moved to another region (error recovery turned
    ``import abc`` at the top into one and the one further down into an
    error) changes what the uses between the two regions resolve to, although
    the file binds the name as often as before. With ``start``/``new_end``, ``tree`` is the
    edited old tree (its nodes at new offsets) over the old ``source``.
    """
    root = tree.root_node
    read = None
    if start is not None and new_end is not None:
        edit_start, edit_end = start, new_end

        def read(node: Node) -> str:
            lo, hi = node.start_byte, node.end_byte
            if lo >= edit_end:
                lo, hi = lo - delta, hi - delta
            elif hi > edit_start:
                return "\0edited"  # a name the edit touched: never equal
            return source[lo:hi].decode("utf-8", "replace")

    found: list[tuple[str, bool, int]] = []
    for index, (lo, hi) in enumerate(regions):
        statements = []
        for child in _top_level_from(root, lo):
            if child.start_byte > hi:
                break
            statements.append(child)
        found.extend(
            (name, defined, index) for name, defined in module_bindings(statements, source, read)
        )
    return found


def _module_level_global(tree: Tree, source: bytes) -> bool:
    """Whether a ``global`` statement sits in module scope (at any depth)."""
    if b"global" not in source:
        return False
    for child in tree.root_node.children:
        if child.type == "global_statement":
            return True
        if child.type in _SCOPES or child.type in ("expression_statement", "comment"):
            continue
        if any(n.type == "global_statement" for n in descendants(child, stop=_SCOPES)):
            return True
    return False


class Document:
    """Bytes, tree, line index and raw findings, kept in step through edits."""

    # Seconds an edit's reparse may spend in error recovery, and whether a
    # half-typed line that breaks the file is left out of the tree (see ``reparse``).
    parse_budget: float = BUDGET
    isolate: bool = True

    def __init__(
        self,
        source: bytes,
        registry: Registry | None = None,
        module: ModuleName | None = None,
    ) -> None:
        self.registry = registry or load_registry()
        # The file's module (``modules.module_name``), fixed for the document's life.
        self.module = module
        self._parser = new_parser()
        source = sanitize(source)
        self.source = source
        self.tree = self._parser.parse(source)
        self.lines = LineIndex(source)
        self._analyse_whole()
        # Byte ranges (in the current source) re-analysed by the last edit.
        self.last_regions: list[tuple[int, int]] = []
        # Whether the tree is the one a fresh parse builds (see ``settle``).
        self.exact = True
        # The span of edited lines the tree leaves out (see ``reparse``).
        self.isolated: tuple[int, int] | None = None

    def _analyse_whole(self) -> None:
        """Every fact about the source and every finding, from ``self.tree`` alone.

        An open, and a pause that replaces a tree (``settle``): the state the
        edits keep up to date is built afresh, so what follows is exactly what
        reopening the file finds.
        """
        source = self.source
        self.imports = module_imports(self.tree, source)
        self.qualified = resolution_map(self.tree, source, self.module)
        self.aliases = import_aliases(self.tree, source)
        self.targets = import_targets(self.tree, source, self.module)
        # Top-level statements (start, end, type) that rebind builtins or
        # imported names (``shadowed_builtins``), and which.
        self._shadowing: dict[tuple[int, int, str], frozenset[str]] = {}
        self._table = _module_table(self.tree, source, self.module)
        # Which of them the last edit kept (old keys) and where they went (new keys).
        self._kept: set[tuple[int, int, str]] = set()
        self._carried: set[tuple[int, int, str]] = set()
        imported = self._imported = frozenset(self.qualified)
        for child in self.tree.root_node.children:
            names = shadowed_builtins(child, source, imported)
            if names:
                self._shadowing[(child.start_byte, child.end_byte, child.type)] = names
        self.shadowed = frozenset().union(*self._shadowing.values())
        self._module_global = _module_level_global(self.tree, source)
        # Which ``module-scope`` anchor words the source holds (see ``_present``).
        self._anchors: list[bytes] | None = None
        self._marked = marked(source)
        self.raw_findings: list[Finding] = run_rules(
            self.tree,
            source,
            self.registry,
            imports=self.imports,
            qualified=self.qualified,
            module=self.module,
            aliases=self.aliases,
            targets=self.targets,
        )

    @classmethod
    def from_text(
        cls, text: str, registry: Registry | None = None, module: ModuleName | None = None
    ) -> Document:
        return cls(text.encode("utf-8", "surrogatepass"), registry, module)

    @property
    def text(self) -> str:
        return self.source.decode("utf-8", "surrogateescape")

    def findings(self, config: Config | None = None) -> list[Finding]:
        """Findings after rule selection and suppression comments."""
        return select(
            self.raw_findings,
            self.source,
            self.tree,
            config,
            self.registry,
            index=self.lines,
            suppressions=None if self._marked else Suppressions(),
        )

    def apply_edit(
        self,
        start: tuple[int, int],
        end: tuple[int, int],
        text: str,
        encoding: Encoding = "utf-16",
    ) -> None:
        """Replaces the range ``start``-``end`` ((line, column) in ``encoding`` units)."""
        lo = self.lines.offset(start[0], start[1], encoding)
        hi = self.lines.offset(end[0], end[1], encoding)
        if hi < lo:
            lo, hi = hi, lo
        self.apply_byte_edit(lo, hi, text.encode("utf-8", "surrogatepass"))

    def replace(self, source: bytes) -> None:
        """Takes a whole new text, as full-sync clients send it, still incrementally.

        The common prefix and suffix bound the change, so the reparse and the
        re-analysis stay as local as a precise edit would make them.
        """
        old = self.source
        if old == source:
            return
        prefix = common_prefix(old, source)
        suffix = common_suffix(old, source, prefix)
        # Splitting a CRLF pair or a UTF-8 sequence is harmless: tree-sitter edits
        # bytes, and positions are always rebuilt from the new source.
        self.apply_byte_edit(prefix, len(old) - suffix, source[prefix : len(source) - suffix])

    def apply_byte_edit(
        self, start: int, old_end: int, new_text: bytes, isolate: bool = True
    ) -> None:
        """Replaces bytes ``start``-``old_end`` with ``new_text`` and re-analyses.

        ``isolate`` False keeps the edited lines in the tree even if they
        break the file (see ``reparse``): an edit composed of changes at many
        places spans lines nobody is typing on.
        """
        old_source = self.source
        start = max(0, min(start, len(old_source)))
        old_end = max(start, min(old_end, len(old_source)))
        # Joined from views: concatenating slices of a large file copies it
        # twice and costs a keystroke a tenth of a millisecond.
        view = memoryview(old_source)
        new_source = sanitize(b"".join((view[:start], new_text, view[old_end:])))
        new_end = start + len(new_text)
        new_lines = self.lines.edited(start, old_end, new_source)

        old_tree = self.tree
        old_tree.edit(
            start_byte=start,
            old_end_byte=old_end,
            new_end_byte=new_end,
            start_point=self.lines.point(start),
            old_end_point=self.lines.point(old_end),
            new_end_point=new_lines.point(new_end),
        )
        had_error = old_tree.root_node.has_error
        # Findings kept through edits of a tree that error recovery built
        # otherwise than a fresh parse may be wrong beyond what this edit
        # re-analyses (state derived from the recovered tree, such as the
        # module's bindings): until a pause analyses the file whole
        # (``settle``), no tree after such a one counts as exact.
        recovered = not self.exact and self.isolated is None
        removed = old_source[start:old_end]
        new_tree, self.isolated = reparse(
            self._parser,
            new_source,
            old_tree,
            (start, new_end, removed),
            new_lines,
            _moved(self.isolated, start, old_end, new_end, new_source),
            self.parse_budget if self.isolate and isolate else None,
        )
        changed: list[tuple[int, int]] = []
        # A tree without the edited lines (see ``reparse``) waits for ``settle`` too.
        exact = self.isolated is None and not new_tree.root_node.has_error
        # A tree without the edited lines needs no fresh parse: they are not in it.
        if self.isolated is None and (had_error or not exact) and _may_relex(new_text, removed):
            # With error recovery in play, tree-sitter's incremental result can
            # differ from a fresh parse (an unterminated string closed far
            # away keeps the reused nodes in between). A fresh parse keeps the
            # findings identical to reopening the file; it is still compared
            # with the edited old tree, so re-analysis stays regional.
            new_tree = self._parser.parse(new_source)
            changed.extend(_restructured(old_tree, new_tree, start, new_end))
            exact = True
        self.exact = exact and not recovered
        changed.extend((r.start_byte, r.end_byte) for r in old_tree.changed_ranges(new_tree))

        self.source = new_source
        self.tree = new_tree
        self.lines = new_lines
        # The edited statement, even where the tree kept its shape.
        changed.append((start, new_end))
        self._reanalyse(old_tree, old_source, start, old_end, new_end, changed)

    def settle(self, keep_isolated: bool = False) -> bool:
        """Replaces a tree left by error recovery with a fresh parse; True if findings changed.

        Typing into a file with a syntax error is re-parsed incrementally,
        and tree-sitter's recovery then does not always arrive at the tree a
        fresh parse of the same text builds (a tab typed into the indentation
        of a file with an unterminated string, say). Parsing afresh on every
        such keystroke would cost a large file tens of milliseconds each, so
        it waits for a pause in the typing instead: an editor calls this once
        the user stops, and re-publishes when it answers True. The file is
        then analysed again whole, as an open analyses it: the regional
        re-analysis of edits follows what each edit changed, and a pause is
        where anything it missed (a binding the recovery moved between
        statements, say) is put right, so that what a pause shows is exactly
        what reopening the file shows. It costs what an open costs, once per
        pause in a file with a syntax error.

        ``keep_isolated``: a tree that leaves out a half-typed line (see
        ``reparse``) takes the line back in only if the whole file now
        parses without error, as typing on inside the line may have made it
        (``x =`` became ``x = 1``); otherwise it stays as it is. An editor
        settles so: a pause in the middle of a line is not its end.
        """
        if self.exact:
            return False
        before = self.raw_findings
        old_tree = self.tree
        if keep_isolated and self.isolated is not None:
            complete = parse_within(self._parser, self.source, old_tree, self.parse_budget)
            if complete is None or complete.root_node.has_error:
                return False
            # Parsed again from bytes (reusing every node): text predicates
            # read a callback-parsed tree's text through Python.
            self.tree, self.isolated, self.exact = (
                self._parser.parse(self.source, complete),
                None,
                True,
            )
        else:
            self.tree, self.isolated, self.exact = self._parser.parse(self.source), None, True
        self._analyse_whole()
        self.last_regions = [(0, len(self.source))]
        return self.raw_findings != before

    def _reanalyse(
        self,
        old_tree: Tree,
        old_source: bytes,
        start: int,
        old_end: int,
        new_end: int,
        changed: list[tuple[int, int]],
        narrow: bool = True,
    ) -> None:
        """Brings the findings up to ``self.tree``, where bytes ``start``-``old_end`` of
        ``old_source`` became ``start``-``new_end``; the statements meeting ``changed``
        (byte ranges of the new source) are analysed again.

        ``narrow``: re-analyse the statements of a class that an edit in a
        method touched, rather than the whole class (see ``_regions``).
        """
        new_source, new_tree = self.source, self.tree
        delta = new_end - old_end
        removed = old_source[start:old_end]
        edit = _Edit(old_tree, start, new_end, b"\n" in removed or b"\r" in removed)
        regions = self._regions(changed, edit, narrow=narrow)
        imports, qualified, aliases = self.imports, self.qualified, self.aliases
        # Module-level defs, classes and imports of the re-analysed statements:
        # where they differ, uses of their names elsewhere may resolve otherwise
        # (a use sees the module's binding before it, a function its last one).
        bound_before = _region_bindings(old_tree, old_source, regions, start, new_end, delta)
        bound_after = _region_bindings(new_tree, new_source, regions, None, None, 0)
        rebound = _differing(
            bound_before,
            bound_after,
            _edited_words(old_source, start, old_end) & self.qualified.keys(),
        )
        imports_touched = _mentions(
            b"import", regions, start, new_end, delta, old_source, new_source
        )
        if imports_touched or (
            # With a module, the file's own defs and classes resolve to it too:
            # re-resolve when the statements re-analysed bind other ones.
            self.module is not None
            and (
                # A statement the edit removed whole has no place in the edited old tree.
                any(word in removed for word in (b"def", b"class")) or bound_before != bound_after
            )
        ):
            imports = module_imports(new_tree, new_source)
            qualified = resolution_map(new_tree, new_source, self.module)
            aliases = import_aliases(new_tree, new_source)
            self.targets = import_targets(new_tree, new_source, self.module)
        # Names the imports bind: rebinding one is shadowing too (see ``shadowed_builtins``).
        imported = self._imported if qualified is self.qualified else frozenset(qualified)
        shadowing = self._shadowing_after(
            new_tree,
            new_source,
            start,
            old_end,
            delta,
            # Which names count depends on the imports: all statements are asked again.
            regions if imported == self._imported else [(0, len(new_source))],
            imported,
            _same_layout(old_tree, new_tree, start),
        )
        shadowed = frozenset().union(*shadowing.values())
        rebound |= _differing(
            [(n, False, 0) for k, v in self._shadowing.items() if k not in self._kept for n in v],
            [(n, False, 0) for k, v in shadowing.items() if k not in self._carried for n in v],
        )
        self._shadowing = shadowing
        if rebound or imports_touched or bound_before != bound_after:
            # Which module-level binding each name has, in order, decides what
            # its uses resolve to (``names.resolve``): compare the whole sequence.
            table = _module_table(new_tree, new_source, self.module)
            rebound |= {
                name
                for name in table.keys() | self._table.keys()
                if table.get(name) != self._table.get(name)
            }
            self._table = table
        if _mentions(b"global", regions, start, new_end, delta, old_source, new_source):
            self._module_global = _module_level_global(new_tree, new_source)
        if self._marked or marked(new_source[max(0, start - 8) : new_end + 8]):
            self._marked = marked(new_source)
        if self._module_global:
            # A `global` at module level is judged against every top-level
            # assignment, anywhere in the file: the whole file is the region.
            self.imports = imports
            self.qualified = qualified
            self._imported = imported
            self.aliases = aliases
            self.shadowed = shadowed
            self.raw_findings = run_rules(
                new_tree,
                new_source,
                self.registry,
                imports=imports,
                qualified=qualified,
                module=self.module,
                aliases=aliases,
                targets=self.targets,
            )
            self.last_regions = [(0, len(new_source))]
            return
        # Imports and module-level rebinding of builtins decide how a name
        # resolves anywhere in the file (is `type` still the builtin? is this
        # `deque` collections.deque?). Predicates only ask about names inside
        # their match, so the statements where a re-resolved name occurs are
        # re-analysed too.
        renamed = _renamed(self.imports, imports, self.qualified, qualified)
        renamed |= self.shadowed ^ shadowed
        renamed |= rebound
        renamed.update(
            name
            for name in self.aliases.keys() | aliases.keys()
            if self.aliases.get(name) != aliases.get(name)
        )
        self.imports = imports
        self.qualified = qualified
        self._imported = imported
        self.aliases = aliases
        self.shadowed = shadowed
        if renamed:
            mentions = _mentions_outside(new_tree.root_node, renamed, new_source, regions)
            if mentions:
                mentioned = self._regions(mentions, edit, binds_nothing=True, narrow=narrow)
                regions = _merge([*regions, *mentioned])
        # Rules that judge a whole scope (``module-scope``: dangling-task asks how
        # ``loop`` was assigned and whether ``task`` is read again) re-check their
        # calls when the re-analysed statements held or hold a name their lines use.
        edit_bytes = (start, old_end, new_end, old_source, new_source)
        self._anchors = _present(self._anchors, self.registry.module_scope, edit_bytes)
        anchored = _anchored(
            new_tree.root_node,
            self._anchors,
            regions,
            (start, new_end, delta, old_source, new_source),
        )
        if anchored:
            mentioned = self._regions(anchored, edit, binds_nothing=True, narrow=narrow)
            regions = _merge([*regions, *mentioned])

        # A finding is moved only once it is known to be kept.
        kept: list[Finding] = []
        for finding in self.raw_findings:
            lo, hi = finding.span_start, finding.span_end
            if hi <= start and lo < start:
                shift = 0
            elif lo >= old_end:
                shift = delta
                lo += delta
                hi += delta
            else:
                continue  # the edit cut through the match: it is re-evaluated
            if _outside(lo, hi, regions):
                kept.append(finding.shifted(shift) if shift else finding)
        fresh = run_rules(
            new_tree,
            new_source,
            self.registry,
            ranges=regions,
            imports=imports,
            qualified=qualified,
            module=self.module,
            aliases=aliases,
            targets=self.targets,
        )
        # A rule reports a node once, from the first match that finds it. A finding
        # kept from a match the edit did not touch is that one: another match
        # re-found in the regions (a wider one of the same rule) adds nothing.
        reported = {(f.rule, f.start_byte, f.end_byte) for f in kept}
        kept.extend(f for f in fresh if (f.rule, f.start_byte, f.end_byte) not in reported)
        kept.sort(key=SORT_KEY)
        self.raw_findings = kept
        self.last_regions = regions

    def _shadowing_after(
        self,
        tree: Tree,
        source: bytes,
        start: int,
        old_end: int,
        delta: int,
        regions: list[tuple[int, int]],
        imported: frozenset[str],
        same_layout: bool = False,
    ) -> dict[tuple[int, int, str], frozenset[str]]:
        """The top-level statements rebinding builtins or ``imported`` names, recomputed
        where regions say (``names.shadowed_builtins``).

        Few statements rebind a builtin, so only those are kept; one outside
        every region kept its text, so its entry, shifted by the edit, still
        holds once the tree confirms the statement is still there. Statements
        in the regions are visited sibling by sibling from the region's start,
        never the whole module. When the module's statements kept their
        layout (``_same_layout``), the shifted entries need no confirming.
        """
        root = tree.root_node
        shadowing: dict[tuple[int, int, str], frozenset[str]] = {}
        # Old entries kept and their new keys: the others were analysed again.
        kept: set[tuple[int, int, str]] = set()
        carried: set[tuple[int, int, str]] = set()
        moved: list[tuple[tuple[int, int, str], tuple[int, int, str], frozenset[str]]] = []
        for (lo, hi, kind), names in self._shadowing.items():
            if hi <= start:
                key = (lo, hi, kind)
            elif lo >= old_end:
                key = (lo + delta, hi + delta, kind)
            else:
                continue
            if _outside(key[0], key[1], regions):
                moved.append((key, (lo, hi, kind), names))
        if same_layout:
            for key, old_key, names in moved:
                shadowing[key] = names
                kept.add(old_key)
                carried.add(key)
            moved = []
        # One walk over the module's statements confirms them all, in order.
        moved.sort()
        statements = _top_level_from(root, moved[0][0][0]) if moved else iter(())
        child = next(statements, None)
        for key, old_key, names in moved:
            while child is not None and child.start_byte < key[0]:
                child = next(statements, None)
            if child is not None and (child.start_byte, child.end_byte, child.type) == key:
                shadowing[key] = names
                kept.add(old_key)
                carried.add(key)
        self._kept, self._carried = kept, carried
        for lo, hi in regions:
            for child in _top_level_from(root, lo):
                if child.start_byte > hi:
                    break
                names = shadowed_builtins(child, source, imported)
                if names:
                    shadowing[(child.start_byte, child.end_byte, child.type)] = names
        return shadowing

    def _regions(
        self,
        intervals: list[tuple[int, int]],
        edit: _Edit,
        binds_nothing: bool = False,
        narrow: bool = True,
    ) -> list[tuple[int, int]]:
        """The statements to re-analyse for edits touching ``intervals``.

        The unit is a top-level statement, or, inside a top-level class, the
        statements of its body that an interval starting in a method body
        touches: a keystroke in a method of a 3,000-line class re-checks the
        method, and a bracket left open there re-checks the statements from
        that method on, not the class before it (see ``_class_scope_units``).
        Findings about the class itself are not lost: their matches capture
        the class or a statement of the region and so meet it. Each unit
        reaches to the next statement's start, so bytes between statements
        (such as a tail an unterminated string leaves outside every node)
        belong to a region too. Without ``narrow``, every unit is a whole
        top-level statement.
        """
        root = self.tree.root_node
        spans: list[tuple[int, int]] = []
        narrowed: list[tuple[Node, tuple[int, int], bool]] = []
        for lo, hi in _merge(intervals):
            spans.extend(
                _units(root.children, 0, len(self.source), lo, hi, narrow, narrowed, binds_nothing)
            )
        for node, unit, more in narrowed:
            if not more and _same_statements(edit, node):
                continue
            extra = _class_scope_units(edit, node, unit, self.source)
            spans.extend([unit] if extra is None else extra)
        return _merge(spans)


def _class_body(node: Node) -> Node | None:
    if node.type == "decorated_definition":
        node = node.child_by_field_name("definition") or node
    if node.type != "class_definition":
        return None
    return node.child_by_field_name("body")


def _in_method_body(statements: list[Node], unit_start: int, lo: int) -> bool:
    """Whether an edit at ``lo`` lies in the body of the method starting the unit.

    A method's body is a scope of its own, so editing it leaves the class's
    names alone. Anything else in a class body (an attribute, a method's
    name, decorators or defaults, which run in the class scope) can bind or
    unbind a name other class-level statements resolve: the class is re-checked.
    """
    statement = next((s for s in statements if s.start_byte >= unit_start), None)
    if statement is not None and statement.type == "decorated_definition":
        statement = statement.child_by_field_name("definition")
    if statement is None or statement.type != "function_definition":
        return False
    body = statement.child_by_field_name("body")
    return body is not None and body.start_byte <= lo


def _units(
    children: list[Node],
    lo_bound: int,
    hi_bound: int,
    lo: int,
    hi: int,
    nested: bool,
    narrowed: list[tuple[Node, tuple[int, int], bool]] | None = None,
    binds_nothing: bool = False,
) -> list[tuple[int, int]]:
    """Extended spans of ``children`` that an interval touches.

    With ``nested``, an interval starting in a method body of a top-level
    class is narrowed to the class-body statements it touches; so is any
    interval that ``binds_nothing`` (a name whose meaning changed elsewhere
    needs its own statement re-checked, not its class). An edit's interval
    narrowed so goes to ``narrowed`` with its class, the class's own unit
    and whether it touched more than the one method: tree-sitter's recovery
    from an unclosed bracket can hand the following statements, or the rest
    of the file, to the method or the class, and the class-scope names
    may have changed with them (see ``Document._regions``).
    """
    if not children:
        return [(lo_bound, hi_bound)]
    bounds = [lo_bound, *(child.start_byte for child in children[1:]), hi_bound]
    touched: list[int] = []
    first = max(0, bisect.bisect_left(bounds, lo) - 1)
    for i in range(first, len(children)):
        if bounds[i] > hi:
            break
        if bounds[i + 1] >= lo:  # a unit ending where the edit starts: its tail may change
            touched.append(i)
    if not touched:
        return []
    if nested:
        head = touched[0]
        end = bounds[head + 1]
        body = _class_body(children[head])
        inner = body.named_children if body is not None else []
        if inner and inner[0].start_byte <= lo:
            # Inside the class body, past its first statement's start.
            units = _units(inner, inner[0].start_byte, end, lo, min(hi, end), False)
            if units and (binds_nothing or _in_method_body(inner, units[0][0], lo)):
                rest = [(bounds[i], bounds[i + 1]) for i in touched[1:]]
                more = len(units) > 1 or bool(rest)
                if binds_nothing:
                    return units + rest
                if narrowed is not None:
                    narrowed.append((children[head], (bounds[head], end), more))
                    return units + rest
    return [(bounds[i], bounds[i + 1]) for i in touched]


def _statement_at(block: Node, offset: int) -> Node | None:
    """The statement of ``block`` that holds ``offset`` (or the next one)."""
    return next(_top_level_from(block, offset), None)


class _Edit(NamedTuple):
    """What region narrowing needs to know of the edit just applied.

    ``old`` is the tree before it, already ``Tree.edit``-ed: its nodes stand
    at their new offsets. ``cut_lines``: the removed bytes held a line break.
    """

    old: Tree
    start: int
    new_end: int
    cut_lines: bool


def _class_bodies(edit: _Edit, new_class: Node) -> tuple[Node, Node] | None:
    """The edited class's body before and after the edit, if the edit lies in it both times."""
    old_class = _statement_at(edit.old.root_node, edit.start)
    if old_class is None or old_class.start_byte != new_class.start_byte:
        return None
    old_body, new_body = _class_body(old_class), _class_body(new_class)
    if old_body is None or new_body is None:
        return None
    return old_body, new_body


def _same_statements(edit: _Edit, new_class: Node) -> bool:
    """Whether an edit in one method body left the class's statements as they were.

    The method's unit can still have grown over the statements after it (a
    bracket left open makes them part of its body): then the class has fewer
    statements than before, and the names it binds may differ.
    """
    start = edit.start
    bodies = _class_bodies(edit, new_class)
    if bodies is None:
        return False
    old_body, new_body = bodies
    if old_body.named_child_count != new_body.named_child_count:
        return False
    before, after = _statement_at(old_body, start), _statement_at(new_body, start)
    return (
        before is not None
        and after is not None
        and before.start_byte == after.start_byte
        and before.type == after.type
        and _in_method_body([before], before.start_byte, start)
    )


def _class_scope_units(
    edit: _Edit, new_class: Node, unit: tuple[int, int], source: bytes
) -> list[tuple[int, int]] | None:
    """Statements of a restructured class to re-check for its names; None: the whole class.

    The class's statements before the restructured part keep their text and
    their place, and method bodies do not see the class scope. What can
    still change for them is the class scope itself: a builtin's name that
    the class now binds, or no longer binds, means something else in every
    statement whose innermost scope is the class (``names.is_builtin``), so
    those statements are re-checked. A class-level ``global`` makes its
    findings depend on the whole class body, and an edit reaching past a
    method body leaves old names unreadable: both re-check the class whole.

    Old nodes clear of the edit read their unchanged text from the new
    source. A removal within one line that starts in a method body cannot
    have reached another statement's names (a method's body never shares a
    line with a later statement of its class); one across lines can.
    """
    start = edit.start
    bodies = None if edit.cut_lines else _class_bodies(edit, new_class)
    if bodies is None or not bodies[1].named_children:
        return None
    old_body, new_body = bodies
    hull = source[new_class.start_byte : max(old_body.end_byte, new_body.end_byte)]
    if b"global" in hull:
        return None
    reach = max(edit.new_end, start + 1)
    statements = old_body.named_children
    for statement in statements:
        overlaps = statement.start_byte < reach and start < statement.end_byte
        if overlaps and not _in_method_body([statement], statement.start_byte, start):
            return None
    ctx = MatchContext(source)
    before: set[str] = set()
    after: set[str] = set()
    statement_bindings(statements, ctx, before)
    inner = new_body.named_children
    statement_bindings(inner, ctx, after)
    scope = new_body.parent
    first, end = inner[0].start_byte, unit[1]
    spans: list[tuple[int, int]] = []
    for name in sorted((before ^ after) & BUILTIN_NAMES):
        for node in identifiers(new_class, name.encode("utf-8", "surrogatepass"), source):
            if scope in scopes_at(node):
                spans.extend(_units(inner, first, end, node.start_byte, node.end_byte, False))
    return spans
