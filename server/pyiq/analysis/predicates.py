"""Python predicates, for the few conditions a tree-sitter query cannot say.

Each predicate is named ``pyiq-<what>?`` in a rule file and receives the
match's captures. They walk the tree with parent links and bounded loops,
never recursion, so a 500-deep expression cannot exhaust the stack.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from tree_sitter import Node, Tree

FUNCTION_TYPES = frozenset({"function_definition", "lambda"})
SCOPE_TYPES = frozenset({"function_definition", "lambda", "class_definition", "module"})
COMPREHENSION_TYPES = frozenset(
    {"list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"}
)
LOOP_TYPES = frozenset({"for_statement", "while_statement"})


@dataclass(slots=True)
class MatchContext:
    """What predicates may look at besides the match: the source and the file."""

    source: bytes
    module_imports: frozenset[str] = field(default_factory=frozenset)
    tree: Tree | None = None
    _import_map: dict[str, str] | None = None
    memo: dict[object, object] = field(default_factory=dict)

    @property
    def import_map(self) -> dict[str, str]:
        """Local name -> qualified name of every import in the file."""
        if self._import_map is None:
            from pyiq.analysis.imports import import_map

            self._import_map = import_map(self.tree, self.source) if self.tree else {}
        return self._import_map

    def text(self, node: Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")


Args = list[tuple[str, str]]
Captures = dict[str, list[Node]]
Predicate = Callable[[MatchContext, Args, Captures], bool]


def _captured(args: Args, captures: Captures, position: int = 0) -> list[Node]:
    captured = [value for value, kind in args if kind == "capture"]
    if position >= len(captured):
        return []
    return captures.get(captured[position], [])


def _strings(args: Args) -> list[str]:
    return [value for value, kind in args if kind == "string"]


def ancestors(node: Node) -> Iterator[Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def descendants(node: Node, stop: frozenset[str] = frozenset()) -> Iterator[Node]:
    """Pre-order walk without recursion; does not enter nodes whose type is in ``stop``."""
    cursor = node.walk()
    depth = 0
    while True:
        current = cursor.node
        assert current is not None
        if depth > 0:
            yield current
        entered = False
        if depth == 0 or current.type not in stop:
            entered = cursor.goto_first_child()
        if entered:
            depth += 1
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return
            depth -= 1
            if depth == 0:
                return
        # moved to a sibling at the same depth


def target_names(target: Node, ctx: MatchContext) -> set[str]:
    """Names bound by an assignment or loop target (tuples and lists unpacked)."""
    names: set[str] = set()
    if target.type == "identifier":
        names.add(ctx.text(target))
        return names
    if target.type in {"pattern_list", "tuple_pattern", "list_pattern", "tuple", "list"}:
        for child in target.named_children:
            names |= target_names(child, ctx)
    elif target.type in {"list_splat_pattern", "parenthesized_expression"}:
        for child in target.named_children:
            names |= target_names(child, ctx)
    return names


def imported_module(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The identifier names a module imported at the top of the file."""
    nodes = _captured(args, captures)
    return bool(nodes) and all(ctx.text(n) in ctx.module_imports for n in nodes)


def occurrences(within: Node, needle: bytes, source: bytes) -> Iterator[Node]:
    """The smallest node around each occurrence of ``needle`` in ``within``'s bytes.

    Finding a rare word by searching the bytes and asking the tree what is
    there beats walking every node of a body in Python; callers check the
    node's type, so hits in strings, comments and longer names drop out.
    """
    if not needle:
        return
    end = within.end_byte
    position = source.find(needle, within.start_byte, end)
    while position >= 0:
        node = within.descendant_for_byte_range(position, position + len(needle))
        if node is not None:
            yield node
        position = source.find(needle, position + len(needle), end)


def owner(node: Node, scopes: frozenset[str]) -> Node | None:
    """The nearest ancestor whose type is one of ``scopes``."""
    for ancestor in ancestors(node):
        if ancestor.type in scopes:
            return ancestor
    return None


_DEF_OR_CLASS = frozenset({"function_definition", "class_definition"})


def calls_itself(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The function's body calls the function by its own name.

    Calls inside nested defs and classes belong to them; lambdas run on the
    function's behalf and count.
    """
    for function in _captured(args, captures):
        name = function.child_by_field_name("name")
        body = function.child_by_field_name("body")
        if name is None or body is None:
            continue
        own = ctx.source[name.start_byte : name.end_byte]
        for node in occurrences(body, own, ctx.source):
            if node.type != "identifier" or node.end_byte - node.start_byte != len(own):
                continue
            call = node.parent
            if call is None or call.type != "call" or call.child_by_field_name("function") != node:
                continue
            if owner(call, _DEF_OR_CLASS) == function:
                return True
    return False


def in_loop(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The node runs inside a loop body of its own function."""
    for node in _captured(args, captures):
        for ancestor in ancestors(node):
            if ancestor.type in SCOPE_TYPES:
                break
            if ancestor.type in LOOP_TYPES:
                return True
    return False


# --- Concept predicates -------------------------------------------------------
# Conditions of the concept rules that need a walk or a negation a query
# cannot say. Each stays within one scope so its cost is linear in the file.

_IMPORT_TYPES = frozenset({"import_statement", "import_from_statement"})


def yields(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The function's own body yields (nested defs, lambdas and classes excluded).

    A ``yield`` turns the enclosing ``def`` into a generator function, but only
    the innermost one: each ``yield`` keyword in the body is attributed to
    its nearest scope.
    """
    for function in _captured(args, captures):
        body = function.child_by_field_name("body")
        if body is None:
            continue
        for node in occurrences(body, b"yield", ctx.source):
            if node.type == "yield" and owner(node, SCOPE_TYPES) == function:
                return True
    return False


def not_assigned_to_name(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The lambda is not one the bug-risk rule lambda-assignment reports.

    That rule (ruff E731) takes ``name = lambda: ...`` as a statement, with
    at most one pair of parentheses around the lambda, and an annotated
    ``name: T = lambda: ...`` outside class bodies. Every other lambda is the
    concept, so each lambda gets exactly one of the two findings.
    """
    for node in _captured(args, captures):
        child, parent = node, node.parent
        if parent is not None and parent.type == "parenthesized_expression":
            child, parent = parent, parent.parent
        if parent is None or parent.type != "assignment":
            continue
        statement = parent.parent
        left = parent.child_by_field_name("left")
        if (
            parent.child_by_field_name("right") != child
            or left is None
            or left.type != "identifier"
            or statement is None
            or statement.type != "expression_statement"
        ):
            continue
        if parent.child_by_field_name("type") is None:
            return False
        scope = next((a for a in ancestors(parent) if a.type in SCOPE_TYPES), None)
        if scope is None or scope.type != "class_definition":
            return False
    return True


def _scope_facts(
    function: Node, ctx: MatchContext, reads: bool = True
) -> tuple[set[str], set[str], set[str]]:
    """Names a function binds locally, names it declares nonlocal/global, and names it reads.

    One walk of the function's own body (nested scopes excluded) gathers
    them, memoized per file: nested functions ask about every enclosing one.
    Enclosing functions are large and only their bindings matter, so
    ``reads=False`` skips collecting every identifier they mention.
    """
    memo = _file_cache(ctx)
    key = ("scope-facts", function.start_byte, function.end_byte, reads)
    cached = memo.get(key)
    if isinstance(cached, tuple):
        return cached
    bound = _parameter_list(function, ctx)
    declared: set[str] = set()
    loads: set[str] = set()
    body = function.child_by_field_name("body")
    for node in descendants(body, stop=SCOPE_TYPES) if body is not None else ():
        kind = node.type
        if kind == "identifier":
            if not reads:
                continue
            parent = node.parent
            if parent is not None:
                if parent.type == "attribute" and parent.child_by_field_name("attribute") == node:
                    continue
                if parent.type == "keyword_argument" and parent.child_by_field_name("name") == node:
                    continue
            loads.add(ctx.text(node))
        elif kind in {"assignment", "augmented_assignment", "for_statement", "for_in_clause"}:
            left = node.child_by_field_name("left")
            if left is not None:
                bound |= target_names(left, ctx)
        elif kind == "named_expression":
            name = node.child_by_field_name("name")
            if name is not None:
                bound.add(ctx.text(name))
        elif kind in {"function_definition", "class_definition"}:
            name = node.child_by_field_name("name")
            if name is not None:
                bound.add(ctx.text(name))
        elif kind == "as_pattern_target":
            for child in node.named_children:
                bound |= target_names(child, ctx)
        elif kind == "aliased_import":
            alias = node.child_by_field_name("alias")
            if alias is not None:
                bound.add(ctx.text(alias))
        elif kind == "dotted_name" and node.parent is not None:
            parent = node.parent
            if parent.type in _IMPORT_TYPES and parent.child_by_field_name("module_name") != node:
                first = node.named_children[0] if node.named_children else node
                bound.add(ctx.text(first))
        elif kind in {"nonlocal_statement", "global_statement"}:
            declared |= {ctx.text(c) for c in node.named_children if c.type == "identifier"}
    facts = (bound - declared, declared, loads)
    memo[key] = facts
    return facts


def closure(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """A nested function reads a name that an enclosing function binds.

    Class bodies in between are skipped, as Python's name resolution does;
    only the nested function's own body counts (defaults and decorators run
    in the enclosing scope).
    """
    for function in _captured(args, captures):
        # Most functions (top-level ones, methods) have no enclosing function:
        # the walk up stops at the first function or reaches the module.
        if not any(a.type in FUNCTION_TYPES for a in ancestors(function)):
            continue
        local, declared, loads = _scope_facts(function, ctx)
        free = (loads - local) | declared
        if not free:
            continue
        for outer in ancestors(function):
            if outer.type in FUNCTION_TYPES and free & _scope_facts(outer, ctx, reads=False)[0]:
                return True
    return False


def defines_methods(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The class (or its body) defines every method named in the arguments."""
    wanted = set(_strings(args))
    for block in _captured(args, captures):
        if block.type == "class_definition":
            block = block.child_by_field_name("body") or block
        names: set[str] = set()
        for statement in block.named_children:
            if statement.type == "decorated_definition":
                statement = statement.child_by_field_name("definition") or statement
            if statement.type == "function_definition":
                name = statement.child_by_field_name("name")
                if name is not None:
                    names.add(ctx.text(name))
        if wanted <= names:
            return True
    return False


def without_argument(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The call's arguments do not pass ``keyword`` with a value matching ``pattern``.

    Arguments: the argument list capture, the keyword, a regular expression
    for the value and optionally the keyword's positional index (``Loader`` is
    the second positional parameter of ``yaml.load``).
    """
    strings = _strings(args)
    if len(strings) < 2:
        return True
    keyword, pattern = strings[0], re.compile(strings[1])
    position = int(strings[2]) if len(strings) > 2 else None
    for arguments in _captured(args, captures):
        positional = 0
        for argument in arguments.named_children:
            if argument.type == "keyword_argument":
                name = argument.child_by_field_name("name")
                value = argument.child_by_field_name("value")
                if name is not None and value is not None and ctx.text(name) == keyword:
                    if pattern.search(ctx.text(value)):
                        return False
            elif argument.type != "comment":
                if positional == position and pattern.search(ctx.text(argument)):
                    return False
                positional += 1
    return True


def argument_count(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The argument list holds exactly N arguments (comments are not arguments).

    Queries can anchor the first and last argument but not forbid others in
    between without listing every expression type, which costs tree-sitter
    a state per alternative at every call.
    """
    wanted = int(_strings(args)[0])
    return all(
        sum(1 for child in node.named_children if child.type != "comment") == wanted
        for node in _captured(args, captures)
    )


def not_imported_module(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The node is not a name bound by a top-level import (negation of imported-module)."""
    return not any(ctx.text(n) in ctx.module_imports for n in _captured(args, captures))


def mutates_loop_iterable(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The captured object is the sequence a surrounding ``for`` loop of the same scope iterates.

    Anchored on the mutation (``items.remove(x)``, ``del items[i]``) so the
    finding lands on it; iterating a copy (``items[:]``, ``list(items)``) is
    the fix and does not match, because only plain names and attributes are
    compared.
    """
    for obj in _captured(args, captures):
        seq = ctx.text(obj)
        previous = obj
        for ancestor in ancestors(obj):
            if ancestor.type in SCOPE_TYPES:
                break
            in_body = ancestor.child_by_field_name("body") == previous
            if ancestor.type == "for_statement" and in_body:
                iterated = ancestor.child_by_field_name("right")
                if (
                    iterated is not None
                    and iterated.type in {"identifier", "attribute"}
                    and ctx.text(iterated) == seq
                    and not _rebound_in(previous, seq, ctx)
                ):
                    return True
            previous = ancestor
    return False


def _rebound_in(body: Node, name: str, ctx: MatchContext) -> bool:
    """The block assigns a new object to ``name``: later mutations hit that one."""
    for node in descendants(body, stop=SCOPE_TYPES):
        if node.type == "assignment":
            left = node.child_by_field_name("left")
            if left is not None and ctx.text(left) == name:
                return True
    return False


# --- Bug-risk predicates: the few semantic checks the ruff peer rules make ---
#
# Name resolution here is deliberately small: a file's imports are read once
# (a regex over the source, cheaper than a tree walk), and a builtin counts as
# shadowed when an enclosing scope binds the name. That is what ruff's peer
# rules consult (qualified names of callees, builtin bindings), without a full
# semantic model.


def _file_cache(ctx: MatchContext) -> dict[object, object]:
    """Memo for one analysis run: predicates fire per match, facts are per file."""
    return ctx.memo


def _imports(ctx: MatchContext) -> dict[str, str]:
    """Local name -> qualified name for every import statement in the file."""
    return ctx.import_map


_TARGET_WRAPPERS = frozenset(
    {
        "pattern_list",
        "tuple_pattern",
        "list_pattern",
        "list_splat_pattern",
        "parenthesized_expression",
        "tuple",
        "list",
        "expression_list",
    }
)
_PARAMETER_PARENTS = frozenset({"parameters", "lambda_parameters", "typed_parameter"})
_NOT_A_NAME_PARENTS = frozenset(
    {
        "import_statement",
        "import_from_statement",
        "dotted_name",
        "aliased_import",
        "global_statement",
        "nonlocal_statement",
        "delete_statement",
    }
)


def name_context(node: Node) -> str:
    """``load``, ``store`` or ``other`` (not a variable reference) for an identifier."""
    parent = node.parent
    if parent is None:
        return "load"
    kind = parent.type
    if kind in _NOT_A_NAME_PARENTS or kind in _PARAMETER_PARENTS:
        return "other"
    if kind in {"attribute", "keyword_argument", "function_definition", "class_definition"}:
        field = "attribute" if kind == "attribute" else "name"
        if parent.child_by_field_name(field) == node:
            return "other"
    if kind in {"default_parameter", "typed_default_parameter"}:
        return "other" if parent.child_by_field_name("name") == node else "load"
    if kind in {"list_splat_pattern", "dictionary_splat_pattern"}:
        grand = parent.parent
        if grand is not None and grand.type in _PARAMETER_PARENTS:
            return "other"
    if kind == "as_pattern_target":
        grand = parent.parent
        owner = grand.parent if grand is not None else None
        return "other" if owner is not None and owner.type == "except_clause" else "store"
    if kind == "expression_list" and parent.parent is not None:
        if parent.parent.type == "delete_statement":
            return "other"
    child, current = node, parent
    while current.type in _TARGET_WRAPPERS and current.parent is not None:
        child, current = current, current.parent
    kind = current.type
    if kind in {"assignment", "augmented_assignment", "for_statement", "for_in_clause"}:
        if current.child_by_field_name("left") == child:
            return "store"
    elif kind == "named_expression" and current.child_by_field_name("name") == child:
        return "store"
    return "load"


def _parameter_list(function: Node, ctx: MatchContext) -> set[str]:
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


def _target_names(target: Node, ctx: MatchContext) -> list[str]:
    """Names an assignment target binds, the way ruff's B023 collects them."""
    names: list[str] = []
    stack = [target]
    while stack:
        node = stack.pop()
        if node.type == "identifier":
            names.append(ctx.text(node))
        elif node.type in _TARGET_WRAPPERS:
            stack.extend(node.named_children)
    return names


def _function_facts(function: Node, ctx: MatchContext) -> tuple[set[str], set[str]]:
    """Names a function or lambda body may not borrow from a loop: its own bindings.

    Mirrors ruff's B023: parameters, names stored anywhere in the body, and
    for a ``def`` also the parameters of lambdas in its body.
    """
    memo = _file_cache(ctx)
    key = ("function", function.start_byte, function.end_byte)
    cached = memo.get(key)
    if isinstance(cached, tuple):
        return cached
    own = _parameter_list(function, ctx)
    stored: set[str] = set()
    body = function.child_by_field_name("body")
    if body is not None:
        nodes = [body] if body.type == "identifier" else list(descendants(body))
        for node in nodes:
            if node.type == "identifier":
                if name_context(node) == "store":
                    stored.add(ctx.text(node))
            elif node.type == "lambda" and function.type == "function_definition":
                own |= _parameter_list(node, ctx)
    facts = (own, stored)
    memo[key] = facts
    return facts


def _loop_assigned(loop: Node, ctx: MatchContext) -> set[str]:
    """Names a loop or comprehension (re)assigns, not looking into defs or lambdas."""
    memo = _file_cache(ctx)
    key = ("loop", loop.start_byte, loop.end_byte, loop.type)
    cached = memo.get(key)
    if isinstance(cached, set):
        return cached
    names: set[str] = set()
    nodes = [loop, *descendants(loop, stop=frozenset({"function_definition", "lambda"}))]
    for node in nodes:
        if node.type in {"assignment", "augmented_assignment", "for_statement", "for_in_clause"}:
            left = node.child_by_field_name("left")
            if left is not None:
                names.update(_target_names(left, ctx))
    memo[key] = names
    return names


_KEY_FUNCTIONS = frozenset({"filter", "reduce", "map"})


def _safe_lambda(lam: Node, ctx: MatchContext) -> bool:
    """Lambdas ruff's B023 trusts to run at once.

    Those returned, passed positionally to map/filter/reduce, or passed as ``key=``.
    """
    node, parent = lam, lam.parent
    while parent is not None and parent.type == "parenthesized_expression":
        node, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type == "return_statement":
        return True
    if parent.type == "keyword_argument":
        name = parent.child_by_field_name("name")
        return (
            parent.child_by_field_name("value") == node
            and name is not None
            and (ctx.text(name) == "key")
        )
    if parent.type == "argument_list" and parent.parent is not None:
        callee = parent.parent.child_by_field_name("function")
        if callee is None:
            return False
        text = ctx.text(callee)
        return (callee.type == "identifier" and text in _KEY_FUNCTIONS) or text == (
            "functools.reduce"
        )
    return False


_LOOPS_AND_COMPREHENSIONS = LOOP_TYPES | COMPREHENSION_TYPES


def _late_bound(name_node: Node, ctx: MatchContext) -> bool:
    """The identifier is read by a def/lambda body but rebound by an enclosing loop.

    Same reasoning as ruff's B023: for every enclosing loop or comprehension,
    the outermost function between it and the name must not bind the name
    itself (parameter or assignment), while the loop assigns it.
    """
    if name_context(name_node) != "load":
        return False
    name = ctx.text(name_node)
    function: Node | None = None
    child = name_node
    for ancestor in ancestors(name_node):
        kind = ancestor.type
        if kind in FUNCTION_TYPES:
            in_body = ancestor.child_by_field_name("body") == child
            if kind == "lambda" and _safe_lambda(ancestor, ctx):
                pass
            else:
                function = ancestor if in_body else None
        elif kind in _LOOPS_AND_COMPREHENSIONS and function is not None:
            own, stored = _function_facts(function, ctx)
            if name not in own and name not in stored and name in _loop_assigned(ancestor, ctx):
                return True
        child = ancestor
    return False


def _loop_body_of(node: Node) -> Node | None:
    """The innermost ``for``/``while`` body holding the node (an else clause is no body)."""
    child = node
    for ancestor in ancestors(node):
        if ancestor.type in LOOP_TYPES and ancestor.child_by_field_name("body") == child:
            return child
        child = ancestor
    return None


def _is_closure(node: Node) -> bool:
    """What loop-variable-closure examines: every lambda, and every def in a loop body."""
    return node.type == "lambda" or (
        node.type == "function_definition" and _loop_body_of(node) is not None
    )


def _defs_in_loop_body(body: Node, ctx: MatchContext) -> Iterator[Node]:
    """The defs whose innermost enclosing loop body is ``body``, at any depth.

    Searching the body's bytes for the keyword finds them without walking
    every node of the loop; each def belongs to one loop body only.
    """
    for keyword in occurrences(body, b"def", ctx.source):
        function = keyword.parent
        if (
            keyword.type == "def"
            and function is not None
            and function.type == "function_definition"
            and _loop_body_of(function) == body
        ):
            yield function


def _closure_names(closure: Node) -> Iterator[Node]:
    """The identifiers in a closure's body, except those in the bodies of closures nested in it.

    A nested closure is examined on its own, so each identifier is reported
    by exactly one closure: the same finding, with the same span, whether a
    whole file or only an edited region is analysed. A nested closure's
    parameters, defaults and annotations are evaluated in the enclosing body
    and belong to it. A def's statements are not names themselves, only
    what they hold.
    """
    body = closure.child_by_field_name("body")
    if body is None:
        return
    if closure.type == "lambda":
        stack = [body]
    else:
        stack = [s for s in reversed(body.named_children) if s.type != "identifier"]
    while stack:
        node = stack.pop()
        kind = node.type
        if kind == "identifier":
            yield node
        elif kind in FUNCTION_TYPES:
            inner = node.child_by_field_name("body") if _is_closure(node) else None
            stack.extend(c for c in reversed(node.named_children) if c != inner)
        else:
            stack.extend(reversed(node.named_children))


def late_bound_names(ctx: MatchContext, scopes: Sequence[Node]) -> Iterator[Node]:
    """Reporter of loop-variable-closure: the names closures read late (ruff's B023).

    Each scope is a lambda or a loop body, whose defs (at any depth) are the
    closures examined: a query can only enumerate names, or defs, down to a
    fixed depth, with one costly pattern per depth. The findings' span is
    their scope. Besides the scope, ``_late_bound`` reads only loops,
    functions and calls that hold the name, so each lies inside the scope
    or holds it, and the statement a document re-analyses for an edit in
    them holds the scope too.
    """
    for scope in scopes:
        closures = [scope] if scope.type == "lambda" else _defs_in_loop_body(scope, ctx)
        for closure in closures:
            yield from (name for name in _closure_names(closure) if _late_bound(name, ctx))


def _scope_of(node: Node) -> list[Node]:
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


_NESTED_SCOPES = frozenset({"function_definition", "class_definition", "lambda"}) | (
    COMPREHENSION_TYPES
)


_COMPOUND = frozenset(
    {
        "if_statement",
        "elif_clause",
        "else_clause",
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


def _bound_in_scope(scope: Node, ctx: MatchContext) -> set[str]:
    """Names a scope binds: parameters, assignments, loop targets, defs, classes, imports.

    Bindings are statements, so the walk visits statements and the blocks of
    compound statements only, never expressions: a fraction of the nodes.
    """
    memo = _file_cache(ctx)
    key = ("scope", scope.start_byte, scope.end_byte, scope.type)
    cached = memo.get(key)
    if isinstance(cached, set):
        return cached
    names: set[str] = set()
    if scope.type in FUNCTION_TYPES:
        names |= _parameter_list(scope, ctx)
    body = scope if scope.type == "module" else scope.child_by_field_name("body")
    if body is not None and scope.type != "lambda":
        _statement_bindings(body.named_children, ctx, names)
    memo[key] = names
    return names


def _statement_bindings(statements: list[Node], ctx: MatchContext, names: set[str]) -> None:
    """Adds the names ``statements`` bind in their own scope (nested scopes excluded)."""
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
                            names.update(_target_names(left, ctx))
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
                names.update(_import_bindings(statement, ctx))
            elif kind == "for_statement":
                left = statement.child_by_field_name("left")
                if left is not None:
                    names.update(_target_names(left, ctx))
                stack.append(statement.named_children)
            elif kind in _COMPOUND:
                if kind == "with_statement" or kind == "except_clause":
                    for node in descendants(statement, stop=_NESTED_SCOPES | {"block"}):
                        if node.type == "as_pattern_target" and node.named_children:
                            names.update(_target_names(node.named_children[0], ctx))
                stack.append(statement.named_children)


BUILTIN_NAMES = frozenset(dir(builtins))


def _is_builtin(node: Node, ctx: MatchContext) -> bool:
    """The identifier refers to the builtin of that name: no scope around it rebinds it."""
    name = ctx.text(node)
    if name not in BUILTIN_NAMES or name in _imports(ctx):
        return False
    return not any(name in _bound_in_scope(scope, ctx) for scope in _scope_of(node))


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
    imports = _imports(ctx)
    if head in imports:
        base = imports[head]
    elif _is_builtin(current, ctx):
        base = "builtins." + head
    else:
        return None
    return ".".join([base, *reversed(parts)])


def _unsubscripted(node: Node) -> Node:
    """``tuple[int]`` -> ``tuple``: what a subscripted callee or annotation names."""
    if node.type == "subscript":
        value = node.child_by_field_name("value")
        if value is not None:
            return value
    return node


_IMMUTABLE_TYPES = frozenset(
    {
        "collections.abc.Sized",
        "typing.LiteralString",
        "typing.Sized",
        *(f"builtins.{n}" for n in ("bool", "bytes", "complex", "float", "frozenset", "int")),
        *(f"builtins.{n}" for n in ("object", "range", "str")),
    }
)
_IMMUTABLE_GENERICS = frozenset(
    {
        "builtins.tuple",
        *(
            f"collections.abc.{n}"
            for n in (
                "ByteString Collection Container Iterable Mapping Reversible Sequence Set".split()
            )
        ),
        *(
            f"typing.{n}"
            for n in (
                "AbstractSet ByteString Callable Collection Container FrozenSet Iterable "
                "Literal Mapping Never NoReturn Reversible Sequence Tuple"
            ).split()
        ),
    }
)
MUTABLE_CALLS = frozenset(
    {
        "builtins.dict",
        "builtins.list",
        "builtins.set",
        "collections.Counter",
        "collections.OrderedDict",
        "collections.defaultdict",
        "collections.deque",
    }
)
IMMUTABLE_CALLS = frozenset(
    {
        *(f"datetime.{n}" for n in ("date", "datetime", "time", "timedelta", "timezone", "tzinfo")),
        "decimal.Decimal",
        "fractions.Fraction",
        "operator.attrgetter",
        "operator.itemgetter",
        "operator.methodcaller",
        "pathlib.Path",
        "types.MappingProxyType",
        "re.compile",
        *(
            f"builtins.{n}"
            for n in ("bool", "bytes", "complex", "float", "frozenset", "int", "str", "tuple")
        ),
    }
)


def _immutable_annotation(annotation: Node, ctx: MatchContext) -> bool:
    """ruff's notion of an immutable annotation (``Sequence[int]``, ``int | None``, ...)."""
    stack = [annotation]
    while stack:
        node = stack.pop()
        kind = node.type
        if kind in {"type", "parenthesized_expression"} and node.named_children:
            stack.append(node.named_children[0])
        elif kind in {"identifier", "attribute"}:
            name = qualified_name(node, ctx)
            if name not in _IMMUTABLE_TYPES and name not in _IMMUTABLE_GENERICS:
                return False
        elif kind in {"subscript", "generic_type"}:
            value = node.child_by_field_name("value") or node.named_children[0]
            name = qualified_name(value, ctx)
            items = [c for c in node.children_by_field_name("subscript")]
            if kind == "generic_type":
                args = node.named_children[-1]
                items = [c for c in args.named_children]
            if name in _IMMUTABLE_GENERICS:
                continue
            if name == "typing.Union" and len(items) > 1:
                stack.extend(items)
            elif name == "typing.Optional" and len(items) == 1:
                stack.extend(items)
            elif name in {"typing.Annotated", "typing_extensions.Annotated"} and len(items) > 1:
                stack.append(items[0])
            else:
                return False
        elif kind == "binary_operator":
            operator = node.child_by_field_name("operator")
            if operator is None or operator.type != "|":
                return False
            stack.extend(c for c in (node.child_by_field_name(f) for f in ("left", "right")) if c)
        elif kind != "none":
            return False
    return True


def _typed_default_is_immutable(value: Node, ctx: MatchContext) -> bool:
    param = value.parent
    while param is not None and param.type not in {"default_parameter", "typed_default_parameter"}:
        if param.type == "lambda":
            return True  # ruff does not look inside lambdas in defaults
        param = param.parent
    if param is None or param.type != "typed_default_parameter":
        return False
    annotation = param.child_by_field_name("type")
    return annotation is not None and _immutable_annotation(annotation, ctx)


def mutable_default(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """A default value that builds a mutable object, unless the annotation is immutable (B006)."""
    for value in _captured(args, captures):
        if value.type == "call":
            callee = value.child_by_field_name("function")
            if callee is None or qualified_name(_unsubscripted(callee), ctx) not in MUTABLE_CALLS:
                return False
        if _typed_default_is_immutable(value, ctx):
            return False
    return True


def call_in_default(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """A call in a default value that is neither a known-mutable nor an immutable builder (B008)."""
    for call in _captured(args, captures):
        callee = call.child_by_field_name("function")
        if callee is None or _typed_default_is_immutable(call, ctx):
            return False
        if qualified_name(callee, ctx) in MUTABLE_CALLS:
            return False
        if qualified_name(_unsubscripted(callee), ctx) in IMMUTABLE_CALLS:
            return False
    return True


_STRING_PREFIX = re.compile(rb"^[rRbBuU]*['\"]")


def _is_constant(node: Node, ctx: MatchContext) -> bool:
    """ruff's ``is_constant``: a number, non-f string, bytes, singleton, or tuple of them."""
    stack = [node]
    while stack:
        current = stack.pop()
        kind = current.type
        if kind == "tuple":
            stack.extend(current.named_children)
        elif kind == "concatenated_string":
            stack.extend(current.named_children)
        elif kind == "string":
            if not _STRING_PREFIX.match(ctx.source[current.start_byte : current.end_byte]):
                return False
        elif kind not in {"integer", "float", "true", "false", "none", "ellipsis"}:
            if kind != "comment":
                return False
    return True


_SINGLETONS = frozenset({"true", "false", "none", "ellipsis"})


def constant_non_singleton(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """ruff's ``is_constant_non_singleton``: a literal constant other than True/False/None/..."""
    nodes = _captured(args, captures)
    return bool(nodes) and all(n.type not in _SINGLETONS and _is_constant(n, ctx) for n in nodes)


def not_constant_non_singleton(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The operand is not a literal constant other than a singleton (E711/E712 skip those)."""
    return not constant_non_singleton(ctx, args, captures)


_IDENTITY_LITERALS = frozenset(
    {"list", "dictionary", "set", "list_comprehension", "dictionary_comprehension"}
    | {"set_comprehension"}
)


def identity_literal(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """An operand ``is`` must not be used with: a constant or a fresh container (F632)."""
    nodes = _captured(args, captures)
    return bool(nodes) and all(
        n.type in _IDENTITY_LITERALS or constant_non_singleton(ctx, [("n", "capture")], {"n": [n]})
        for n in nodes
    )


_TYPE_NAMES = frozenset(
    (
        "bool bytearray bytes classmethod complex dict enumerate filter float frozenset int list "
        "map memoryview object property range reversed set slice staticmethod str super tuple "
        "type zip ArithmeticError AssertionError AttributeError BaseException BlockingIOError "
        "BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError "
        "ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning "
        "EnvironmentError EOFError Exception FileExistsError FileNotFoundError FloatingPointError "
        "FutureWarning GeneratorExit ImportError ImportWarning IndentationError IndexError "
        "InterruptedError IOError IsADirectoryError KeyboardInterrupt KeyError LookupError "
        "MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplementedError OSError "
        "OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError "
        "ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration "
        "StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError "
        "TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError "
        "UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError"
    ).split()
)


def _is_type(node: Node, ctx: MatchContext) -> bool:
    if node.type == "call":
        callee = node.child_by_field_name("function")
        return (
            callee is not None
            and callee.type == "identifier"
            and (ctx.text(callee) == "type" and _is_builtin(callee, ctx))
        )
    if node.type == "identifier":
        return ctx.text(node) in _TYPE_NAMES and _is_builtin(node, ctx)
    return False


def _is_dtype(node: Node, ctx: MatchContext) -> bool:
    if node.type == "call":
        callee = node.child_by_field_name("function")
        return callee is not None and qualified_name(callee, ctx) == "numpy.dtype"
    if node.type == "attribute":
        attribute = node.child_by_field_name("attribute")
        return attribute is not None and ctx.text(attribute) == "dtype"
    return False


def type_comparison(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """``==``/``!=`` between operands one of which is a type, neither a dtype (E721)."""
    left = _captured(args, captures, 0)
    right = _captured(args, captures, 1)
    if not left or not right:
        return False
    a, b = left[0], right[0]
    if not (_is_type(a, ctx) or _is_type(b, ctx)):
        return False
    return not (_is_dtype(a, ctx) or _is_dtype(b, ctx))


def no_bare_reraise(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The handler's body does not itself re-raise with a bare ``raise`` (E722 skips those)."""
    for handler in _captured(args, captures):
        for child in handler.named_children:
            if child.type != "block":
                continue
            for statement in child.named_children:
                if statement.type == "raise_statement" and not statement.named_children:
                    return False
    return True


def outside_class_body(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The node's innermost scope is not a class body."""
    for node in _captured(args, captures):
        scopes = _scope_of(node)
        if scopes and scopes[0].type == "class_definition":
            return False
    return True


def _rebinds(node: Node, name: str, ctx: MatchContext) -> bool:
    """The statement binds ``name`` the way ruff's PLW0603 counts an update."""
    kind = node.type
    if kind in {"assignment", "augmented_assignment"}:
        left = node.child_by_field_name("left")
        while left is not None and left.type == "parenthesized_expression" and left.named_children:
            left = left.named_children[0]
        return left is not None and left.type == "identifier" and ctx.text(left) == name
    if kind in {"function_definition", "class_definition"}:
        own = node.child_by_field_name("name")
        return own is not None and ctx.text(own) == name
    if kind == "delete_statement":
        targets = node.named_children
        if targets and targets[0].type == "expression_list":
            targets = targets[0].named_children
        return any(t.type == "identifier" and ctx.text(t) == name for t in targets)
    if kind in {"import_statement", "import_from_statement"}:
        for item in node.children_by_field_name("name"):
            if item.type == "aliased_import":
                alias = item.child_by_field_name("alias")
                if alias is not None and ctx.text(alias) == name:
                    return True
            elif item.type == "dotted_name":
                parts = item.named_children
                if kind == "import_statement" and len(parts) == 1 and ctx.text(parts[0]) == name:
                    return True
                if kind == "import_from_statement" and ctx.text(item) == name:
                    return True
    return False


_REBINDING = frozenset(
    {
        "assignment",
        "augmented_assignment",
        "function_definition",
        "class_definition",
        "delete_statement",
        "import_statement",
        "import_from_statement",
    }
)


def _global_facts(scope: Node, ctx: MatchContext) -> tuple[dict[str, int], set[str]]:
    """For one scope: where each name's last ``global`` statement starts, and the names rebound.

    Computed once per scope and memoised, since every name of every
    ``global`` statement in the scope asks the same question.
    """
    memo = _file_cache(ctx)
    key = ("globals", scope.start_byte, scope.end_byte, scope.type)
    cached = memo.get(key)
    if isinstance(cached, tuple):
        return cached
    last: dict[str, int] = {}
    statements: list[Node] = []
    body = scope if scope.type == "module" else scope.child_by_field_name("body")
    if body is not None:
        for node in descendants(body, stop=_NESTED_SCOPES):
            if node.type == "global_statement":
                for child in node.named_children:
                    last[ctx.text(child)] = node.start_byte
            elif node.type in _REBINDING:
                statements.append(node)
    rebound = {name for name in last if any(_rebinds(s, name, ctx) for s in statements)}
    facts = (last, rebound)
    memo[key] = facts
    return facts


def global_rebound(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The scope declaring the name ``global`` also assigns, defines, imports or deletes it.

    Like ruff's PLW0603, only the scope's last ``global`` statement for a name
    is reported, and loop/with/except targets do not count as updates.
    """
    for name_node in _captured(args, captures):
        statement = name_node.parent
        scopes = _scope_of(name_node)
        if statement is None or not scopes:
            return False
        last, rebound = _global_facts(scopes[0], ctx)
        name = ctx.text(name_node)
        if name not in rebound or last.get(name) != statement.start_byte:
            return False
    return True


def builtin(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The identifier is the builtin of that name (not shadowed, not imported).

    ``filter(tarinfo)`` with a parameter called ``filter`` is not the
    built-in ``filter``; concept rules about builtins ask this first.
    """
    nodes = _captured(args, captures)
    return bool(nodes) and all(_is_builtin(n, ctx) for n in nodes)


def recursive(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The function calls itself: ``calls-itself`` under the recursion rule's name."""
    return calls_itself(ctx, args, captures)


PREDICATES: dict[str, Predicate] = {
    "pyiq-mutable-default?": mutable_default,
    "pyiq-call-in-default?": call_in_default,
    "pyiq-not-constant-non-singleton?": not_constant_non_singleton,
    "pyiq-identity-literal?": identity_literal,
    "pyiq-type-comparison?": type_comparison,
    "pyiq-no-bare-reraise?": no_bare_reraise,
    "pyiq-outside-class-body?": outside_class_body,
    "pyiq-global-rebound?": global_rebound,
    "pyiq-imported-module?": imported_module,
    "pyiq-calls-itself?": calls_itself,
    "pyiq-in-loop?": in_loop,
    "pyiq-yields?": yields,
    "pyiq-not-assigned-to-name?": not_assigned_to_name,
    "pyiq-closure?": closure,
    "pyiq-defines-methods?": defines_methods,
    "pyiq-without-argument?": without_argument,
    "pyiq-not-imported-module?": not_imported_module,
    "pyiq-argument-count?": argument_count,
    "pyiq-mutates-loop-iterable?": mutates_loop_iterable,
    "pyiq-builtin?": builtin,
    "pyiq-recursive?": recursive,
}


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
    find: Callable[[MatchContext, Sequence[Node]], Iterable[Node]]


REPORTERS: dict[str, Reporter] = {
    "pyiq-late-bound-names": Reporter("name", late_bound_names),
}


def shadowed_builtins(statement: Node, source: bytes) -> frozenset[str]:
    """Builtin names a top-level statement rebinds at module scope.

    Only builtins matter: the module scope enters analysis through
    ``_is_builtin``, which asks whether a builtin's name is rebound. The
    incremental document keeps this per top-level statement, so a keystroke
    recomputes it for the statements it touched only, and re-analyses the
    whole file only when the union changes.
    """
    names: set[str] = set()
    _statement_bindings([statement], MatchContext(source), names)
    return frozenset(names & BUILTIN_NAMES)
