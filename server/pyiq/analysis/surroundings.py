"""Where a reported node sits: a one-line summary of what encloses it.

A query names what a construct *is*; which interview question fits it often
depends on where it *sits*: a lambda passed as ``key=`` is about sorting, a
lambda created in a loop about late binding, ``app.get`` inside a decorator
about routing. A rule opts in with ``#set! context "ancestors"`` and its
findings then bind ``_context`` to this summary, on which question links can
put conditions (``questions/*.yaml``), so no rule needs its own code for it.

The summary lists the node's ancestors, innermost first, up to and including
the nearest function or class (or the module), separated by spaces:

* ``keyword_argument:<name>`` for an argument passed by keyword;
* ``call:<callee>`` for a call (the callee's text, whitespace removed);
* ``loop`` for the body of a ``for``/``while`` statement or of a
  comprehension (not its iterable: that is evaluated once);
* ``function_definition:<name>`` / ``class_definition:<name>``, which end it,
  followed by ``decorated:<decorator>`` for each decorator of that definition
  (its callee without arguments: a generator decorated ``@pytest.fixture`` is
  a fixture, one decorated ``@contextmanager`` a context manager), and for a
  class by ``base:<superclass>`` for each positional base;
* when the node is a function's own name and the function is a method, the
  class that defines it follows (``class_definition:<name>`` and its
  ``base:`` tokens): a def binds its name in the class, and a method of a
  ``Protocol`` or of a ``TestCase`` is read in that light;
* ``yield:value`` after those when the node is that function's own name and
  the function uses the value of one of its own ``yield`` expressions
  (``x = yield``): a coroutine fed with ``send()``, not a plain producer;
* ``yield:guarded`` likewise when one of its own ``yield`` statements sits
  directly in the body of a ``try`` that has a ``finally`` or ``except``
  clause (``try: yield conn`` / ``finally: conn.close()``), not in a loop
  there: set-up and tear-down around one value, a context manager in all but
  its decorator;
* the node type for everything else, except pure wrappers (blocks,
  expression statements, parentheses, argument lists).

Example: ``keyword_argument:key call:sorted return_statement function_definition:ranking``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from tree_sitter import Node

CONTEXT_CAPTURE = "_context"

_MAX_TOKENS = 16
_MAX_CALLEE = 40
_MAX_DECORATORS = 4
_SKIPPED = frozenset(
    {"block", "expression_statement", "parenthesized_expression", "argument_list", "ERROR"}
)
# Node types whose body runs once per item (shared with the quick fixes).
LOOP_TYPES = (
    "for_statement",
    "while_statement",
    "list_comprehension",
    "set_comprehension",
    "dictionary_comprehension",
    "generator_expression",
)
_LOOPS = frozenset(LOOP_TYPES)
_SCOPES = frozenset({"function_definition", "class_definition"})


def _text(node: Node, source: bytes, limit: int) -> str:
    raw = source[node.start_byte : min(node.end_byte, node.start_byte + 4 * limit)]
    return "".join(raw.decode("utf-8", "replace").split())[:limit]


def _decorators(definition: Node, source: bytes) -> list[str]:
    """``decorated:<callee>`` for each decorator of a function or class definition."""
    wrapper = definition.parent
    if wrapper is None or wrapper.type != "decorated_definition":
        return []
    found = []
    for decorator in wrapper.children:
        if decorator.type != "decorator" or len(found) >= _MAX_DECORATORS:
            continue
        expression = next((c for c in decorator.named_children if c.type != "comment"), None)
        if expression is None:
            continue
        if expression.type == "call":
            expression = expression.child_by_field_name("function") or expression
        found.append("decorated:" + _text(expression, source, _MAX_CALLEE))
    return found


def _bases(definition: Node, source: bytes) -> list[str]:
    """``base:<superclass>`` for each positional base of a class (``metaclass=`` is not one)."""
    superclasses = definition.child_by_field_name("superclasses")
    if superclasses is None:
        return []
    found = []
    for base in superclasses.named_children:
        if base.type in {"keyword_argument", "comment"} or len(found) >= _MAX_DECORATORS:
            continue
        found.append("base:" + _text(base, source, _MAX_CALLEE))
    return found


def _method_of(function: Node) -> Node | None:
    """The class whose body defines ``function`` directly (decorated or not), or None."""
    holder = function.parent
    if holder is not None and holder.type == "decorated_definition":
        holder = holder.parent
    if holder is None or holder.type != "block":
        return None
    owner = holder.parent
    return owner if owner is not None and owner.type == "class_definition" else None


_OWN_SCOPES = frozenset({"function_definition", "lambda", "class_definition"})


def _own_yields(function: Node, source: bytes) -> Iterator[Node]:
    """The function's own ``yield`` expressions (not those of nested functions or lambdas)."""
    body = function.child_by_field_name("body")
    if body is None:
        return
    position = source.find(b"yield", body.start_byte, body.end_byte)
    while position >= 0:
        token = body.descendant_for_byte_range(position, position + 5)
        expression = token.parent if token is not None else None
        if expression is not None and expression.type == "yield":
            owner = expression.parent
            while owner is not None and owner.type not in _OWN_SCOPES:
                owner = owner.parent
            if owner == function:
                yield expression
        position = source.find(b"yield", position + 5, body.end_byte)


def _yield_tokens(function: Node, source: bytes) -> list[str]:
    """``yield:value`` and ``yield:guarded`` for a generator (see the module docstring)."""
    value = guarded = False
    for expression in _own_yields(function, source):
        user = expression.parent
        while user is not None and user.type == "parenthesized_expression":
            user = user.parent
        if user is None:
            continue
        if user.type != "expression_statement":
            value = value or not any(child.type == "from" for child in expression.children)
        elif not guarded:
            guarded = _is_guarded(user)
    return ["yield:value"] * value + ["yield:guarded"] * guarded


def _is_guarded(statement: Node) -> bool:
    """Whether ``statement`` is directly in the body of a ``try`` with ``finally`` or ``except``."""
    block = statement.parent
    owner = block.parent if block is not None else None
    if block is None or owner is None or owner.type != "try_statement":
        return False
    if owner.child_by_field_name("body") != block:
        return False
    return any(c.type in {"finally_clause", "except_clause"} for c in owner.children)


def describe(node: Node, source: bytes) -> str:
    """The enclosing-construct summary of ``node`` (see the module docstring)."""
    tokens: list[str] = []
    child = node
    parent = node.parent
    while parent is not None and len(tokens) < _MAX_TOKENS:
        kind = parent.type
        if kind in _LOOPS:
            body = parent.child_by_field_name("body")
            if body is not None and body.start_byte == child.start_byte:
                tokens.append("loop")
        elif kind == "keyword_argument":
            name = parent.child_by_field_name("name")
            tokens.append("keyword_argument:" + ("" if name is None else _text(name, source, 40)))
        elif kind == "call":
            function = parent.child_by_field_name("function")
            callee = "" if function is None else _text(function, source, _MAX_CALLEE)
            tokens.append("call:" + callee)
        elif kind in _SCOPES:
            name = parent.child_by_field_name("name")
            tokens.append(kind + ":" + ("" if name is None else _text(name, source, 40)))
            tokens.extend(_decorators(parent, source))
            if kind == "class_definition":
                tokens.extend(_bases(parent, source))
            elif child == name:
                tokens.extend(_yield_tokens(parent, source))
                owner = _method_of(parent)
                if owner is not None:
                    owner_name = owner.child_by_field_name("name")
                    text = "" if owner_name is None else _text(owner_name, source, 40)
                    tokens.append("class_definition:" + text)
                    tokens.extend(_bases(owner, source))
            break
        elif kind not in _SKIPPED:
            tokens.append(kind)
        child = parent
        parent = parent.parent
    return " ".join(tokens)
