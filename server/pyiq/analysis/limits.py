"""How much of a file is analysed: the size limit and the part of a bigger file that is.

A file of several megabytes is nearly always generated or minified: a full
analysis of it takes seconds (the parse alone), its concept hints teach
nothing, and while it runs the language server answers nobody. Past
``pyiq.maxFileSizeMB`` (default ``DEFAULT_MAX_FILE_MB``, the VS Code
setting's default, which a test holds equal; ``max-file-size-mb`` in
``[tool.pyiq]`` and ``--max-file-size-mb`` for ``pyiq check``) pyiq
analyses only the file's head: the whole lines within the limit. The cost is then bounded by the
limit whatever the file, and the user is told which part was analysed.
"""

from __future__ import annotations

DEFAULT_MAX_FILE_MB = 2.0
# The largest limit accepted, in the editor setting, the CLI flag and ``[tool.pyiq]``.
MAX_FILE_MB_CEILING = 1024
MEGABYTES_EXPECTED = f"a number of megabytes above 0 and at most {MAX_FILE_MB_CEILING}"


def valid_megabytes(value: object) -> float | None:
    """``value`` as a size limit in MB, or None when it is not one (bools are not numbers)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 < value <= MAX_FILE_MB_CEILING:
            return float(value)
    return None


def limit_bytes(megabytes: float) -> int:
    return int(megabytes * 1024 * 1024)


def head_of(source: bytes, limit: int) -> bytes:
    """The whole lines of ``source`` within ``limit`` bytes (all of it when it fits).

    Cut after a line break, so no statement is split mid-token; a single
    line longer than the limit leaves nothing to analyse.
    """
    if len(source) <= limit:
        return source
    cut = max(source.rfind(b"\n", 0, limit), source.rfind(b"\r", 0, limit))
    return source[: cut + 1] if cut >= 0 else b""


def describe_limit(name: str, size: int, megabytes: float, head: bytes) -> str:
    """The message saying that ``name`` is over the limit and what is analysed of it."""
    lines = head.count(b"\n") + (head.count(b"\r") - head.count(b"\r\n"))
    shown = f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 1024:.1f} KB"
    over = f"{name} is {shown}, over the {megabytes:g} MB size limit"
    if not head:
        return f"{over}: not analysed (its first line alone is past the limit)"
    return f"{over}: only its first {lines:,} lines are analysed"
