"""SARIF 2.1.0, the format GitHub code scanning ingests.

Columns are code points (``columnKind: unicodeCodePoints``) to match the
other formats; every rule is described in the driver so viewers can show
its documentation next to each result. A finding in a notebook names the
``.ipynb`` file, with lines counted in its cell and the cell's number in
the result's properties.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from pyiq import __version__
from pyiq.analysis import load_registry
from pyiq.checking import Located
from pyiq.links import rule_docs_url

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "information": "note", "hint": "note"}


def _uri(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_uri()
    return candidate.as_posix()


def _properties(finding: Located) -> dict[str, object]:
    """The finding's questions, and in a notebook the cell its lines count in."""
    properties: dict[str, object] = {"questions": list(finding.questions)}
    if finding.cell is not None:
        properties["cell"] = finding.cell
    return properties


def document(findings: Iterable[Located], errors: Iterable[str] = ()) -> dict[str, object]:
    registry = load_registry()
    rules = sorted(registry.rules.values(), key=lambda r: r.id)
    index = {rule.id: i for i, rule in enumerate(rules)}
    driver_rules = [
        {
            "id": rule.id,
            "name": "".join(part.capitalize() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.name},
            "fullDescription": {"text": rule.description},
            "help": {"text": rule.description, "markdown": rule.description},
            "helpUri": rule_docs_url(rule.id),
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"category": rule.category, "tags": [rule.category]},
        }
        for rule in rules
    ]
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS.get(f.severity, "note"),
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.path)},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        },
                    }
                }
            ],
            "properties": _properties(f),
        }
        for f in findings
    ]
    notifications = [
        {"level": "error", "message": {"text": message}, "descriptor": {"id": "file-error"}}
        for message in errors
    ]
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "pyiq",
                "version": __version__,
                "informationUri": "https://github.com/pyiq/pyiq",
                "rules": driver_rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def write(out: TextIO, findings: Iterable[Located], errors: Iterable[str] = ()) -> None:
    json.dump(document(findings, errors), out, indent=2, ensure_ascii=False)
    out.write("\n")
