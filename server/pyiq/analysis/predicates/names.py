"""What a name refers to: a builtin, or an imported module member.

Name resolution is what ruff's peer rules consult (qualified names of
callees, builtin bindings), without a full semantic model. The file's
imports are read once from its tree (``MatchContext.import_map``, a
file-wide prefilter); which binding a use of an imported name sees is
decided by scope, as ruff decides it (``resolve``): a parameter, an
assignment or a ``def`` of the same name hides the import, and an import
inside a function is seen there only. A builtin counts as shadowed when a
scope around the name binds it (``scopes.bound_names``).

Rules filter names by their text in the query (``#eq? @callee "load"``),
which an alias would defeat: ``spelled`` gives the text a use would have
without the alias (``load_yaml(...)`` reads ``load(...)`` after ``from yaml
import load as load_yaml``), the planner's predicates compare that, and the
registry's alias query (``Registry.alias_query``) finds the aliased uses
the compiled filters cannot.
"""

from __future__ import annotations

import builtins
import re

from tree_sitter import Node

from pyiq.analysis.imports import import_targets
from pyiq.analysis.predicates.context import MatchContext, per_node
from pyiq.analysis.predicates.nodes import (
    COMPREHENSION_TYPES,
    FUNCTION_TYPES,
    name_context,
    target_names,
)
from pyiq.analysis.predicates.scopes import (
    Binding,
    bound_names,
    scope_bindings,
    scopes_at,
    statement_bindings,
)

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
        # The map keeps a name's last import; one in another scope may name the
        # module. An incremental document hands the import targets over (they
        # change only with an import); otherwise a file that never spells the
        # module is spared the walk over its imports.
        if not known and ("import-targets" in ctx.memo or module.encode("utf-8") in ctx.source):
            known = any(
                target == module or target.startswith(prefix) for target in _import_targets(ctx)
            )
        ctx.memo[key] = known
    return bool(known)


def _import_targets(ctx: MatchContext) -> frozenset[str]:
    """``import_targets`` of the run's file, memoized per run (or handed over, see
    ``run_rules``)."""
    found = ctx.memo.get("import-targets")
    if found is None:
        found = (
            import_targets(ctx.tree, ctx.source, ctx.module)
            if ctx.tree is not None
            else frozenset()
        )
        ctx.memo["import-targets"] = found
    return found  # type: ignore[return-value]


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
    if head in ctx.import_map:
        binding = resolve(current, ctx)
        if binding is None:
            if head not in BUILTIN_NAMES or not is_builtin_unimported(current, ctx):
                return None
            base = "builtins." + head
        elif binding.qualified is None:
            return None
        else:
            base = binding.qualified
    elif is_builtin(current, ctx):
        base = "builtins." + head
    else:
        return None
    return ".".join([base, *reversed(parts)])


def is_builtin_unimported(node: Node, ctx: MatchContext) -> bool:
    """``is_builtin`` for a name some import elsewhere binds but no scope around it does."""
    name = ctx.text(node)
    return not any(name in bound_names(scope, ctx) for scope in scopes_at(node))


@per_node("resolve")
def resolve(identifier: Node, ctx: MatchContext) -> Binding | None:
    """The binding a use of a name sees, as ruff's semantic model finds it; None if unbound.

    Scopes are searched innermost first. In the scope the use sits in
    (visited in source order), the latest binding before the use counts, and
    without one the search goes on outwards (ruff reads the enclosing
    binding where Python would raise ``UnboundLocalError``). Beyond a
    function or lambda, whose bodies ruff visits once the enclosing scope is
    complete, the enclosing scope's last binding counts. A class body is a
    scope only for uses directly in it, and a comprehension's targets hide
    the name in the rest of the comprehension.
    """
    name = ctx.text(identifier)
    position = identifier.start_byte
    deferred = False
    first = True
    child = identifier
    parent = identifier.parent
    while parent is not None:
        kind = parent.type
        scope = None
        if kind in FUNCTION_TYPES or kind == "class_definition":
            if parent.child_by_field_name("body") == child:
                if kind in FUNCTION_TYPES or (first and not deferred):
                    scope = parent
                first = False
        elif kind == "module":
            scope = parent
        elif kind in COMPREHENSION_TYPES and _comprehension_binds(parent, child, name, ctx):
            return Binding(parent.start_byte)
        if scope is not None:
            found = scope_bindings(scope, ctx).get(name)
            if found:
                if deferred:
                    return found[-1]
                earlier = [binding for binding in found if binding.position <= position]
                if earlier:
                    return earlier[-1]
            if kind in FUNCTION_TYPES:
                deferred = True
        child, parent = parent, parent.parent
    return None


def _comprehension_binds(comprehension: Node, child: Node, name: str, ctx: MatchContext) -> bool:
    """Whether the comprehension's ``for`` targets bind ``name`` where ``child`` sits.

    The first iterable is evaluated in the enclosing scope and sees none of them.
    """
    clauses = [c for c in comprehension.named_children if c.type == "for_in_clause"]
    if clauses:
        iterables = clauses[0].children_by_field_name("right")
        if iterables and iterables[0].start_byte <= child.start_byte < iterables[-1].end_byte:
            return False
    for clause in clauses:
        left = clause.child_by_field_name("left")
        if left is not None and name in target_names(left, ctx):
            return True
    return False


_HEAD = re.compile(r"[^\W\d]\w*")
_HEAD_FIELDS = {"call": "function", "attribute": "object", "subscript": "value"}


def spelled(node: Node, ctx: MatchContext) -> str:
    """The node's text as it would read without an import alias at its head.

    ``load_yaml(s)`` after ``from yaml import load as load_yaml`` reads
    ``load(s)``; ``y.load`` after ``import yaml as y`` reads ``yaml.load``.
    Only the name that heads the node (a call's callee, an attribute's
    object, a subscript's value, down to the first identifier) is replaced,
    and only where that name, read there, is the aliasing import's binding
    (``resolve``): a parameter or an assignment of the same name is itself.
    Text filters compare this, so an alias meets the filter its unaliased
    form meets. A file without aliases pays one check.
    """
    text = ctx.text(node)
    aliases = ctx.aliases
    if not aliases:
        return text
    match = _HEAD.match(text)
    if match is None or match.group() not in aliases:
        return text
    head = node
    while head.type != "identifier":
        field = _HEAD_FIELDS.get(head.type)
        inner = head.child_by_field_name(field) if field is not None else None
        if inner is None or inner.start_byte != node.start_byte:
            return text
        head = inner
    if head.end_byte - head.start_byte != len(match.group().encode("utf-8")):
        return text
    if name_context(head) != "load":
        return text
    binding = resolve(head, ctx)
    if binding is None or binding.spelling is None:
        return text
    return binding.spelling + text[match.end() :]


def unsubscripted(node: Node) -> Node:
    """``tuple[int]`` -> ``tuple``: what a subscripted callee or annotation names."""
    if node.type == "subscript":
        value = node.child_by_field_name("value")
        if value is not None:
            return value
    return node


def shadowed_builtins(
    statement: Node, source: bytes, imported: frozenset[str] = frozenset()
) -> frozenset[str]:
    """Names whose resolution a top-level statement changes by rebinding them at module scope.

    Builtins the statement binds (imports included: ``from os import
    open``), and the names of ``imported`` (the file's imported and defined
    names) it binds otherwise: an assignment to ``load_yaml`` after ``from
    yaml import load as load_yaml`` makes later uses, and those in
    functions, no longer the import (``resolve``). The incremental document
    keeps this per top-level statement, so a keystroke recomputes it for the
    statements it touched only, and re-analyses the uses of a name only when
    the union changes.
    """
    names: set[str] = set()
    by_imports: set[str] = set()
    statement_bindings([statement], MatchContext(source), names, by_imports)
    return frozenset(
        name
        for name in names | by_imports
        if name in BUILTIN_NAMES or (name in imported and name in names)
    )
