"""Plans the combined rule query: patterns that differ only in names and constants run once.

tree-sitter's query cursor pays for every pattern that can start at a node
(each one becomes a state it carries through the node's subtree) and
py-tree-sitter builds Python objects for every candidate match. Many rules
share a shape: thirteen rules look for ``import X`` and differ only in ``X``;
eight look for a method of a class and differ only in its name. The planner
groups patterns whose structure is identical once capture names are
canonical and predicates are set aside, and compiles each group as one
pattern whose only filter is the union of the members' string constants.
The engine then tells members apart in Python, on the few matches that pass
that filter, by evaluating each member's own predicates (see ``evaluate``).

Patterns with no twin are compiled verbatim, predicates and all, so they keep
tree-sitter's own evaluation.

Compiling the query is most of a server's start-up beyond importing pygls,
and tree-sitter's share of it is an analysis of every pattern step that has
children and names its node type (a wildcard ``(_ ...)`` is not analysed):
about 0.7 ms each for an expression such as ``call`` or ``attribute``,
however deep the step sits. A nested step whose node type one of its fields
already decides (only ``attribute`` nodes have an ``object:`` field) matches
exactly the same nodes as a wildcard, so the planner writes it as one
(``field_wildcards``); so does one in a field that holds a single type (a
``class_definition``'s ``body:`` is a ``block``), and one with a field that
no other type its parent can hold has: 59 analysed steps fewer, a quarter of
the compile time.
A pattern's root keeps its type: the cursor would try a wildcard root at
every node of the tree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from tree_sitter import Node

from pyiq.analysis.predicates import PREDICATES, MatchContext
from pyiq.analysis.predicates.names import spelled

if TYPE_CHECKING:
    from pyiq.analysis.registry import Rule

Args = tuple[tuple[str, str], ...]
Captures = Mapping[str, Sequence[Node]]
Check = Callable[[Captures, MatchContext], bool]

# Tokens of the query language: strings, comments, brackets, captures,
# predicates/directives (``#name``) and everything else as words.
_TOKEN = re.compile(
    r'"(?:\\.|[^"\\])*"'  # string
    r"|;[^\n]*"  # comment
    r"|[()\[\]]"  # brackets
    r"|@[A-Za-z0-9_.\-]+"  # capture
    r'|[^\s()\[\]";@]+'  # word: node type, field, anchor, quantifier, #predicate
)
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0"}


class PlanError(ValueError):
    """Rule source the planner cannot split; the caller names the file."""


@dataclass(frozen=True, slots=True)
class Predicate:
    """``(#name args...)``; each argument is (value, "capture" | "string")."""

    name: str
    args: Args


@dataclass(frozen=True, slots=True)
class Pattern:
    """One top-level pattern of a rule file, taken apart.

    ``shape`` (the structure, captures renamed, predicates left out) and
    ``planned`` (the text as the planned query compiles it) have
    ``field_wildcards`` applied; ``text`` is the pattern as written.
    """

    text: str
    shape: str
    captures: tuple[str, ...]
    predicates: tuple[Predicate, ...]
    settings: tuple[tuple[str, str | None], ...]
    planned: str


def _unquote(token: str) -> str:
    """A query string literal's value, with tree-sitter's escapes."""
    body = token[1:-1]
    if "\\" not in body:  # the common case, without a loop per character
        return body
    out: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            following = body[index + 1]
            out.append(_ESCAPES.get(following, following))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text) if not t.startswith(";")]


def split_patterns(source: str) -> list[str]:
    """The top-level patterns of a query source, each with its trailing captures."""
    patterns: list[str] = []
    depth = 0
    start: int | None = None
    last_end = 0
    for match in _TOKEN.finditer(source):
        token = match.group(0)
        if token.startswith(";"):
            continue
        if depth == 0:
            if token in ("(", "["):
                if start is not None:
                    patterns.append(source[start:last_end])
                start = match.start()
            elif (token.startswith("@") or token in ("*", "+", "?")) and start is not None:
                last_end = match.end()
                continue
            else:
                raise PlanError(f"unexpected {token!r} outside a pattern")
        if token in ("(", "["):
            depth += 1
        elif token in (")", "]"):
            depth -= 1
            if depth < 0:
                raise PlanError("unbalanced brackets")
        last_end = match.end()
    if depth != 0:
        raise PlanError("unbalanced brackets")
    if start is not None:
        patterns.append(source[start:last_end])
    return patterns


def _predicate(tokens: list[str]) -> Predicate:
    """``tokens`` run from the ``#name`` to the argument before the closing bracket."""
    args: list[tuple[str, str]] = []
    for token in tokens[1:]:
        if token.startswith("@"):
            args.append((token[1:], "capture"))
        elif token.startswith('"'):
            args.append((_unquote(token), "string"))
        else:
            args.append((token, "string"))
    return Predicate(tokens[0][1:], tuple(args))


def _strip_group(tokens: list[str]) -> list[str]:
    """``((node ...) @x)`` -> ``(node ...) @x``: the same pattern, one shape."""
    if len(tokens) < 4 or tokens[0] != "(" or tokens[1] not in ("(", "[") or tokens[-1] != ")":
        return tokens
    end = _item_end(tokens, 1)
    if end < len(tokens) and all(t.startswith("@") for t in tokens[end:-1]):
        return tokens[1:-1]
    return tokens


def parse_pattern(text: str) -> Pattern:
    """Structure, captures and predicates of one top-level pattern."""
    tokens = _tokens(text)
    structure: list[str] = []
    predicates: list[Predicate] = []
    settings: list[tuple[str, str | None]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token == "(" and index + 1 < len(tokens) and tokens[index + 1].startswith("#"):
            close = tokens.index(")", index + 1)
            predicate = _predicate(tokens[index + 1 : close])
            if predicate.name == "set!":
                values = [value for value, _ in predicate.args]
                if values:
                    settings.append((values[0], values[1] if len(values) > 1 else None))
            else:
                predicates.append(predicate)
            index = close + 1
            continue
        structure.append(token)
        index += 1
    names: dict[str, str] = {}
    canonical: list[str] = []
    for token in _strip_group(structure):
        if token.startswith("@"):
            token = names.setdefault(token[1:], f"@_p{len(names)}")
        canonical.append(token)
    return Pattern(
        text=text,
        shape=field_wildcards(" ".join(canonical)),
        captures=tuple(names),
        predicates=tuple(predicates),
        settings=tuple(settings),
        planned=field_wildcards(text),
    )


@dataclass(frozen=True, slots=True)
class Member:
    """A rule pattern inside a planned pattern: its captures and its own filters."""

    rule: Rule
    names: Mapping[str, str]  # planned capture name -> the rule's own name
    # The member's predicates, reading the captures by their planned names: a
    # match is judged before it is renamed, and only an accepted one is.
    checks: tuple[Check, ...] = ()

    @classmethod
    def of(cls, rule: Rule, names: Mapping[str, str], predicates: Sequence[Predicate]) -> Member:
        planned = {own: name for name, own in names.items()}
        return cls(rule, names, tuple(compile_predicate(_renamed(p, planned)) for p in predicates))


def _renamed(predicate: Predicate, names: Mapping[str, str]) -> Predicate:
    """``predicate`` with its capture arguments renamed by ``names``."""
    args = tuple(
        (names.get(value, value), kind) if kind == "capture" else (value, kind)
        for value, kind in predicate.args
    )
    return Predicate(predicate.name, args)


@dataclass(frozen=True, slots=True)
class Entry:
    """One pattern of the planned query.

    ``verbatim`` entries are a single rule pattern compiled as written: its
    match is the rule's match. Merged entries list members; ``dispatch``
    maps the text of the ``key`` capture to the members that can accept it.
    """

    source: str
    members: tuple[Member, ...]
    verbatim: bool
    key: str | None = None
    dispatch: Mapping[str, tuple[int, ...]] | None = None

    def candidates(self, captured: Captures, source: bytes) -> Sequence[int]:
        """Indices of members worth evaluating for this match."""
        if self.key is None or self.dispatch is None:
            return range(len(self.members))
        nodes = captured.get(self.key)
        if not nodes:
            return range(len(self.members))
        node = nodes[0]
        text = source[node.start_byte : node.end_byte].decode("utf-8", "replace")
        return self.dispatch.get(text, ())


_POSITIVE_FILTERS = ("eq?", "any-of?")


def _string_filter(member: Pattern, predicate: Predicate) -> tuple[str, frozenset[str]] | None:
    """(planned capture, allowed texts) for ``#eq? @c "x"`` and ``#any-of? @c ...``."""
    args = predicate.args
    if predicate.name not in _POSITIVE_FILTERS or len(args) < 2 or args[0][1] != "capture":
        return None
    if any(kind != "string" for _, kind in args[1:]):
        return None
    if args[0][0] not in member.captures:
        return None
    planned = f"_p{member.captures.index(args[0][0])}"
    return planned, frozenset(value for value, _ in args[1:])


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _merged(
    shape: str, group: list[tuple[Rule, Pattern]], renames: Sequence[Mapping[str, str]]
) -> Entry:
    """One pattern for ``group``; ``renames`` maps each member's ``_pN`` to ``shape``'s names."""
    filters: list[dict[str, frozenset[str]]] = []
    for (_, pattern), rename in zip(group, renames, strict=True):
        found: dict[str, frozenset[str]] = {}
        for predicate in pattern.predicates:
            item = _string_filter(pattern, predicate)
            if item is not None:
                capture, values = rename[item[0]], item[1]
                found[capture] = found[capture] & values if capture in found else values
        filters.append(found)
    shared = set(filters[0]).intersection(*filters[1:])
    members = tuple(
        Member.of(rule, {rename[f"_p{i}"]: name for i, name in enumerate(p.captures)}, p.predicates)
        for (rule, p), rename in zip(group, renames, strict=True)
    )
    if not shared:
        return Entry(source=shape, members=members, verbatim=False)
    key = min(shared)
    dispatch: dict[str, list[int]] = {}
    for index, found in enumerate(filters):
        for value in found[key]:
            dispatch.setdefault(value, []).append(index)
    union = " ".join(_quote(value) for value in sorted(dispatch))
    source = f"({shape} (#any-of? @{key} {union}))"
    return Entry(
        source=source,
        members=members,
        verbatim=False,
        key=key,
        dispatch={value: tuple(indices) for value, indices in dispatch.items()},
    )


def _render(predicate: Predicate, names: Mapping[str, str]) -> str:
    """A predicate as query text, its captures renamed to planned ones."""
    args = [f"@{names[v]}" if kind == "capture" else _quote(v) for v, kind in predicate.args]
    return f"(#{predicate.name} {' '.join(args)})"


def _single(shape: str, rule: Rule, pattern: Pattern) -> Entry:
    """A pattern with no twin: its text predicates stay in the query.

    Python predicates are taken out and checked after matching: handing
    py-tree-sitter a predicate callback leaks every captured node of every
    match (and with them the whole tree) in 0.25 and 0.26.
    """
    custom = [p for p in pattern.predicates if p.name in PREDICATES]
    if not custom:
        names = {name: name for name in pattern.captures}
        return Entry(pattern.planned, (text_member(rule, names, pattern),), verbatim=True)
    planned = {name: f"_p{i}" for i, name in enumerate(pattern.captures)}
    kept = " ".join(_render(p, planned) for p in pattern.predicates if p.name not in PREDICATES)
    own = {alias: name for name, alias in planned.items()}
    return Entry(f"({shape} {kept})", (Member.of(rule, own, custom),), verbatim=False)


def text_member(rule: Rule, names: Mapping[str, str], pattern: Pattern) -> Member:
    """A verbatim pattern's member, holding its text predicates for the engine to check again.

    tree-sitter evaluates them on the text as written; in a file with import
    aliases the engine checks them once more on the text as spelled without
    the alias (``predicates.names.spelled``).
    """
    return Member.of(rule, names, [p for p in pattern.predicates if p.name not in PREDICATES])


# Fields that a single node type of tree-sitter-python has, with that type
# (``tests/engine/test_field_wildcards.py`` checks each against the grammar).
FIELD_OWNERS: Mapping[str, str] = {
    "arguments": "call",
    "attribute": "attribute",
    "cause": "raise_statement",
    "definition": "decorated_definition",
    "function": "call",
    "guard": "case_clause",
    "module_name": "import_from_statement",
    "object": "attribute",
    "operators": "comparison_operator",
    "return_type": "function_definition",
    "subject": "match_statement",
    "subscript": "subscript",
    "superclasses": "class_definition",
}
# The one node type a field's child can be, by (node type, field), for types
# that have children (``tests/engine/test_field_wildcards.py`` checks the grammar).
FIELD_TYPES: Mapping[tuple[str, str], str] = {
    ("as_pattern", "alias"): "as_pattern_target",
    ("assignment", "type"): "type",
    ("block", "alternative"): "case_clause",
    ("case_clause", "consequence"): "block",
    ("case_clause", "guard"): "if_clause",
    ("class_definition", "body"): "block",
    ("class_definition", "superclasses"): "argument_list",
    ("dictionary_comprehension", "body"): "pair",
    ("elif_clause", "consequence"): "block",
    ("else_clause", "body"): "block",
    ("for_statement", "alternative"): "else_clause",
    ("for_statement", "body"): "block",
    ("function_definition", "body"): "block",
    ("function_definition", "parameters"): "parameters",
    ("function_definition", "return_type"): "type",
    ("if_statement", "consequence"): "block",
    ("lambda", "parameters"): "lambda_parameters",
    ("match_statement", "body"): "block",
    ("try_statement", "body"): "block",
    ("typed_default_parameter", "type"): "type",
    ("typed_parameter", "type"): "type",
    ("while_statement", "alternative"): "else_clause",
    ("while_statement", "body"): "block",
    ("with_statement", "body"): "block",
}
# Fields that, among the node types that can be a child of a given type, a
# single one has, by (parent type, field) (checked like the two above).
CHILD_FIELD_OWNERS: Mapping[tuple[str, str], str] = {
    ("comparison_operator", "argument"): "unary_operator",
    ("comparison_operator", "left"): "binary_operator",
    ("comparison_operator", "right"): "binary_operator",
    ("expression_statement", "type"): "assignment",
}
_OPTIONAL = ("?", "*")
_DECIDING_FIELD = re.compile(
    r"(?<![\w.!-])(?:"
    + "|".join(
        sorted(
            set(FIELD_OWNERS)
            | {field for _, field in FIELD_TYPES}
            | {field for _, field in CHILD_FIELD_OWNERS}
        )
    )
    + r"):"
)


def _item_end(tokens: Sequence[str], start: int) -> int:
    """The index just past the query item (node, alternation, string, ``_``) at ``start``."""
    if start >= len(tokens) or tokens[start] not in ("(", "["):
        return start + 1
    depth = 0
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token in ("(", "["):
            depth += 1
        elif token in (")", "]"):
            depth -= 1
            if depth == 0:
                return index + 1
    return len(tokens)


def _required(tokens: Sequence[str], field_at: int) -> bool:
    """Whether the child a field label introduces must be present (it has no ``?``/``*``)."""
    index = _item_end(tokens, field_at + 1)
    while index < len(tokens) and (tokens[index].startswith("@") or tokens[index] in "?*+"):
        if tokens[index] in _OPTIONAL:
            return False
        index += 1
    return True


def field_wildcards(source: str) -> str:
    """``source`` with each nested node type that a field decides written as ``_``.

    A field decides a node's type in three ways: the node has a field that
    one node type alone has (``object:`` belongs to ``attribute``), or that
    one alone of the types its parent can hold has (of a comparison's
    operands, only a ``binary_operator`` has a ``left:``), or it sits in a
    field that holds one node type alone (a ``class_definition``'s
    ``body:`` is a ``block``). ``(call function: (attribute object: (identifier)))``
    becomes ``(call function: (_ object: (identifier)))``: both match the
    same nodes, and tree-sitter compiles the second without analysing the
    ``attribute`` step. A field of the node's own counts only when written
    directly in its parentheses, not inside an alternation, a group or a
    quantified child, so the wildcard never matches a node lacking it. A
    rewritten step has children, so it cannot match the leaves that may
    stand anywhere (comments, line continuations, missing tokens). Roots
    are kept.
    """
    if _DECIDING_FIELD.search(source) is None:
        return source
    tokens = _tokens(source)
    # Open brackets: (node type index, or None for groups and alternations; flags: the
    # node's own field decides its type, the field it sits in does, it has child steps;
    # the type of the node it is a child of).
    stack: list[tuple[int | None, list[bool], str]] = []
    wild: list[int] = []

    def has_a_child() -> None:
        for at, flags, _ in reversed(stack):
            if at is not None:
                flags[2] = True
                return

    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token == "(" and following.startswith("#"):
            index = _item_end(tokens, index)  # a predicate
            continue
        if token in ("(", "[") or token.startswith('"') or token == "_":
            has_a_child()
        if token == "(" and following not in ("(", "[", ")", ""):
            label = tokens[index - 1] if index else ""
            parent = next((tokens[at] for at, _, _ in reversed(stack) if at is not None), "")
            implied = (
                label.endswith(":")
                and bool(stack)
                and stack[-1][0] is not None
                and FIELD_TYPES.get((parent, label[:-1])) == following
            )
            stack.append((index + 1, [False, implied, False], parent))
            index += 2
            continue
        if token in ("(", "["):
            stack.append((None, [False, False, False], ""))
        elif token in (")", "]") and stack:
            at, (own, implied, children), _ = stack.pop()
            nested = any(kind is not None for kind, _, _ in stack)
            if at is not None and nested and children and (own or implied):
                wild.append(at)
        elif token.endswith(":") and stack and stack[-1][0] is not None:
            at, flags, parent = stack[-1]
            kind, field = tokens[at], token[:-1]
            owner = FIELD_OWNERS.get(field) or CHILD_FIELD_OWNERS.get((parent, field))
            if owner == kind and _required(tokens, index):
                flags[0] = True
        index += 1
    if not wild:
        return source
    found = [m for m in _TOKEN.finditer(source) if not m.group(0).startswith(";")]
    out: list[str] = []
    last = 0
    for at in sorted(wild):
        match = found[at]
        out += (source[last : match.start()], "_")
        last = match.end()
    out.append(source[last:])
    return "".join(out)


def plan(patterns: Sequence[tuple[Rule, Pattern]]) -> list[Entry]:
    """One entry per distinct shape, in order of first appearance.

    No entry leaves a Python predicate in the query, so the engine matches
    without a predicate callback. Entry sources have ``field_wildcards``
    applied (shapes and ``Pattern.planned`` have them already).
    """
    groups: dict[str, list[tuple[Rule, Pattern]]] = {}
    for rule, pattern in patterns:
        groups.setdefault(_skeleton(pattern.shape)[0], []).append((rule, pattern))
    for skeleton, group in list(groups.items()):
        halves = [(rule, _by_name_kind(pattern)) for rule, pattern in group]
        split = [(rule, half) for rule, two in halves for half in two]
        if all(two for _, two in halves) and all(
            _skeleton(half.shape)[0] in groups for _, half in split
        ):
            del groups[skeleton]
            for rule, half in split:
                groups[_skeleton(half.shape)[0]].append((rule, half))
    entries: list[Entry] = []
    for skeleton, group in groups.items():
        if len(group) == 1:
            entries.append(_single(group[0][1].shape, *group[0]))
            continue
        shape, renames = _with_slots(skeleton, [pattern.shape for _, pattern in group])
        entries.append(_merged(shape, group, renames))
    return entries


_NAME_KINDS = "[ ( identifier ) ( attribute ) ] "


def _by_name_kind(pattern: Pattern) -> list[Pattern]:
    """``[(identifier) (attribute)] @c`` filtered by names, as identifier and attribute patterns.

    A dotted name is an attribute's text and never an identifier's, so
    ``(#any-of? @c "Counter" "collections.Counter")`` splits exactly in two
    patterns the shapes of other rules' call patterns have: each half joins
    one of them (``plan``) instead of costing a state and a text predicate at
    every call of the file. Empty unless the pattern is of that form.
    """
    if pattern.shape.count(_NAME_KINDS) != 1:
        return []
    at = pattern.shape.index(_NAME_KINDS) + len(_NAME_KINDS)
    capture = pattern.shape[at:].split(" ", 1)[0]
    if not capture.startswith("@_p"):
        return []
    own = pattern.captures[int(capture[3:])]
    filters = [p for p in pattern.predicates if p.args and p.args[0] == (own, "capture")]
    if len(filters) != 1 or _string_filter(pattern, filters[0]) is None:
        return []
    values = [value for value, _ in filters[0].args[1:]]
    halves: list[Pattern] = []
    for kind, kept in (
        ("identifier", [v for v in values if "." not in v]),
        ("attribute", [v for v in values if "." in v]),
    ):
        if not kept:
            continue
        predicates = tuple(
            Predicate("any-of?", ((own, "capture"), *((v, "string") for v in kept)))
            if p is filters[0]
            else p
            for p in pattern.predicates
        )
        shape = pattern.shape.replace(_NAME_KINDS, f"( {kind} ) ")
        halves.append(
            Pattern(pattern.text, shape, pattern.captures, predicates, pattern.settings, "")
        )
    return halves


def _skeleton(shape: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """A shape without its captures, and where each capture sat.

    A capture's place is (skeleton tokens before it, its rank among the
    captures there). Patterns that differ only in what they capture match
    the same nodes: the planner runs them as one pattern holding every
    capture any of them has (thread-local's ``(call function: (attribute
    attribute: (identifier) @name))`` and eval-call's, which also captures
    the call), and each member reads its own captures from the match. Each
    pattern of a file's query costs a state at every node its root type
    names, and a text predicate at every candidate: the call and class
    patterns are most of the query's cost.
    """
    skeleton: list[str] = []
    places: dict[str, tuple[int, int]] = {}
    rank = 0
    for token in _tokens(shape):
        if token.startswith("@"):
            places[token[1:]] = (len(skeleton), rank)
            rank += 1
        else:
            skeleton.append(token)
            rank = 0
    return " ".join(skeleton), places


def _with_slots(skeleton: str, shapes: Sequence[str]) -> tuple[str, list[dict[str, str]]]:
    """The skeleton with every place any of ``shapes`` captures, and each shape's renaming."""
    found = [_skeleton(shape)[1] for shape in shapes]
    slots = sorted({place for places in found for place in places.values()})
    named = {place: f"_p{index}" for index, place in enumerate(slots)}
    out: list[str] = []
    tokens = _tokens(skeleton)
    for index, token in enumerate(tokens):
        out.append(token)
        out += [f"@{named[place]}" for place in slots if place[0] == index + 1]
    renames = [{name: named[place] for name, place in places.items()} for places in found]
    return " ".join(out), renames


def compile_predicate(predicate: Predicate) -> Check:
    """A function deciding the predicate on a match, built once per pattern.

    Text predicates follow py-tree-sitter's semantics: a capture holding no
    node satisfies them, and a quantified capture must satisfy them with
    every node (``any-`` forms: with one).
    """
    name, args = predicate.name, predicate.args
    custom = PREDICATES.get(name)
    if custom is not None:
        arguments = list(args)
        return lambda captures, ctx: bool(custom(ctx, arguments, captures))
    positive = not name.startswith(("not-", "any-not-"))
    base = name.removeprefix("any-").removeprefix("not-")
    if not args or args[0][1] != "capture" or (base != "of?" and len(args) != 2):
        raise PlanError(f"#{name} needs a capture and a value")
    first = args[0][0]
    if base == "of?":
        values = frozenset(value for value, _ in args[1:])
        return lambda captures, ctx: all(
            (spelled(node, ctx) in values) == positive for node in captures.get(first, ())
        )
    combine = any if name.startswith("any-") else all
    value, kind = args[1]
    if base == "eq?" and kind == "capture":

        def pairwise(captures: Captures, ctx: MatchContext) -> bool:
            pairs = list(zip(captures.get(first, ()), captures.get(value, ()), strict=False))
            if not pairs:
                return True
            return combine((ctx.text(a) == ctx.text(b)) == positive for a, b in pairs)

        return pairwise
    if base == "eq?":
        test: Callable[[str], bool] = value.__eq__
    elif base == "match?":
        regex = re.compile(value)
        test = lambda text: regex.search(text) is not None  # noqa: E731 - one expression
    else:
        raise PlanError(f"#{name} is not a predicate pyiq can evaluate")

    def check(captures: Captures, ctx: MatchContext) -> bool:
        nodes = captures.get(first, ())
        if not nodes:
            return True
        return combine(test(spelled(node, ctx)) == positive for node in nodes)

    return check


def evaluate(member: Member, captures: Captures, ctx: MatchContext) -> bool:
    """Whether the member's own predicates accept a match of its merged pattern.

    ``captures`` are named as in the planned pattern (``Member.names``).

    A plain loop: every function of a file is offered to several members,
    and a generator per call costs more than the checks that usually fail.
    """
    for check in member.checks:
        if not check(captures, ctx):
            return False
    return True


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_REGEX_ESCAPE = re.compile(r"\\.")


def _positive_text_filter(pattern: Pattern, predicate: Predicate) -> tuple[str, str] | None:
    """(capture, kind) of ``#eq?``/``#any-of?`` (kind "strings") or ``#match?`` ("regex")."""
    args = predicate.args
    if predicate.name not in ("eq?", "any-of?", "match?") or len(args) < 2:
        return None
    if args[0][1] != "capture" or args[0][0] not in pattern.captures:
        return None
    if any(kind != "string" for _, kind in args[1:]):
        return None
    if predicate.name == "match?":
        return (args[0][0], "regex") if len(args) == 2 else None
    return args[0][0], "strings"


@cache
def _regex_words(regex: str) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    try:
        compiled: re.Pattern[str] | None = re.compile(regex)
    except re.error:
        compiled = None
    return compiled, frozenset(_WORD.findall(_REGEX_ESCAPE.sub(" ", regex)))


def _regex_meets(regex: str, spelling: str) -> bool:
    """Whether a filter's regular expression can match text spelled from ``spelling``."""
    compiled, words = _regex_words(regex)
    if compiled is None or compiled.search(spelling):
        return True
    return any(part in words for part in spelling.split("."))


class AliasPlanner:
    """The patterns an import alias can meet, rewritten to find the aliased uses.

    A pattern filters a name by its text (``#eq? @callee "load"``); after
    ``from yaml import load as load_yaml`` the use reads ``load_yaml``, which
    the compiled filter rejects before any predicate runs. For a file's
    aliases (local name -> unaliased spelling), the alias query holds each
    pattern with a filter the spelling can meet, that filter widened to the
    aliased texts: the strings a value becomes with the alias at its head
    (``yaml.load`` -> ``y.load``), and for a regular expression the texts
    headed by the alias. Every predicate of the pattern is then checked in
    Python on the spelled text, so the widening only ever adds candidates.

    A regular expression can meet a spelling when it matches the spelling
    itself (``cache`` in ``lru_cache``) or names one of its dotted parts as
    a word (``^pytest\\.`` for ``pytest``); one that does neither cannot match
    the spelled text where it did not match the text as written, which the
    main query already saw. Fragments of a long alternation (``ap`` of
    ``m(?:ap|ax)``) are not words of a spelling: judging by substrings made
    every alias relevant to the builtin-name filter of assignment targets,
    and every keystroke pay a second query for nothing.
    """

    def __init__(self, patterns: Sequence[tuple[Rule, Pattern]]) -> None:
        self._patterns = list(patterns)
        # A string value's dotted prefixes -> patterns with that value.
        self._by_prefix: dict[str, set[int]] = {}
        self._regexes: list[tuple[int, str]] = []
        for index, (_, pattern) in enumerate(self._patterns):
            for predicate in pattern.predicates:
                found = _positive_text_filter(pattern, predicate)
                if found is None:
                    continue
                if found[1] == "regex":
                    self._regexes.append((index, predicate.args[1][0]))
                    continue
                for value, _ in predicate.args[1:]:
                    parts = value.split(".")
                    for length in range(1, len(parts) + 1):
                        self._by_prefix.setdefault(".".join(parts[:length]), set()).add(index)
        self._compiled: dict[tuple[tuple[str, str], ...], tuple[str, list[Entry]] | None] = {}
        self._relevant: dict[
            frozenset[tuple[str, frozenset[str]]], tuple[tuple[str, str], ...]
        ] = {}

    def relevant(self, aliases: Mapping[str, frozenset[str]]) -> tuple[tuple[str, str], ...]:
        """The (alias, spelling) pairs some pattern's filter can meet, sorted.

        Asked on every analysis run, answered once per set of aliases (an
        editor's file keeps its set from keystroke to keystroke).
        """
        key = frozenset(aliases.items())
        known = self._relevant.get(key)
        if known is None:
            known = self._relevant_pairs(aliases)
            if len(self._relevant) > 256:
                self._relevant.clear()
            self._relevant[key] = known
        return known

    def _relevant_pairs(self, aliases: Mapping[str, frozenset[str]]) -> tuple[tuple[str, str], ...]:
        pairs: list[tuple[str, str]] = []
        for alias, spellings in aliases.items():
            for spelling in spellings:
                if spelling in self._by_prefix or any(
                    _regex_meets(regex, spelling) for _, regex in self._regexes
                ):
                    pairs.append((alias, spelling))
        return tuple(sorted(pairs))

    def plan(self, aliases: tuple[tuple[str, str], ...]) -> tuple[str, list[Entry]] | None:
        """The alias query's source and entries for these (alias, spelling) pairs; None if empty."""
        if aliases in self._compiled:
            return self._compiled[aliases]
        wanted: set[int] = set()
        for _, spelling in aliases:
            wanted |= self._by_prefix.get(spelling, set())
            wanted.update(index for index, regex in self._regexes if _regex_meets(regex, spelling))
        entries = [self._entry(index, aliases) for index in sorted(wanted)]
        result = ("\n".join(e.source for e in entries), entries) if entries else None
        if len(self._compiled) > 256:
            self._compiled.clear()
        self._compiled[aliases] = result
        return result

    def _entry(self, index: int, aliases: tuple[tuple[str, str], ...]) -> Entry:
        rule, pattern = self._patterns[index]
        planned = {name: f"_p{i}" for i, name in enumerate(pattern.captures)}
        kept: list[str] = []
        for predicate in pattern.predicates:
            found = _positive_text_filter(pattern, predicate)
            if found is None:
                continue  # checked in Python, on the spelled text
            capture = planned[found[0]]
            if found[1] == "regex":
                regex = predicate.args[1][0]
                heads = [re.escape(a) for a, s in aliases if _regex_meets(regex, s)]
                if heads:
                    regex = f"(?:{regex})|^(?:{'|'.join(heads)})(?![A-Za-z0-9_])"
                kept.append(f"(#match? @{capture} {_quote(regex)})")
                continue
            values = {value for value, _ in predicate.args[1:]}
            widened = set(values)
            for alias, spelling in aliases:
                for value in values:
                    if value == spelling or value.startswith(spelling + "."):
                        widened.add(alias + value[len(spelling) :])
            union = " ".join(_quote(value) for value in sorted(widened))
            kept.append(f"(#any-of? @{capture} {union})")
        own = {alias: name for name, alias in planned.items()}
        source = f"({pattern.shape} {' '.join(kept)})"
        return Entry(source, (Member.of(rule, own, pattern.predicates),), verbatim=False)
