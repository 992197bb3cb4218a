"""What a construct calls: the callees inside it, as one line of text.

Which interview question fits a construct often depends on what its body
*does* rather than on its head: ``with self._ready:`` says nothing, but a
block that calls ``self._ready.notify()`` holds a condition variable; a
generator that calls ``fh.read(size)`` streams a file. A rule opts in with
``#set! context "calls"`` (beside or instead of ``"ancestors"``) and its
findings then bind ``_calls`` to this summary, on which question links can
put conditions (``questions/*.yaml``), so no rule needs its own code for it.

The summary lists the callee of every call inside the construct (the
``@_construct`` capture, else the reported node), in source order, each once,
whitespace removed, separated by spaces: ``self._items.append self._ready.notify``.
Calls inside nested functions, lambdas and classes are left out (they run
elsewhere, later), unless the construct itself is that definition. The
summary reads only the construct's own bytes, so an incremental analysis
that re-checks the construct keeps it exact.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from tree_sitter import Node

CALLS_CAPTURE = "_calls"

_MAX_CALLEES = 24
_MAX_CALLEE = 40
_NESTED = frozenset({"function_definition", "lambda", "class_definition"})


def callees(construct: Node, source: bytes) -> str:
    """The calls-inside summary of ``construct`` (see the module docstring)."""
    found: dict[str, None] = {}
    stack = [construct]
    while stack and len(found) < _MAX_CALLEES:
        node = stack.pop()
        if node.type == "call":
            function = node.child_by_field_name("function")
            if function is not None:
                raw = source[
                    function.start_byte : min(function.end_byte, function.start_byte + 160)
                ]
                text = "".join(raw.decode("utf-8", "replace").split())[:_MAX_CALLEE]
                if text:
                    found[text] = None
        elif node.type in _NESTED and node != construct:
            continue
        stack.extend(reversed(node.children))
    return " ".join(found)
