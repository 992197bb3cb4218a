"""What a file imports, read from its tree.

Two views: the names top-level imports bind (monkey-patch detection asks
"is ``os`` a module here?"), and a map from every imported local name to its
qualified name (name resolution asks "is this ``deque`` collections.deque?").
The incremental document compares both after each edit: when they change,
every finding in the file may change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from tree_sitter import Node, Tree

from pyiq.analysis.modules import ModuleName

_IMPORTS = frozenset({"import_statement", "import_from_statement"})


def module_imports(tree: Tree, source: bytes) -> frozenset[str]:
    """Names that top-level imports bind to modules or their members.

    Predicates such as monkey-patch detection need to know which names are
    modules; only top-level imports count, which keeps this a scan of the
    module's direct children rather than of the whole tree.
    """
    names: set[str] = set()
    for statement in tree.root_node.named_children:
        if statement.type not in _IMPORTS:
            continue
        for child in statement.named_children:
            if statement.type == "import_from_statement" and child == statement.child_by_field_name(
                "module_name"
            ):
                continue
            if child.type == "dotted_name":
                first = child.named_children[0] if child.named_children else child
                names.add(source[first.start_byte : first.end_byte].decode("utf-8", "replace"))
            elif child.type == "aliased_import":
                alias = child.child_by_field_name("alias")
                if alias is not None:
                    names.add(source[alias.start_byte : alias.end_byte].decode("utf-8", "replace"))
    return frozenset(names)


def _join(base: str, name: str) -> str:
    """``base.name``; a relative base (``.``, ``..pkg.``) already ends where the name starts."""
    if not base:
        return name
    return base + name if base.endswith(".") else f"{base}.{name}"


def import_statements(tree: Tree, source: bytes) -> list[Node]:
    """Every import statement of the file, at any depth, in source order.

    Every import statement holds the keyword ``import``, so the statements
    are found by searching the bytes for it and asking the tree what each hit
    is: far cheaper than walking the tree, which lets the incremental document
    recompute the maps below on every edit that touches an import.
    """
    root = tree.root_node
    statements: dict[int, Node] = {}
    position = source.find(b"import")
    while position >= 0:
        keyword = root.descendant_for_byte_range(position, position + 6)
        statement = keyword.parent if keyword is not None and keyword.type == "import" else None
        if statement is not None and statement.type in _IMPORTS:
            statements[statement.start_byte] = statement
        position = source.find(b"import", position + 6)
    return [statement for _, statement in sorted(statements.items())]


def import_bindings(statement: Node, text: Callable[[Node], str]) -> list[tuple[str, str, str]]:
    """(local name, qualified name, unaliased spelling) for each name an import binds.

    The spelling is how the same name reads without the alias: ``load`` for
    ``from yaml import load as load_yaml``, ``yaml`` for ``import yaml as
    y``, ``a.b`` for ``import a.b as c``. Rules that filter on a name's text
    compare it with the spelling (``predicates.names.spelled``), so an alias
    meets the filter its unaliased form meets.
    """
    base = ""
    if statement.type == "import_from_statement":
        module = statement.child_by_field_name("module_name")
        base = text(module) if module is not None else ""
    bindings: list[tuple[str, str, str]] = []
    for child in statement.children_by_field_name("name"):
        if child.type == "aliased_import":
            name = child.child_by_field_name("name")
            alias = child.child_by_field_name("alias")
            if name is None or alias is None:
                continue
            target = text(name)
            bindings.append((text(alias), _join(base, target), target))
        elif child.type == "dotted_name":
            target = text(child)
            if base:
                bindings.append((target, _join(base, target), target))
            else:
                head = target.split(".")[0]
                bindings.append((head, head, head))
    return bindings


def _reader(source: bytes) -> Callable[[Node], str]:
    def text(node: Node) -> str:
        return source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    return text


def import_map(tree: Tree, source: bytes) -> dict[str, str]:
    """Local name -> qualified name for every import in the file, at any depth.

    Predicates resolve names through it (is this ``deque`` the one from
    ``collections``?); which import a given use sees is decided by scope
    (``predicates.names.resolve``), this map is the file-wide prefilter.
    """
    text = _reader(source)
    names: dict[str, str] = {}
    for statement in import_statements(tree, source):
        for local, qualified, _ in import_bindings(statement, text):
            names[local] = qualified
    return names


def import_aliases(tree: Tree, source: bytes) -> dict[str, frozenset[str]]:
    """Local name -> unaliased spellings, for the imports that rename (``as``) a name.

    Names bound without ``as`` read the same either way and are left out, so
    a file without aliases (most files) gets an empty map and its rule
    filters compare texts as written. A name can alias several things in
    different scopes; which one a use sees is ``predicates.names.resolve``'s
    to say.
    """
    text = _reader(source)
    aliases: dict[str, set[str]] = {}
    for statement in import_statements(tree, source):
        for local, _, spelling in import_bindings(statement, text):
            if local != spelling:
                aliases.setdefault(local, set()).add(spelling)
    return {local: frozenset(spellings) for local, spellings in aliases.items()}


def import_targets(tree: Tree, source: bytes, module: ModuleName | None) -> frozenset[str]:
    """Every qualified name any import of the file binds, at any depth, relative ones
    resolved from ``module`` (``predicates.names.may_resolve_into`` asks it)."""
    text = _reader(source)
    targets: set[str] = set()
    for statement in import_statements(tree, source):
        for _, qualified, _ in import_bindings(statement, text):
            if qualified.startswith(".") and module is not None:
                qualified = module.resolve_relative(qualified) or qualified
            targets.add(qualified)
    return frozenset(targets)


_DEFINITIONS = frozenset({"function_definition", "class_definition"})
# Statements whose blocks still run in the enclosing scope (shared with
# ``predicates.scopes``, which walks a function's statements the same way).
SAME_SCOPE_BLOCKS = frozenset(
    {
        "if_statement",
        "elif_clause",
        "else_clause",
        "for_statement",
        "while_statement",
        "try_statement",
        "except_clause",
        "except_group_clause",
        "finally_clause",
        "with_statement",
        "match_statement",
        "case_clause",
        "block",
    }
)


def module_bindings(
    statements: Iterable[Node], source: bytes, read: Callable[[Node], str] | None = None
) -> Iterator[tuple[str, bool]]:
    """(name, is a def or class) for each def, class and import that top-level
    ``statements`` bind at module scope, in order; ``read`` gives a node's text
    (an edited tree's nodes stand at new offsets over the old bytes)."""

    def text(node: Node) -> str:
        if read is not None:
            return read(node)
        return source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    stack = [iter(statements)]
    while stack:
        statement = next(stack[-1], None)
        if statement is None:
            stack.pop()
            continue
        kind = statement.type
        if kind == "decorated_definition":
            statement = statement.child_by_field_name("definition") or statement
            kind = statement.type
        if kind in _DEFINITIONS:
            name = statement.child_by_field_name("name")
            if name is not None:
                yield text(name), True
        elif kind in _IMPORTS:
            for item in statement.children_by_field_name("name"):
                if item.type == "aliased_import":
                    alias = item.child_by_field_name("alias")
                    if alias is not None:
                        yield text(alias), False
                elif item.type == "dotted_name" and item.named_children:
                    first, last = item.named_children[0], item.named_children[-1]
                    yield text(first if kind == "import_statement" else last), False
        elif kind in SAME_SCOPE_BLOCKS:
            stack.append(iter(statement.named_children))


def resolution_map(tree: Tree, source: bytes, module: ModuleName | None) -> dict[str, str]:
    """``import_map``, plus what knowing the file's module adds (ruff's semantic model).

    Relative imports resolve from a package module's path (``from . import
    x`` in ``pkg/mod.py`` is ``pkg.x``), and a class or function the module
    defines is ``<module>.<name>`` where it is the name's last module-level
    binding among definitions and imports (``abc.py`` imports ``ABCMeta`` in
    an ``except`` branch and then defines it: the class wins, as in ruff).
    Without a module this is ``import_map`` unchanged.
    """
    names = import_map(tree, source)
    if module is None:
        return names
    for local, target in names.items():
        if target.startswith("."):
            absolute = module.resolve_relative(target)
            if absolute is not None:
                names[local] = absolute
    last: dict[str, bool] = {}
    for name, defined in module_bindings(tree.root_node.named_children, source):
        last[name] = defined
    prefix = module.dotted + "."
    for name, defined in last.items():
        if defined:
            names[name] = prefix + name
    return names
