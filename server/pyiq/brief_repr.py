"""Values echoed in messages, shortened.

A setting or a configuration value comes from a client or a cloned
repository: a 100 KB string or a list nested hundreds deep must not become
a 100 KB popup. Strings, lists and tables are cut with ``...`` as
:mod:`reprlib` does; control characters are escaped, as ``repr`` escapes them.
"""

from __future__ import annotations

import reprlib

_REPR = reprlib.Repr()
_REPR.maxstring = 80
_REPR.maxother = 80
_REPR.maxlong = 40
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 8
_REPR.maxlevel = 3


def brief(value: object) -> str:
    """``repr(value)``, at most a line long."""
    try:
        return _REPR.repr(value)
    except (RecursionError, ValueError):  # a huge int's digits, pathological nesting
        return f"<{type(value).__name__}>"
