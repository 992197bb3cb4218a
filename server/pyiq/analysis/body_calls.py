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

import bisect

from tree_sitter import Node, Query, QueryCursor

CALLS_CAPTURE = "_calls"

_MAX_CALLEES = 24
_MAX_CALLEE = 40


def callees(construct: Node, source: bytes) -> str:
    """The calls-inside summary of ``construct`` (see the module docstring).

    The calls, and the definitions nested in the construct, are found by one
    query, in C, rather than by walking every node of the construct in
    Python: a ``with`` block or a generator can hold a whole function's worth
    of code, and every one in a file is summarised. A call lies in a nested
    definition when that definition's bytes hold it (two nodes of one tree
    that are not empty either nest or do not overlap), which spares asking
    tree-sitter for every call's parents.
    """
    found_nodes = _calls_query_cursor().captures(construct)
    calls = found_nodes.get("call", [])
    calls.sort(key=lambda node: (node.start_byte, -node.end_byte))
    nested = sorted(
        (node.start_byte, node.end_byte)
        for node in found_nodes.get("nested", ())
        if node != construct
    )
    # The outermost nested definitions, disjoint and in order.
    outermost: list[tuple[int, int]] = []
    for start, end in nested:
        if outermost and start < outermost[-1][1]:
            continue
        outermost.append((start, end))
    starts = [start for start, _ in outermost]
    found: dict[str, None] = {}
    for call in calls:
        if len(found) >= _MAX_CALLEES:
            break
        at = bisect.bisect_right(starts, call.start_byte) - 1
        if at >= 0 and call.end_byte <= outermost[at][1]:
            continue
        function = call.child_by_field_name("function")
        if function is None:
            continue
        raw = source[function.start_byte : min(function.end_byte, function.start_byte + 160)]
        text = "".join(raw.decode("utf-8", "replace").split())[:_MAX_CALLEE]
        if text:
            found[text] = None
    return " ".join(found)


def _calls_query_cursor() -> QueryCursor:
    global _QUERY
    if _QUERY is None:
        from pyiq.analysis.registry import compile_query

        _QUERY = compile_query(
            "(call) @call [(function_definition) (lambda) (class_definition)] @nested"
        )
    return QueryCursor(_QUERY)


_QUERY: Query | None = None
