"""``pyiq progress export FILE`` / ``import FILE``: progress between machines.

The file is JSON (the review log); importing merges it, adding each review
once however often the same file is imported. ``-`` means stdout/stdin.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pyiq.cli.main import EXIT_OK, EXIT_USAGE
from pyiq.cli.quiz_cmd import add_data_dir, open_store


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "progress",
        help="export or import quiz progress (JSON)",
        description="Move quiz progress between machines: export writes the review log as "
        "JSON, import merges one (each review is added once).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write progress to FILE ('-': stdout)")
    export.add_argument("file", metavar="FILE")
    add_data_dir(export)
    export.set_defaults(func=run_export)
    imported = actions.add_parser("import", help="merge progress from FILE ('-': stdin)")
    imported.add_argument("file", metavar="FILE")
    add_data_dir(imported)
    imported.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    from pyiq.quiz.progress import export_to
    from pyiq.quiz.store import Store

    store = open_store(args.data_dir)
    if not isinstance(store, Store):
        return EXIT_USAGE
    with store:
        if args.file == "-":
            export_to(store, sys.stdout)
            return EXIT_OK
        target = Path(args.file)
        temporary = target.with_name(target.name + ".tmp")
        try:
            with open(temporary, "w", encoding="utf-8") as out:
                count = export_to(store, out)
            temporary.replace(target)  # never leave a half-written export behind
        except OSError as exc:
            print(f"pyiq progress: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
    print(f"exported {count} answer{'s' if count != 1 else ''} to {target}", file=sys.stderr)
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from pyiq.quiz.progress import ProgressFileError, import_file, parse_export
    from pyiq.quiz.store import Store

    store = open_store(args.data_dir)
    if not isinstance(store, Store):
        return EXIT_USAGE
    with store:
        try:
            if args.file == "-":
                added, present = store.merge_reviews(parse_export(sys.stdin.read(), "<stdin>"))
            else:
                result = import_file(store, Path(args.file))
                added, present = result.added, result.already_present
        except ProgressFileError as exc:
            print(f"pyiq progress: {exc}", file=sys.stderr)
            return EXIT_USAGE
    print(
        f"imported {added} new answer{'s' if added != 1 else ''}"
        f" ({present} already present) into {store.path}",
        file=sys.stderr,
    )
    return EXIT_OK
