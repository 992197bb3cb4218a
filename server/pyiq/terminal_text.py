"""Text from a file or an import, made safe to print to a terminal or render as Markdown.

A checked file, a progress file or a snippet's output can hold an escape
sequence (``ESC [2J`` clears the screen, OSC 52 writes the clipboard) or
rich markup (``[link=file:///etc/passwd]``). Whatever came from outside is
passed through :func:`clean` (C0 and C1 controls shown as ``\\x1b``-style
escapes, tabs and newlines kept where asked) before it is written raw,
through :func:`markup` before rich parses it, and through :func:`code_span`
when it becomes inline code in Markdown (a backtick in the text cannot
close the span).
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls; and the bidi overrides
# that make a terminal show text in another order than it is.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROLS_AND_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_TICKS = re.compile("`+")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def clean(text: str, keep_breaks: bool = True) -> str:
    """``text`` with control characters shown as escapes (tabs and newlines kept if asked)."""
    pattern = _CONTROLS if keep_breaks else _CONTROLS_AND_BREAKS
    return pattern.sub(_visible, text)


def markup(text: str) -> str:
    """``text`` cleaned and escaped for rich markup."""
    from rich.markup import escape

    return escape(clean(text))


def code_span(text: str) -> str:
    """Markdown inline code showing ``text`` literally, whatever backticks it holds."""
    text = clean(text, keep_breaks=False)
    longest = max((len(run) for run in _TICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
