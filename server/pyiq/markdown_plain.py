"""Markdown as plain text, for clients that show a hover's text as it comes.

A client that cannot render Markdown says so (``hover.contentFormat`` lists
only ``plaintext``: Eglot without markdown-mode, some terminal clients) and
would otherwise show ``**`` and backticks around every name. This keeps
the words and the code and drops the marks: code spans keep their text
verbatim (a ``*`` or ``_`` inside code is code), fenced blocks become
indented code, headings lose their ``#``, links keep their text (and a web
address after it; a ``command:`` link only works in VS Code).
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+")
_TICKS = re.compile(r"`+")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"
)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def to_plain(markdown: str) -> str:
    """``markdown`` as the plain text a reader of the rendered Markdown would see."""
    out: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            else:
                out.append("    " + line if line.strip() else "")
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        out.append(_inline(_HEADING.sub("", line)))
    return "\n".join(out)


# Code spans are set aside as one private-use character each (plane 15) while the marks
# around them are removed, so `**`code`**` loses its stars and the code keeps its own.
_SPAN = 0xF0000
_SPANS = re.compile("[\U000f0000-\U000ffffd]")


def _inline(line: str) -> str:
    """One line's code spans verbatim, the marks around the rest removed."""
    line = _LINK.sub(_link, line)
    spans: list[str] = []
    parts: list[str] = []
    at = 0
    for run in _TICKS.finditer(line):
        if run.start() < at:
            continue  # inside a span already taken
        close = re.compile(rf"(?<!`){run.group()}(?!`)").search(line, run.end())
        if close is None:
            continue
        parts.append(line[at : run.start()])
        code = line[run.end() : close.start()]
        if code.startswith(" ") and code.endswith(" ") and code.strip():
            code = code[1:-1]
        parts.append(chr(_SPAN + len(spans)))
        spans.append(code)
        at = close.end()
    parts.append(line[at:])
    if not spans:
        return _prose(line)
    text = _prose("".join(parts))

    def restore(match: re.Match[str]) -> str:
        index = ord(match.group()) - _SPAN
        return spans[index] if index < len(spans) else match.group()

    return _SPANS.sub(restore, text)


def _link(match: re.Match[str]) -> str:
    text, target = match.group(1), match.group(2)
    if not target or target.startswith("command:") or target == text:
        return text or target
    return f"{text} ({target})"


# Escaped marks (``\*``) are set aside as private-use characters while emphasis is removed.
_HIDDEN = 0xE000
_RESTORE = re.compile("[\ue021-\ue07e]")


def _prose(text: str) -> str:
    escaped = "\\" in text
    if escaped:
        text = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    if escaped:
        text = _RESTORE.sub(lambda m: chr(ord(m.group()) - _HIDDEN), text)
    return text
