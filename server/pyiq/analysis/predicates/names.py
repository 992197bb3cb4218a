"""What a name refers to: a builtin, or an imported module member.

Name resolution here is deliberately small: the file's imports are read
once from its tree (``MatchContext.import_map``), and a builtin counts as
shadowed when a scope around the name binds it (``scopes.bound_names``).
That is what ruff's peer rules consult (qualified names of callees, builtin
bindings), without a full semantic model.
"""

from __future__ import annotations

import builtins

from tree_sitter import Node

from pyiq.analysis.predicates.context import MatchContext
from pyiq.analysis.predicates.scopes import bound_names, scopes_at, statement_bindings

BUILTIN_NAMES = frozenset(dir(builtins))


def is_builtin(node: Node, ctx: MatchContext) -> bool:
    """The identifier refers to the builtin of that name: no scope around it rebinds it."""
    name = ctx.text(node)
    if name not in BUILTIN_NAMES or name in ctx.import_map:
        return False
    return not any(name in bound_names(scope, ctx) for scope in scopes_at(node))


def may_resolve_into(module: str, ctx: MatchContext) -> bool:
    """Whether any name of the file can resolve to a member of ``module`` (``qualified_name``).

    A qualified name other than a builtin's starts with what the file's
    resolution map gives its head, so a file whose map names nothing in
    ``module`` resolves nothing there: rules after one module's names ask
    this once per file instead of resolving every candidate call or base.
    """
    if module == "builtins":
        return True
    key = ("may-resolve-into", module)
    known = ctx.memo.get(key)
    if known is None:
        prefix = module + "."
        known = any(
            target == module or target.startswith(prefix) for target in ctx.import_map.values()
        )
        ctx.memo[key] = known
    return bool(known)


def qualified_name(node: Node, ctx: MatchContext) -> str | None:
    """``module.member`` for a name or attribute chain, resolved through imports and builtins."""
    parts: list[str] = []
    current = node
    while current.type == "attribute":
        attribute = current.child_by_field_name("attribute")
        obj = current.child_by_field_name("object")
        if attribute is None or obj is None:
            return None
        parts.append(ctx.text(attribute))
        current = obj
    if current.type != "identifier":
        return None
    head = ctx.text(current)
    imports = ctx.import_map
    if head in imports:
        base = imports[head]
    elif is_builtin(current, ctx):
        base = "builtins." + head
    else:
        return None
    return ".".join([base, *reversed(parts)])


def unsubscripted(node: Node) -> Node:
    """``tuple[int]`` -> ``tuple``: what a subscripted callee or annotation names."""
    if node.type == "subscript":
        value = node.child_by_field_name("value")
        if value is not None:
            return value
    return node


def shadowed_builtins(statement: Node, source: bytes) -> frozenset[str]:
    """Builtin names a top-level statement rebinds at module scope.

    Only builtins matter: the module scope enters analysis through
    ``is_builtin``, which asks whether a builtin's name is rebound. The
    incremental document keeps this per top-level statement, so a keystroke
    recomputes it for the statements it touched only, and re-analyses the
    whole file only when the union changes.
    """
    names: set[str] = set()
    statement_bindings([statement], MatchContext(source), names)
    return frozenset(names & BUILTIN_NAMES)
