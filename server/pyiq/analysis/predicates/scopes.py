"""Which names a scope binds: one analysis for the questions rules ask about scopes.

``bound_names`` reads a scope's statements (parameters, assignments, loop
targets, ``with``/``except`` targets, defs, classes, imports), never its
expressions: a fraction of the nodes, which matters because builtin
detection asks it of the module and of every scope around each builtin's
name, and the incremental document asks it per top-level statement
(``statement_bindings``). ``function_locals`` answers the closure question
from the same bindings, adding only what a closure needs beyond them: the
names Python binds inside expressions, the ``nonlocal``/``global``
declarations that make a name not local, and the names the function reads.

The bug-risk rules keep their own notions where their ruff peer defines one
(B023's stored names, PLW0603's updates): those mirror ruff, not Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from pyiq.analysis.imports import SAME_SCOPE_BLOCKS, import_bindings
from pyiq.analysis.modules import ModuleName
from pyiq.analysis.predicates.context import MatchContext, per_node
from pyiq.analysis.predicates.nodes import (
    COMPREHENSION_TYPES,
    FUNCTION_TYPES,
    NESTED_SCOPES,
    SCOPE_TYPES,
    ancestors,
    descendants,
    target_names,
)


def parameter_names(function: Node, ctx: MatchContext) -> set[str]:
    """Every parameter name, including ``*args``, ``**kwargs`` and keyword-only ones."""
    names: set[str] = set()
    params = function.child_by_field_name("parameters")
    if params is None:
        return names
    for param in params.named_children:
        if param.type == "identifier":
            names.add(ctx.text(param))
            continue
        name = param.child_by_field_name("name")
        if name is not None and param.type != "typed_parameter":
            names.add(ctx.text(name))
            continue
        for child in param.named_children:
            if child.type == "identifier":
                names.add(ctx.text(child))
                break
            if child.type in {"list_splat_pattern", "dictionary_splat_pattern"}:
                for inner in child.named_children:
                    if inner.type == "identifier":
                        names.add(ctx.text(inner))
                break
    return names


def scopes_at(node: Node) -> list[Node]:
    """Scopes whose bindings are visible at ``node``, innermost first (class only if innermost)."""
    scopes: list[Node] = []
    child = node
    for ancestor in ancestors(node):
        kind = ancestor.type
        if kind in FUNCTION_TYPES:
            if ancestor.child_by_field_name("body") == child:
                scopes.append(ancestor)
        elif kind == "class_definition":
            if not scopes and ancestor.child_by_field_name("body") == child:
                scopes.append(ancestor)
        elif kind == "module":
            scopes.append(ancestor)
        child = ancestor
    return scopes


def _import_bindings(statement: Node, ctx: MatchContext) -> list[str]:
    names: list[str] = []
    for item in statement.children_by_field_name("name"):
        if item.type == "aliased_import":
            alias = item.child_by_field_name("alias")
            if alias is not None:
                names.append(ctx.text(alias))
        elif item.type == "dotted_name" and item.named_children:
            first, last = item.named_children[0], item.named_children[-1]
            names.append(ctx.text(first if statement.type == "import_statement" else last))
    return names


@per_node("scope")
def bound_names(scope: Node, ctx: MatchContext) -> set[str]:
    """Names a scope binds: parameters, assignments, loop targets, defs, classes, imports.

    A builtin's name bound here is no longer the builtin (``names.is_builtin``),
    even when a ``global`` statement sends the binding to the module. Bindings
    are statements, so the walk visits statements and the blocks of compound
    statements only, never expressions: a fraction of the nodes.
    """
    names: set[str] = set()
    if scope.type in FUNCTION_TYPES:
        names |= parameter_names(scope, ctx)
    body = scope if scope.type == "module" else scope.child_by_field_name("body")
    if body is not None and scope.type != "lambda":
        statement_bindings(body.named_children, ctx, names)
    return names


def statement_bindings(
    statements: list[Node], ctx: MatchContext, names: set[str], imported: set[str] | None = None
) -> None:
    """Adds the names ``statements`` bind in their own scope (nested scopes excluded).

    With ``imported``, the names imports bind go there instead of ``names``.
    """
    stack = [statements]
    while stack:
        for statement in stack.pop():
            kind = statement.type
            if kind == "expression_statement":
                for target in statement.named_children:
                    while target is not None and target.type in {
                        "assignment",
                        "augmented_assignment",
                    }:
                        left = target.child_by_field_name("left")
                        if left is not None:
                            names.update(target_names(left, ctx))
                        target = target.child_by_field_name("right")
            elif kind == "decorated_definition":
                definition = statement.child_by_field_name("definition")
                name = definition.child_by_field_name("name") if definition else None
                if name is not None:
                    names.add(ctx.text(name))
            elif kind in {"function_definition", "class_definition"}:
                name = statement.child_by_field_name("name")
                if name is not None:
                    names.add(ctx.text(name))
            elif kind in {"import_statement", "import_from_statement"}:
                (names if imported is None else imported).update(_import_bindings(statement, ctx))
            elif kind == "for_statement":
                left = statement.child_by_field_name("left")
                if left is not None:
                    names.update(target_names(left, ctx))
                stack.append(statement.named_children)
            elif kind in SAME_SCOPE_BLOCKS:  # for_statement is handled above
                if kind == "with_statement" or kind == "except_clause":
                    for node in descendants(statement, stop=NESTED_SCOPES | {"block"}):
                        if node.type == "as_pattern_target" and node.named_children:
                            names.update(target_names(node.named_children[0], ctx))
                stack.append(statement.named_children)


@per_node("function-locals")
def function_locals(
    function: Node, ctx: MatchContext, reads: bool = True
) -> tuple[set[str], set[str], set[str]]:
    """A function's local names, the names it declares nonlocal/global, and the names it reads.

    The locals are ``bound_names`` plus what the function's expressions
    bind: walrus targets (even inside a comprehension) and the ``as`` targets
    of ``with`` and ``except`` (tree-sitter also accepts ``f(a as b)``, which
    Python rejects and which binds nothing), less the declared names, which
    live in another scope. A comprehension's own targets are local to the
    comprehension, as Python 3 scopes them: they are neither locals of the
    function nor reads where the comprehension uses them, except in its first
    iterable, which runs in the function's scope. One walk of the body
    (nested scopes excluded) gathers them, memoized per file: nested functions
    ask about every enclosing one. Enclosing functions are large and only
    their locals matter, so ``reads=False`` skips collecting every identifier
    they mention, and skips the walk when the bytes show it would add nothing.
    """
    body = function.child_by_field_name("body")
    if not reads and body is not None and not function.has_error:
        # Beyond ``bound_names``, the walk below only adds walrus targets and
        # removes declared names; its ``as`` targets are those of ``with`` and
        # ``except`` statements, which ``bound_names`` has already unless an
        # error node hides the statement. Without those bytes the walk finds
        # nothing more, and an enclosing function is often its file's largest.
        text = ctx.source[body.start_byte : body.end_byte]
        if b":=" not in text and b"nonlocal" not in text and b"global" not in text:
            return set(bound_names(function, ctx)), set(), set()
    bound = set(bound_names(function, ctx))
    declared: set[str] = set()
    loads: set[str] = set()
    # Comprehensions around the walk's position, innermost last: (end byte,
    # targets, span of the first iterable).
    open_comprehensions: list[tuple[int, set[str], int, int]] = []
    for node in descendants(body, stop=SCOPE_TYPES) if body is not None else ():
        # Nodes come in order: a comprehension ending before this node is closed.
        while open_comprehensions and open_comprehensions[-1][0] <= node.start_byte:
            open_comprehensions.pop()
        kind = node.type
        if kind == "identifier":
            if not reads:
                continue
            if member_name(node):
                continue
            name = ctx.text(node)
            if not _comprehension_bound(name, node.start_byte, open_comprehensions):
                loads.add(name)
        elif kind in COMPREHENSION_TYPES:
            if reads:
                open_comprehensions.append(_comprehension_scope(node, ctx))
        elif kind == "named_expression":
            name = node.child_by_field_name("name")
            if name is not None:
                bound.add(ctx.text(name))
        elif kind == "as_pattern_target" and _statement_alias(node):
            for child in node.named_children:
                bound.update(target_names(child, ctx))
        elif kind in {"nonlocal_statement", "global_statement"}:
            declared |= {ctx.text(c) for c in node.named_children if c.type == "identifier"}
    return bound - declared, declared, loads


_ALIAS_HOLDERS = frozenset({"with_item", "except_clause", "except_group_clause"})


def _statement_alias(target: Node) -> bool:
    """An ``as`` target of a ``with`` item or an ``except`` clause: one that binds a name."""
    pattern = target.parent
    holder = pattern.parent if pattern is not None else None
    return holder is not None and holder.type in _ALIAS_HOLDERS


def member_name(identifier: Node) -> bool:
    """An attribute's name or a keyword argument's: an identifier that reads no variable."""
    parent = identifier.parent
    if parent is None:
        return False
    if parent.type == "attribute":
        return parent.child_by_field_name("attribute") == identifier
    if parent.type == "keyword_argument":
        return parent.child_by_field_name("name") == identifier
    return False


def _comprehension_scope(node: Node, ctx: MatchContext) -> tuple[int, set[str], int, int]:
    """A comprehension's end, the names its ``for`` clauses bind, and its first iterable's span."""
    targets: set[str] = set()
    first: tuple[int, int] | None = None
    for clause in node.named_children:
        if clause.type != "for_in_clause":
            continue
        left = clause.child_by_field_name("left")
        if left is not None:
            targets.update(target_names(left, ctx))
        iterables = clause.children_by_field_name("right")
        if first is None and iterables:
            first = (iterables[0].start_byte, iterables[-1].end_byte)
    return (node.end_byte, targets, *(first or (0, 0)))


def _comprehension_bound(name: str, at: int, scopes: list[tuple[int, set[str], int, int]]) -> bool:
    """Whether the comprehensions open at byte ``at`` bind ``name`` there."""
    for _, targets, iterable_start, iterable_end in reversed(scopes):
        if iterable_start <= at < iterable_end:
            continue  # the first iterable is evaluated outside this comprehension
        if name in targets:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Binding:
    """One binding of a name in a scope, as ruff's semantic model records it.

    ``position`` is the byte from which the binding holds (an assignment's
    end: its right side still reads the previous binding). ``qualified`` is
    what an import binds (``yaml.load``), or a module-level def or class
    (``<module>.<name>``, when the module is known); None for every other
    binding (assignment, parameter, loop target...), which no qualified-name
    filter accepts. ``spelling`` is an import's unaliased spelling
    (``imports.import_bindings``), None for other bindings.
    """

    position: int
    qualified: str | None = None
    spelling: str | None = None


def _record(table: dict[str, list[Binding]], name: str, binding: Binding) -> None:
    table.setdefault(name, []).append(binding)


@per_node("scope-bindings")
def scope_bindings(scope: Node, ctx: MatchContext) -> dict[str, list[Binding]]:
    """Every name the scope binds, with its bindings in source order.

    The same statements as ``bound_names`` (nested scopes excluded), with
    where each binding starts to hold and what an import binds, so that
    ``names.resolve`` can answer as ruff does which binding a use sees: a
    use reads the scope's latest binding before it, and a use inside a
    nested function (which ruff visits once the enclosing scope is complete)
    its last. Names declared ``global`` or ``nonlocal`` live in another
    scope and are left out, except in the module: ``global x`` there is a
    no-op to Python (and ``nonlocal x``, an error, is read as one), so the
    module's bindings of ``x`` stay. A declaration typed at module level
    (or made of a broken line: ``global`` over ``config = load_yaml(text)``
    declares ``load_yaml``) hid the file's imports from every use.
    """
    table: dict[str, list[Binding]] = {}
    declared: set[str] = set()
    if scope.type in FUNCTION_TYPES:
        for name in parameter_names(scope, ctx):
            _record(table, name, Binding(scope.start_byte))
    body = scope if scope.type == "module" else scope.child_by_field_name("body")
    if body is not None and scope.type != "lambda":
        module = ctx.module if scope.type == "module" else None
        stack = [body.named_children]
        while stack:
            for statement in stack.pop():
                _statement_table(statement, ctx, module, table, declared, stack)
    if scope.type != "module":
        for name in declared:
            table.pop(name, None)
    for bindings in table.values():
        bindings.sort(key=lambda binding: binding.position)
    return table


def _statement_table(
    statement: Node,
    ctx: MatchContext,
    module: ModuleName | None,
    table: dict[str, list[Binding]],
    declared: set[str],
    stack: list[list[Node]],
) -> None:
    """Records what one statement binds (``scope_bindings``); its blocks go on ``stack``."""
    kind = statement.type
    if kind == "expression_statement":
        for target in statement.named_children:
            while target is not None and target.type in {"assignment", "augmented_assignment"}:
                left = target.child_by_field_name("left")
                right = target.child_by_field_name("right")
                if left is not None and right is not None:  # `x: int` alone binds nothing
                    for name in target_names(left, ctx):
                        _record(table, name, Binding(statement.end_byte))
                target = right
    elif kind in {"decorated_definition", "function_definition", "class_definition"}:
        definition = statement
        if kind == "decorated_definition":
            definition = statement.child_by_field_name("definition") or statement
        name = definition.child_by_field_name("name")
        if name is not None:
            text = ctx.text(name)
            qualified = f"{module.dotted}.{text}" if module is not None else None
            _record(table, text, Binding(definition.end_byte, qualified))
    elif kind in {"import_statement", "import_from_statement"}:
        for local, qualified, spelling in import_bindings(statement, ctx.text):
            if qualified.startswith(".") and ctx.module is not None:
                qualified = ctx.module.resolve_relative(qualified) or qualified
            _record(table, local, Binding(statement.end_byte, qualified, spelling))
    elif kind in {"global_statement", "nonlocal_statement"}:
        declared.update(ctx.text(c) for c in statement.named_children if c.type == "identifier")
    elif kind == "for_statement":
        left = statement.child_by_field_name("left")
        if left is not None:
            for name in target_names(left, ctx):
                _record(table, name, Binding(left.end_byte))
        stack.append(statement.named_children)
    elif kind in SAME_SCOPE_BLOCKS:
        if kind == "with_statement" or kind == "except_clause":
            for node in descendants(statement, stop=NESTED_SCOPES | {"block"}):
                if node.type == "as_pattern_target" and node.named_children:
                    for name in target_names(node.named_children[0], ctx):
                        _record(table, name, Binding(node.end_byte))
        stack.append(statement.named_children)
