"""``pyiq check PATH...``: the engine over whole trees, with ruff's options and exit codes.

Exit 0: no bug risk found (or ``--exit-zero``); 1: at least one bug risk;
2: usage error, a broken configuration, or a file that could not be read
(each named on stderr; the other files are still checked, and JSON and
SARIF output stay valid).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pyiq.analysis.limits import DEFAULT_MAX_FILE_MB, MEGABYTES_EXPECTED, valid_megabytes
from pyiq.cli.main import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from pyiq.projects import Projects

FORMATS = ("text", "concise", "json", "sarif", "github")
PROGRESS_MIN_FILES = 100


def _rule_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="find bug risks and interview topics in files and folders",
        description="Check Python files and notebooks for bug risks and the interview "
        "questions they raise.",
    )
    parser.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATH")
    rules = parser.add_argument_group(
        "rule selection (rule ids or the categories bug-risk, concept)"
    )
    for option, default, help_text in (
        ("--select", None, "only these rules, replacing the configuration's select"),
        ("--extend-select", [], "these rules on top of the selection"),
        ("--ignore", [], "skip these rules"),
    ):
        rules.add_argument(
            option,
            type=_rule_list,
            action="extend",
            default=default,
            metavar="RULES",
            help=help_text + "; comma-separated",
        )
    rules.add_argument(
        "--no-respect-ruff",
        dest="respect_ruff",
        action="store_false",
        help="report bug risks even where ruff already reports their peer rule (B006, ...)",
    )
    output = parser.add_argument_group("output")
    output.add_argument(
        "--output-format",
        "--format",
        dest="format",
        choices=FORMATS,
        default="text",
        help="output format (default: text); github writes workflow-command annotations",
    )
    output.add_argument(
        "--show-concepts",
        action="store_true",
        help="list every interview topic's place (text groups them per rule; SARIF and "
        "github leave them out)",
    )
    output.add_argument(
        "--statistics", action="store_true", help="count findings per rule, most frequent first"
    )
    output.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when bug risks are found"
    )
    output.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply exclude settings to paths named on the command line too (for pre-commit)",
    )
    parser.add_argument(
        "--max-file-size-mb",
        type=_megabytes,
        default=None,
        metavar="MB",
        help="analyse only the lines within this size of a bigger file (default: "
        "max-file-size-mb in [tool.pyiq], else the editor's pyiq.maxFileSizeMB default, "
        f"{DEFAULT_MAX_FILE_MB:g})",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="worker processes (default and cap: one per core)"
    )
    parser.set_defaults(func=run)


def _megabytes(text: str) -> float:
    """``--max-file-size-mb``: the range the editor setting and ``[tool.pyiq]`` accept."""
    try:
        value: object = float(text)
    except ValueError:
        value = None
    megabytes = valid_megabytes(value)
    if megabytes is None:
        raise argparse.ArgumentTypeError(f"expected {MEGABYTES_EXPECTED}, got {text!r}")
    return megabytes


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


def _error(message: str) -> None:
    from pyiq.report.text import safe

    print(f"error: {safe(message)}", file=sys.stderr)


class _WarningHandler(logging.Handler):
    """Shows the warnings of configuration readers as ``warning: ...`` lines, escaped."""

    def emit(self, record: logging.LogRecord) -> None:
        from pyiq.report.text import safe

        print(f"warning: {safe(record.getMessage())}", file=sys.stderr)


def _show_warnings() -> None:
    logger = logging.getLogger("pyiq.lsp.ruff_config")
    if not any(isinstance(h, _WarningHandler) for h in logger.handlers):
        logger.addHandler(_WarningHandler(logging.WARNING))
        logger.propagate = False


def _flush_warnings(projects: Projects, config_errors: list[str]) -> None:
    from pyiq.report.text import safe

    for message in projects.warnings:
        print(f"warning: {safe(message)}", file=sys.stderr)
    projects.warnings.clear()
    for message in projects.errors:
        config_errors.append(message)
        _error(message)
    projects.errors.clear()


def run(args: argparse.Namespace) -> int:
    from pyiq.checking import FileResult, Located, check_paths
    from pyiq.discovery import iter_targets
    from pyiq.projects import Overrides, Projects
    from pyiq.report import github, json_report, sarif, statistics, text

    for option, names in (
        ("--select", args.select or []),
        ("--extend-select", args.extend_select),
        ("--ignore", args.ignore),
    ):
        problem = _validate_rules(names, option)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        print("pyiq check: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE

    # SARIF and GitHub annotations land in a pull request: a hint for every
    # decorator would bury the bug risks there, so concepts come only on request.
    drop_concepts = args.format in ("sarif", "github") and not args.show_concepts
    drop_concepts = drop_concepts and not args.statistics and args.select is None
    overrides = Overrides(
        select=tuple(args.select) if args.select is not None else None,
        ignore=(*args.ignore, *(("concept",) if drop_concepts else ())),
        extend_select=tuple(args.extend_select),
        respect_ruff=args.respect_ruff,
        max_file_mb=args.max_file_size_mb,
    )
    projects = Projects(overrides)
    _show_warnings()

    errors: list[str] = []
    config_errors: list[str] = []
    roots: list[Path] = []
    for path in args.paths:
        if not path.exists():
            errors.append(f"{path}: no such file or directory")
            _error(errors[-1])
        else:
            roots.append(path)
    work = []
    for target in iter_targets(roots, projects, force_exclude=args.force_exclude):
        if target.error is not None:
            (config_errors if target.kind == "config" else errors).append(target.error)
            _error(target.error)
            continue
        config = projects.config_for(target.absolute)
        _flush_warnings(projects, config_errors)
        if isinstance(config, str):
            if config not in projects.reported:
                projects.reported.add(config)
                config_errors.append(config)
                _error(config)
            continue
        work.append((target.path, config))
    _flush_warnings(projects, config_errors)

    out = sys.stdout
    stream: json_report.Writer | text.Writer | None = None
    if args.statistics:
        stream = None
    elif args.format == "json":
        stream = json_report.Writer(out)
    elif args.format in ("text", "concise"):
        stream = text.Writer(out, args.show_concepts, questions=args.format == "text")
    results: list[FileResult] = []
    progress = None
    task = None
    if not args.no_progress and sys.stderr.isatty() and len(work) >= PROGRESS_MIN_FILES:
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        progress.start()
        task = progress.add_task("checking", total=len(work))
    try:
        for result in check_paths(work, args.jobs):
            if progress is not None and task is not None:
                progress.advance(task)
            if result.error:
                errors.append(result.error)
                _error(result.error)
                continue
            results.append(result)
            if result.note:
                print(f"note: {result.note}", file=sys.stderr)
            if stream is not None:
                stream.add(result.findings)
            elif args.format == "github" and not args.statistics:
                github.write(out, result.findings)
    finally:
        if progress is not None:
            progress.stop()

    findings: list[Located] = [f for result in results for f in result.findings]
    if args.statistics:
        if args.format == "json":
            statistics.write_json(out, findings)
        else:
            statistics.write_text(out, findings)
    elif stream is not None:
        stream.close()
    if args.statistics or args.format in ("text", "concise"):
        if args.format not in ("json",):
            text.write_summary(out, findings, len(work), len(errors), len(config_errors))
    elif args.format == "sarif":
        sarif.write(out, findings, [*config_errors, *errors])
    if errors or config_errors:
        return EXIT_USAGE
    if not args.exit_zero and any(f.category == "bug-risk" for f in findings):
        return EXIT_FINDINGS
    return EXIT_OK
