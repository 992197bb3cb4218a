"""Predicates of the security rules: which call a name resolves to, and how it is called.

ruff's flake8-bandit peers (S301, S307, S506, S602) resolve callees through
the file's imports, so ``from yaml import load`` is ``yaml.load`` and a
``load`` that nothing imports is not. The concept rules on the same calls
(``yaml-load``, ``pickle``) ask the negation, so each call gets one finding.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Sequence

from tree_sitter import Node

from pyiq.analysis.predicates.context import (
    Args,
    Captures,
    MatchContext,
    captured_nodes,
    string_args,
)
from pyiq.analysis.predicates.names import is_builtin, may_resolve_into, qualified_name

_SAFE_YAML_LOADERS = frozenset(
    {
        "yaml.SafeLoader",
        "yaml.CSafeLoader",
        "yaml.loader.SafeLoader",
        "yaml.loader.CSafeLoader",
        "yaml.cyaml.CSafeLoader",
    }
)


def _arguments(argument_list: Node) -> Iterable[Node]:
    """The arguments of a call, comments left out."""
    return (child for child in argument_list.named_children if child.type != "comment")


def argument_value(
    argument_list: Node, keyword: str, position: int, ctx: MatchContext
) -> Node | None:
    """ruff's ``find_argument_value``: the ``keyword=`` value, else the ``position``-th positional.

    Positional arguments are counted up to the first ``*args``, as ruff does.
    """
    positional = 0
    found: Node | None = None
    for argument in _arguments(argument_list):
        if argument.type == "keyword_argument":
            name = argument.child_by_field_name("name")
            if name is not None and ctx.text(name) == keyword:
                return argument.child_by_field_name("value")
        elif argument.type in {"list_splat", "dictionary_splat"}:
            positional = -1 if argument.type == "list_splat" else positional
        elif positional >= 0 and found is None:
            if positional == position:
                found = argument
            positional += 1
    return found


def _yaml_load_target(call: Node, ctx: MatchContext) -> Node | None:
    """The node S506 reports on a ``yaml.load`` call, or None when the call is safe."""
    callee = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    if callee is None or arguments is None or arguments.type != "argument_list":
        return None
    if not may_resolve_into("yaml", ctx) or qualified_name(callee, ctx) != "yaml.load":
        return None
    loader = argument_value(arguments, "Loader", 1, ctx)
    if loader is None:
        return callee
    if qualified_name(loader, ctx) in _SAFE_YAML_LOADERS:
        return None
    return loader


def unsafe_yaml_load(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """A ``yaml.load`` call without a safe loader (S506)."""
    calls = captured_nodes(args, captures)
    return bool(calls) and all(_yaml_load_target(call, ctx) is not None for call in calls)


def not_unsafe_yaml_load(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The call around the captured callee is not one unsafe-yaml-load reports."""
    for callee in captured_nodes(args, captures):
        call = callee.parent
        if call is not None and call.type == "call" and _yaml_load_target(call, ctx) is not None:
            return False
    return True


def yaml_loader_target(ctx: MatchContext, calls: Sequence[Node]) -> Iterable[Node]:
    """Where S506 reports: the unsafe ``Loader`` argument, else the callee."""
    for call in calls:
        target = _yaml_load_target(call, ctx)
        if target is not None:
            yield target


def _reachable(wanted: set[str], ctx: MatchContext) -> bool:
    """Whether some name of the file can resolve to one of ``wanted`` (checked once per run).

    A rule matching every call asks this for each one: the answer is kept per
    set of names, so the modules are looked up once.
    """
    key = ("reachable", frozenset(wanted))
    known = ctx.memo.get(key)
    if known is None:
        modules = {name.partition(".")[0] for name in wanted}
        known = any(may_resolve_into(module, ctx) for module in modules)
        ctx.memo[key] = known
    return bool(known)


def resolves_to(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The name or attribute chain resolves, through imports or builtins, to one of the names."""
    wanted = set(string_args(args))
    if not _reachable(wanted, ctx):
        return False
    nodes = captured_nodes(args, captures)
    return bool(nodes) and all(qualified_name(node, ctx) in wanted for node in nodes)


def not_resolves_to(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """Negation of ``resolves_to``: the concept keeps the calls its bug risk does not own."""
    wanted = set(string_args(args))
    if not _reachable(wanted, ctx):
        return True
    return not any(qualified_name(node, ctx) in wanted for node in captured_nodes(args, captures))


def builtin_eval(ctx: MatchContext, args: Args, captures: Captures) -> bool:
    """The callee is the builtin ``eval``: a bare unshadowed name, ``builtins.eval``, or an
    import of it (``from builtins import eval as evaluate``) (S307)."""
    nodes = captured_nodes(args, captures)
    for node in nodes:
        if node.type == "identifier" and ctx.text(node) == "eval" and is_builtin(node, ctx):
            continue
        if qualified_name(node, ctx) != "builtins.eval":
            return False
    return bool(nodes)


_SUBPROCESS_CALLS = frozenset(
    f"subprocess.{name}" for name in ("Popen", "call", "check_call", "check_output", "run")
)
_EMPTY_CALLS = frozenset({"list", "tuple", "set", "frozenset", "dict", "str", "bytes"})


def _truthy(value: Node, ctx: MatchContext) -> bool:
    """ruff's ``Truthiness::from_expr`` is True or Truthy: a value that is certainly true."""
    kind = value.type
    if kind == "true" or kind in {"lambda", "generator_expression", "ellipsis"}:
        return True
    if kind in {"integer", "float"}:
        try:
            return bool(ast.literal_eval(ctx.text(value)))
        except (ValueError, SyntaxError):
            return False
    if kind == "string":
        return _string_non_empty(value, ctx)
    if kind == "concatenated_string":
        return any(_string_non_empty(part, ctx) for part in value.named_children)
    if kind in {"list", "tuple", "set"}:
        items = [c for c in value.named_children if c.type != "comment"]
        return bool(items) and not all(c.type == "list_splat" for c in items)
    if kind == "dictionary":
        items = [c for c in value.named_children if c.type != "comment"]
        return bool(items) and not all(c.type == "dictionary_splat" for c in items)
    if kind == "parenthesized_expression":
        inner = [c for c in value.named_children if c.type != "comment"]
        return len(inner) == 1 and _truthy(inner[0], ctx)
    if kind == "call":
        callee = value.child_by_field_name("function")
        arguments = value.child_by_field_name("arguments")
        if callee is None or callee.type != "identifier" or arguments is None:
            return False
        if ctx.text(callee) not in _EMPTY_CALLS or not is_builtin(callee, ctx):
            return False
        items = list(_arguments(arguments))
        if len(items) != 1 or items[0].type in {"keyword_argument", "list_splat"}:
            return False
        item = items[0]
        if item.type in {"integer", "float", "true", "false", "none", "ellipsis", "lambda"}:
            return False
        if item.type == "generator_expression":
            return False
        return _truthy(item, ctx)
    return False


def _string_non_empty(string: Node, ctx: MatchContext) -> bool:
    """A string literal with at least one character of literal text (f-strings: or a field)."""
    return any(
        child.type in {"string_content", "escape_sequence", "interpolation"}
        for child in string.named_children
    )


def shell_calls(ctx: MatchContext, callees: Sequence[Node]) -> Iterator[tuple[Node, Node]]:
    """Each ``subprocess`` callee called with a command and a certainly true ``shell=`` (S602).

    Yields the callee, where the finding goes, with the ``shell`` value its
    message names. The rule's query matches the call alone: matching its
    ``shell=`` argument in the query would try every keyword argument of
    every call to a function named ``run`` or ``call``.
    """
    if not may_resolve_into("subprocess", ctx):
        return
    for callee in callees:
        call = callee.parent
        arguments = call.child_by_field_name("arguments") if call is not None else None
        if arguments is None or arguments.type != "argument_list":
            continue
        if qualified_name(callee, ctx) not in _SUBPROCESS_CALLS:
            continue
        items = list(_arguments(arguments))
        value = next(
            (
                value
                for item in items
                if item.type == "keyword_argument"
                and (name := item.child_by_field_name("name")) is not None
                and ctx.text(name) == "shell"
                and (value := item.child_by_field_name("value")) is not None
                and _truthy(value, ctx)
            ),
            None,
        )
        if value is None:
            continue
        has_command = any(
            a.type not in {"keyword_argument", "dictionary_splat"}
            or (
                a.type == "keyword_argument"
                and ctx.text(a.child_by_field_name("name") or a) == "args"
            )
            for a in items
        )
        if has_command:
            yield callee, value
