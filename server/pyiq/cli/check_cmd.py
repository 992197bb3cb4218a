"""``pyiq check PATH...``: the engine over whole trees, with a linter's exit codes.

Exit 0: no bug risk found; 1: at least one bug risk; 2: usage error or a
file that could not be read (named on stderr; the other files are still
checked).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pyiq.cli.main import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

FORMATS = ("text", "json", "sarif")
PROGRESS_MIN_FILES = 100


def _rule_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="find bug risks and interview topics in files and folders",
        description="Check Python files for bug risks and the interview questions they raise.",
    )
    parser.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATH")
    parser.add_argument(
        "--select",
        type=_rule_list,
        action="extend",
        metavar="RULES",
        help="only these rule ids or categories (bug-risk, concept); comma-separated",
    )
    parser.add_argument(
        "--ignore",
        type=_rule_list,
        action="extend",
        default=[],
        metavar="RULES",
        help="skip these rule ids or categories; comma-separated",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    parser.add_argument(
        "--jobs", type=int, default=None, help="worker processes (default: one per core)"
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.set_defaults(func=run)


def _validate_rules(names: list[str], option: str) -> str | None:
    from pyiq.analysis import load_registry
    from pyiq.analysis.registry import CATEGORIES

    registry = load_registry()
    for name in names:
        if name not in registry.rules and name not in CATEGORIES:
            import difflib

            close = difflib.get_close_matches(name, list(registry.rules), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            return f"pyiq check: {option}: unknown rule or category {name!r}{hint}"
    return None


def run(args: argparse.Namespace) -> int:
    from pyiq.checking import FileResult, Overrides, check_paths
    from pyiq.discovery import iter_python_files
    from pyiq.report import json_report, sarif, text

    for option, names in (("--select", args.select or []), ("--ignore", args.ignore)):
        problem = _validate_rules(names, option)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        print("pyiq check: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE

    errors: list[str] = []
    roots: list[Path] = []
    for path in args.paths:
        if not path.exists():
            errors.append(f"{path}: no such file or directory")
            print(f"error: {errors[-1]}", file=sys.stderr)
        else:
            roots.append(path)
    files = list(iter_python_files(roots))
    overrides = Overrides(
        select=tuple(args.select) if args.select is not None else None,
        ignore=tuple(args.ignore),
    )

    out = sys.stdout
    stream = json_report.Writer(out) if args.format == "json" else None
    results: list[FileResult] = []
    progress = None
    task = None
    if not args.no_progress and sys.stderr.isatty() and len(files) >= PROGRESS_MIN_FILES:
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        progress.start()
        task = progress.add_task("checking", total=len(files))
    try:
        for result in check_paths(files, overrides, args.jobs):
            if progress is not None and task is not None:
                progress.advance(task)
            if result.error:
                errors.append(result.error)
                print(f"error: {result.error}", file=sys.stderr)
                continue
            results.append(result)
            if result.note:
                print(f"note: {result.note}", file=sys.stderr)
            if stream is not None:
                stream.add(result.findings)
            if args.format == "text":
                for finding in result.findings:
                    text.write_finding(out, finding)
    finally:
        if progress is not None:
            progress.stop()

    findings = [f for result in results for f in result.findings]
    if stream is not None:
        stream.close()
    elif args.format == "sarif":
        sarif.write(out, findings, errors)
    else:
        text.write_summary(out, findings, len(files), len(errors))
    if errors:
        return EXIT_USAGE
    if any(f.category == "bug-risk" for f in findings):
        return EXIT_FINDINGS
    return EXIT_OK
