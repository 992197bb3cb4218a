"""YAML parsing for topic files, strict about what PyYAML lets slide.

PyYAML silently keeps the last of two identical keys; in a hand-edited bank
a second ``answer:`` is a copy-paste slip that would drop text without a
word, so duplicates are an error here. Only the safe loader is used (topic
files are data, never code), with the C implementation when available.
"""

from __future__ import annotations

from typing import Any

import yaml

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping repeats a key."""


class StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that rejects duplicate mapping keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise DuplicateKeyError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found duplicate key {key!r}",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


def parse(text: str) -> object:
    """Parse one topic file; raises ``yaml.YAMLError`` (with a position) on bad input."""
    return yaml.load(text, Loader=StrictLoader)  # StrictLoader is a SafeLoader


def error_line(exc: yaml.YAMLError) -> int | None:
    """1-based line a YAML error points at, when PyYAML knows it."""
    mark = getattr(exc, "problem_mark", None)
    return None if mark is None else mark.line + 1


def error_message(exc: yaml.YAMLError) -> str:
    """A one-line description of a YAML error without PyYAML's multi-line layout."""
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    parts = [part for part in (context, problem) if part]
    return "YAML: " + ("; ".join(parts) if parts else str(exc).splitlines()[0])
