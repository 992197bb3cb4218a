"""Error reporting for bank files: every problem names the file and the key.

Writers edit YAML by hand, so an error has to say *where* (file, line, key
path such as ``questions[3] (id 'lambda').quiz.choices[2]``) and *what*,
without a traceback. All problems found in one pass are reported together so
one run shows every mistake.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

KeyPath = Sequence[str | int]


@dataclass(frozen=True, slots=True)
class Problem:
    """One defect in one bank file."""

    file: str
    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class BankError(Exception):
    """The question bank cannot be loaded; ``problems`` lists every defect found."""

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(file="", key="", message=problems)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self._render())

    def _render(self) -> str:
        if len(self.problems) == 1 and not self.problems[0].file:
            return self.problems[0].message
        lines = [f"invalid question bank ({len(self.problems)} problem(s)):"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)


def format_key(path: KeyPath, data: object = None) -> str:
    """Render a key path like ``questions[3] (id 'x').quiz``.

    When ``data`` (the parsed file) is given, a question index is followed by
    that question's id, because writers search for ids, not indexes.
    """
    out: list[str] = []
    node: object = data
    for step in path:
        if isinstance(step, int):
            out.append(f"[{step}]")
        else:
            out.append(f".{step}" if out else step)
        node = _child(node, step)
        if isinstance(step, int) and len(out) == 2 and isinstance(node, dict):
            qid = node.get("id")
            if isinstance(qid, str):
                out.append(f" (id {qid!r})")
    return "".join(out)


def _child(node: object, step: str | int) -> object:
    if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
        return node[step]
    if isinstance(step, str) and isinstance(node, dict):
        return node.get(step)
    return None


def line_of(text: str, path: KeyPath) -> int | None:
    """1-based line of the node at ``path`` in YAML ``text``, or None if unknown.

    Only called when reporting an error, so re-composing the document here
    keeps the fast path free of position bookkeeping.
    """
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    line = None if node is None else node.start_mark.line + 1
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            match = next((kv for kv in node.value if kv[0].value == step), None)
            if match is None:
                break
            line = match[0].start_mark.line + 1
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(node.value):
                break
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line
