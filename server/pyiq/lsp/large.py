"""An open document past the size limit: its bytes kept in step, only its head analysed.

It stands in for the engine's ``Document`` (the same ``source``, ``lines``,
``tree``, ``findings``, edit methods) so every feature works unchanged:
positions come from the whole text, findings and the tree from the head
(:func:`pyiq.analysis.limits.head_of`), whose offsets are the same in the
whole text. An edit past the head costs a splice and a line-index update;
an edit inside it re-analyses the head, once, when findings are next asked
for. So no keystroke costs more than in a document at the limit.
"""

from __future__ import annotations

from pyiq.analysis import Config, Document, Finding, ModuleName
from pyiq.analysis.language import sanitize
from pyiq.analysis.limits import head_of
from pyiq.analysis.lines import LineIndex
from pyiq.analysis.registry import Registry


class LargeText:
    exact = True
    isolated: tuple[int, int] | None = None

    def __init__(
        self, source: bytes, registry: Registry, limit: int, module: ModuleName | None = None
    ) -> None:
        self.registry = registry
        self.module = module
        self.limit = limit
        # Sanitized as the engine's own documents are, so columns agree (``sanitize``).
        self.source = source = sanitize(source)
        self.lines = LineIndex(source)
        self._head: Document | None = None
        self._head_bytes = b""
        self._analyse_head()

    @property
    def head(self) -> bytes:
        return self._head_bytes

    def _analyse_head(self) -> Document:
        head = head_of(self.source, self.limit)
        if self._head is None or head != self._head_bytes:
            self._head = Document(head, self.registry, self.module)
            self._head_bytes = head
        return self._head

    @property
    def tree(self):  # noqa: ANN201 - a tree_sitter.Tree, as Document.tree
        return self._analyse_head().tree

    @property
    def text(self) -> str:
        return self.source.decode("utf-8", "surrogateescape")

    def findings(self, config: Config | None = None) -> list[Finding]:
        return self._analyse_head().findings(config)

    def apply_byte_edit(self, start: int, old_end: int, new_text: bytes) -> None:
        source = self.source[:start] + sanitize(new_text) + self.source[old_end:]
        self.lines = self.lines.edited(start, old_end, source)
        self.source = source
        if start <= len(self._head_bytes):
            self._head = None  # re-analysed when next asked

    def replace(self, source: bytes) -> None:
        self.source = source = sanitize(source)
        self.lines = LineIndex(source)
        self._head = None

    def settle(self, keep_isolated: bool = False) -> bool:
        return False
