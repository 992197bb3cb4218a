"""How much the rules cost on top of parsing, and how pyiq compares with ruff.

Over the benchmark corpus (``benchmarks/corpus.py``), each repetition times:

(a) ``parse``: tree-sitter alone: read every file's bytes and ``parser.parse``;
(b) ``engine``: the full engine, ``analyze`` (parse + all rules + selection),
    single process, with the registry as shipped;
(b') ``engine-bug``: the same with a registry of the bug-risk rules only;
(c) ``pyiq-cli``: ``pyiq check --format json --jobs 1`` on the corpus roots,
    and ``pyiq-cli-2``: the same with its default process pool (both cores),
    compared by wall time since that is what using both cores buys, and
    ``pyiq-cli-bug``: ``--select bug-risk``, the ten rules ruff is run with;
(d) ``ruff``: ``ruff check --select <the peer codes> --isolated --no-cache``.

The target is engine <= 2x parse: the rules run as one combined query in a
single tree walk, so most of the cost should be the parse itself.

Both wall-clock and CPU time are recorded (CPU: this process's for the
in-process measures, the children's for the commands). Ratios use CPU time,
which other work on a shared machine disturbs far less than wall time.

Usage: ``python benchmarks/speed_check.py [-n 5] [--no-cli] [--profile]``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "server"))

import corpus  # noqa: E402
from agreement import ruff_binary  # noqa: E402

from pyiq.analysis.engine import analyze  # noqa: E402
from pyiq.analysis.language import new_parser  # noqa: E402
from pyiq.analysis.registry import Registry, load_registry  # noqa: E402


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def bug_risk_registry() -> Registry:
    """The shipped bug-risk rules alone, to price them apart from concept rules."""
    full = load_registry()
    return full.subset(frozenset(rule.id for rule in full if rule.is_bug_risk))


def time_parse(files: list[Path]) -> None:
    parser = new_parser()
    for path in files:
        parser.parse(path.read_bytes())


def time_engine(files: list[Path], registry: Registry) -> None:
    for path in files:
        analyze(path.read_bytes(), registry=registry)


def time_command(command: list[str]) -> None:
    """Runs a checker; exit 1 means findings, and 2 (some files unreadable) still ran the rest."""
    proc = subprocess.run(command, capture_output=True, check=False)
    if proc.returncode not in (0, 1, 2) or not proc.stdout:
        raise RuntimeError(f"{command[:3]} failed: {proc.stderr[-2000:]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--repeat", type=int, default=5)
    parser.add_argument("--no-cli", action="store_true", help="skip the pyiq check CLI timing")
    parser.add_argument("--profile", action="store_true", help="cProfile one engine pass")
    args = parser.parse_args(argv)

    roots = corpus.roots()
    files = corpus.files(roots)
    full = load_registry()
    bug = bug_risk_registry()
    codes = sorted({r.peer for r in full if r.peer and r.is_bug_risk})
    print(f"{len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")
    print(f"registry: {len(full)} rules ({len(bug)} bug-risk); ruff codes: {','.join(codes)}")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(time_engine, files, full)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)

    timings: dict[str, Callable[[], None]] = {
        "parse": lambda: time_parse(files),
        "engine": lambda: time_engine(files, full),
        "engine-bug": lambda: time_engine(files, bug),
    }
    if not args.no_cli:
        pyiq = [sys.executable, "-m", "pyiq", "check", "--format", "json", "--jobs", "1"]
        pyiq += ["--no-progress", *map(str, roots)]
        timings["pyiq-cli"] = lambda: time_command(pyiq)
        both = [arg for arg in pyiq if arg not in ("--jobs", "1")]
        timings["pyiq-cli-2"] = lambda: time_command(both)
        bug_only = [*pyiq[:4], "--select", "bug-risk", *pyiq[4:]]
        timings["pyiq-cli-bug"] = lambda: time_command(bug_only)
    ruff = [ruff_binary(), "check", "--isolated", "--no-cache", "--exit-zero", "--select"]
    ruff += [",".join(codes), "--output-format", "json", *map(str, files)]
    timings["ruff"] = lambda: time_command(ruff)

    wall: dict[str, list[float]] = {name: [] for name in timings}
    cpu: dict[str, list[float]] = {name: [] for name in timings}
    for round_ in range(args.repeat):
        for name, run in timings.items():
            start, start_cpu = time.perf_counter(), _cpu()
            try:
                run()
            except RuntimeError as exc:
                print(f"{name}: {exc}")
                wall[name].append(float("nan"))
                cpu[name].append(float("nan"))
                continue
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(_cpu() - start_cpu)
        print(
            f"round {round_ + 1}: "
            + ", ".join(f"{k} {wall[k][-1]:.2f}s ({cpu[k][-1]:.2f}s cpu)" for k in timings)
        )

    med = {name: statistics.median(values) for name, values in cpu.items()}
    print(f"\nmedian of {args.repeat} runs (wall / cpu):")
    for name in timings:
        print(f"  {name:<11} {statistics.median(wall[name]):8.2f} s  {med[name]:8.2f} s cpu")
    print(f"  engine / parse      {med['engine'] / med['parse']:.2f}x  (cpu; target <= 2x)")
    print(f"  engine-bug / parse  {med['engine-bug'] / med['parse']:.2f}x  (bug-risk rules only)")
    if "pyiq-cli" in med:
        print(f"  pyiq-cli / parse    {med['pyiq-cli'] / med['parse']:.2f}x  (cpu, one process)")
        print(f"  pyiq-cli / ruff     {med['pyiq-cli'] / med['ruff']:.1f}x  (cpu; 92 rules vs 10)")
        print(
            f"  pyiq-cli-bug / ruff {med['pyiq-cli-bug'] / med['ruff']:.1f}x  (cpu; same 10 rules)"
        )
        print(f"  pyiq-cli-bug / parse {med['pyiq-cli-bug'] / med['parse']:.2f}x  (cpu)")
        both_wall = statistics.median(wall["pyiq-cli-2"]) / statistics.median(wall["parse"])
        print(f"  pyiq-cli-2 / parse  {both_wall:.2f}x  (wall: check on both cores, parse on one)")
    print(f"  engine / ruff       {med['engine'] / med['ruff']:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
