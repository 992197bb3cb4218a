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
  a fixture, one decorated ``@contextmanager`` a context manager);
* the node type for everything else, except pure wrappers (blocks,
  expression statements, parentheses, argument lists).

Example: ``keyword_argument:key call:sorted return_statement function_definition:ranking``.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
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
            break
        elif kind not in _SKIPPED:
            tokens.append(kind)
        child = parent
        parent = parent.parent
    return " ".join(tokens)
