"""Agreement of pyiq's bug-risk rules with their ruff peers, by (file, line).

For each rule with a ``peer`` ruff code, ruff runs with only the peer codes
selected (``--isolated``, so no project configuration, ``--ignore-noqa`` so
``# noqa`` comments do not hide raw detections, ``--no-cache``), and pyiq's
engine runs unfiltered (``run_rules``: no ``# pyiq: ignore`` handling, no
configuration). Locations are compared as sets of (file, line): several
findings on one line count once on each side.

A peer code that ruff ships only in preview is run in a second ruff pass
with ``--preview``; which codes those are is asked of ruff itself (``ruff
rule CODE --output-format json`` says ``"preview": true``), so the table
follows the installed ruff and needs no list kept by hand. Stable codes run
without ``--preview``, so their preview-only behaviour changes stay out.

Files ruff cannot lint are left out of both sides: files that are not UTF-8
(ruff skips them with a warning) and files where ruff reports any
``invalid-syntax`` diagnostic (ruff stops or degrades analysis there, and
tree-sitter recovers differently, so neither side is meaningful).

Usage: ``python benchmarks/agreement.py [--bar 0.99] [--show 10] [--rule ID] [--root DIR]``.
Prints per rule the (file, line) counts found by both (TP), by pyiq alone
(FP) and by ruff alone (FN), precision and recall, and marks rules with
fewer than ``--min-findings`` peer findings in the corpus as rare.
Exits 1 if any rule's precision or recall is below the bar.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "server"))

import corpus  # noqa: E402

from pyiq.analysis.engine import run_rules  # noqa: E402
from pyiq.analysis.language import new_parser  # noqa: E402
from pyiq.analysis.lines import LineIndex  # noqa: E402
from pyiq.analysis.modules import module_name  # noqa: E402
from pyiq.analysis.registry import load_registry  # noqa: E402

Location = tuple[str, int]


def ruff_binary() -> str:
    """The project's ruff (the venv's), else whatever is on PATH."""
    local = Path(sys.executable).parent / "ruff"
    return str(local) if local.exists() else (shutil.which("ruff") or "ruff")


def preview_only(code: str) -> bool:
    """Whether the installed ruff ships ``code`` only in preview."""
    proc = subprocess.run(
        [ruff_binary(), "rule", code, "--output-format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"ruff does not know rule {code}: {proc.stderr.strip()[:500]}")
    return bool(json.loads(proc.stdout).get("preview"))


def run_ruff(files: list[Path], codes: list[str], preview: bool = False) -> list[dict]:
    """ruff's JSON diagnostics for ``files`` with exactly ``codes`` selected."""
    if not codes:
        return []
    results: list[dict] = []
    batch = 400
    for start in range(0, len(files), batch):
        chunk = [str(f) for f in files[start : start + batch]]
        proc = subprocess.run(
            [
                ruff_binary(),
                "check",
                "--isolated",
                "--no-cache",
                "--ignore-noqa",
                "--no-fix",
                "--exit-zero",
                "--target-version",
                "py311",
                "--output-format",
                "json",
                "--select",
                ",".join(codes),
                *(["--preview"] if preview else []),
                *chunk,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode not in (0, 1):
            raise SystemExit(f"ruff failed: {proc.stderr[:2000]}")
        results.extend(json.loads(proc.stdout or "[]"))
    return results


def _pyiq_file(path: str) -> list[tuple[str, str, int]]:
    source = Path(path).read_bytes()
    tree = new_parser().parse(source)
    index = LineIndex(source)
    registry = load_registry()
    found = []
    # The file's module, derived from its path as ``pyiq check`` and ruff derive it.
    for finding in run_rules(tree, source, registry, module=module_name(path)):
        rule = registry.get(finding.rule)
        if rule is None or rule.peer is None:
            continue
        line, _ = index.position(finding.start_byte, "utf-32")
        found.append((finding.rule, path, line + 1))
    return found


def run_pyiq(files: list[Path], jobs: int) -> list[tuple[str, str, int]]:
    paths = [str(f) for f in files]
    if jobs <= 1:
        return [item for p in paths for item in _pyiq_file(p)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [item for chunk in pool.map(_pyiq_file, paths, chunksize=32) for item in chunk]


def lintable(files: list[Path]) -> list[Path]:
    keep = []
    for path in files:
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        keep.append(path)
    return keep


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bar", type=float, default=0.99)
    parser.add_argument(
        "--min-findings", type=int, default=20, help="fewer peer findings than this: rare"
    )
    parser.add_argument("--show", type=int, default=10, help="disagreements listed per rule")
    parser.add_argument("--rule", action="append", help="only these rule ids")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--root",
        action="append",
        type=Path,
        help="check the .py files under these directories instead of the benchmark corpus"
        " (a held-out corpus)",
    )
    args = parser.parse_args(argv)

    registry = load_registry()
    peers = {r.id: r.peer for r in registry if r.peer and r.is_bug_risk}
    if args.rule:
        peers = {k: v for k, v in peers.items() if k in args.rule}
    files = lintable(corpus.files(args.root) if args.root else corpus.files())
    codes = sorted(set(peers.values()))
    preview = [code for code in codes if preview_only(code)]
    stable = [code for code in codes if code not in preview]
    diagnostics = run_ruff(files, stable) + run_ruff(files, preview, preview=True)
    broken = {d["filename"] for d in diagnostics if d.get("code") in (None, "invalid-syntax")}
    files = [f for f in files if str(f) not in broken]
    keep = {str(f) for f in files}

    ruff_locs: dict[str, set[Location]] = defaultdict(set)
    for d in diagnostics:
        if d["filename"] in keep and d.get("code"):
            ruff_locs[d["code"]].add((d["filename"], d["location"]["row"]))
    pyiq_locs: dict[str, set[Location]] = defaultdict(set)
    for rule_id, path, line in run_pyiq(files, args.jobs):
        pyiq_locs[rule_id].add((path, line))

    print(f"{len(files)} files compared ({len(broken)} left out: ruff reports invalid syntax)")
    if preview:
        print(f"run with --preview (preview-only in this ruff): {', '.join(preview)}")
    header = f"{'rule':<44} {'code':<8} {'TP':>6} {'FP':>5} {'FN':>5} {'prec':>7} {'recall':>7}"
    print(header)
    print("-" * len(header))
    failed = []
    rare = []
    details = []
    for rule_id, code in sorted(peers.items()):
        ours, theirs = pyiq_locs[rule_id], ruff_locs[code]
        both = ours & theirs
        precision = len(both) / len(ours) if ours else 1.0
        recall = len(both) / len(theirs) if theirs else 1.0
        ok = precision >= args.bar and recall >= args.bar
        mark = "" if ok else "  FAIL"
        if len(theirs) < args.min_findings:
            rare.append(f"{rule_id} ({len(theirs)})")
            mark += "  rare"
        print(
            f"{rule_id:<44} {code:<8} {len(both):>6} {len(ours - theirs):>5} "
            f"{len(theirs - ours):>5} {precision:>7.3f} {recall:>7.3f}{mark}"
        )
        if not ok:
            failed.append(rule_id)
        extra = sorted(ours - theirs)[: args.show]
        missed = sorted(theirs - ours)[: args.show]
        if extra or missed:
            details.append((rule_id, code, extra, missed))
    for rule_id, code, extra, missed in details:
        print(f"\n{rule_id} ({code}):")
        for path, line in extra:
            print(f"  only pyiq  {path}:{line}")
        for path, line in missed:
            print(f"  only ruff  {path}:{line}")
    if rare:
        print(f"\nfewer than {args.min_findings} peer findings in the corpus: {', '.join(rare)}")
    if failed:
        print(f"\nbelow the bar ({args.bar}): {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
