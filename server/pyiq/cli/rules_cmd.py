"""``pyiq rules``: every rule with its category and default severity."""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rules", help="list every rule")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--category", choices=("bug-risk", "concept"), default=None)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pyiq.analysis import load_registry

    rules = [
        rule
        for rule in sorted(load_registry(), key=lambda r: (r.category, r.id))
        if args.category in (None, rule.category)
    ]
    if args.format == "json":
        json.dump(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "category": r.category,
                    "severity": r.severity,
                    "peer": r.peer,
                }
                for r in rules
            ],
            sys.stdout,
            indent=2,
        )
        sys.stdout.write("\n")
        return 0
    width = max((len(r.id) for r in rules), default=0)
    for rule in rules:
        peer = f"  [{rule.peer}]" if rule.peer else ""
        sys.stdout.write(
            f"{rule.id:<{width}}  {rule.category:<8}  {rule.severity:<7}  {rule.name}{peer}\n"
        )
    return 0
