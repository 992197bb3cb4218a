"""What predicates and reporters receive, and the shapes of both.

A predicate decides on one match from its captures; a reporter turns a
match's reported capture into the nodes to report. Both get the
``MatchContext`` of the file, whose memo lets facts computed for one match
(a function's bindings, a loop's targets) serve every other match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar, cast

from tree_sitter import Node, Tree

from pyiq.analysis.modules import ModuleName


@dataclass(slots=True)
class MatchContext:
    """What predicates may look at besides the match: the source and the file."""

    source: bytes
    module_imports: frozenset[str] = field(default_factory=frozenset)
    tree: Tree | None = None
    _import_map: dict[str, str] | None = None
    memo: dict[object, object] = field(default_factory=dict)
    # The file's module, when the caller knows its path (see ``analysis.modules``).
    module: ModuleName | None = None
    _aliases: dict[str, frozenset[str]] | None = None

    @property
    def import_map(self) -> dict[str, str]:
        """Local name -> qualified name of every import in the file (``resolution_map``)."""
        if self._import_map is None:
            from pyiq.analysis.imports import resolution_map

            self._import_map = (
                resolution_map(self.tree, self.source, self.module) if self.tree else {}
            )
        return self._import_map

    @property
    def aliases(self) -> dict[str, frozenset[str]]:
        """Local name -> unaliased spellings of the imports that rename (``import_aliases``)."""
        if self._aliases is None:
            from pyiq.analysis.imports import import_aliases

            self._aliases = import_aliases(self.tree, self.source) if self.tree else {}
        return self._aliases

    def text(self, node: Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")


P = ParamSpec("P")
T = TypeVar("T")
NodeFact = Callable[Concatenate[Node, MatchContext, P], T]


def per_node(kind: str) -> Callable[[NodeFact[P, T]], NodeFact[P, T]]:
    """Computes a fact about a node once per analysis run, kept in ``MatchContext.memo``.

    Predicates fire once per match, but many matches ask about the same
    scope, function or loop: nested functions ask about every enclosing one,
    every builtin's name about each scope around it. Callers share the
    answer and must not change it.
    """

    def decorate(compute: NodeFact[P, T]) -> NodeFact[P, T]:
        @wraps(compute)
        def remembered(node: Node, ctx: MatchContext, *args: P.args, **kwargs: P.kwargs) -> T:
            key = (kind, node.start_byte, node.end_byte, node.type, args, tuple(kwargs.items()))
            memo = ctx.memo
            if key in memo:
                return cast(T, memo[key])
            fact = compute(node, ctx, *args, **kwargs)
            memo[key] = fact
            return fact

        return remembered

    return decorate


Args = list[tuple[str, str]]
Captures = dict[str, list[Node]]
Predicate = Callable[[MatchContext, Args, Captures], bool]


def captured_nodes(args: Args, captures: Captures, position: int = 0) -> list[Node]:
    """The nodes of the predicate's ``position``-th capture argument."""
    if position == 0 and args and args[0][1] == "capture":
        return captures.get(args[0][0], [])
    names = [value for value, kind in args if kind == "capture"]
    if position >= len(names):
        return []
    return captures.get(names[position], [])


def string_args(args: Args) -> list[str]:
    """The predicate's string arguments, in order."""
    return [value for value, kind in args if kind == "string"]


@dataclass(frozen=True, slots=True)
class Reporter:
    """Chooses the nodes a rule reports, for rules a query cannot enumerate them for.

    A rule naming one with ``(#set! report "pyiq-...")`` captures where to
    look (its reported capture); ``find`` returns the nodes to report
    instead, each one finding with its own position, and with ``binds`` as
    the message placeholder that names it. The findings keep the match's
    span, which incremental analysis re-checks them by: a reporter may read
    the match and what holds it (a document re-analyses whole statements),
    not unrelated parts of the file.
    """

    binds: str
    find: Callable[[MatchContext, Sequence[Node]], Iterable[Node] | Iterable[tuple[Node, Node]]]
    # ``find`` yields (node to report, node whose text ``binds`` names) pairs
    # instead: a finding placed on a call that names one of its arguments.
    pairs: bool = False
