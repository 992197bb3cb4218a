"""Cold-start cost of loading the question bank, measured in fresh processes.

Every language-server start and every CLI command loads the bank, so the
number that matters is a *fresh interpreter*: nothing imported, nothing in
memory. Each run spawns a new Python that imports ``pyiq.bank`` and calls
``load_bank()``; the child reports the time of import + load, the parent the
whole process wall time. Scenarios:

* ``python -c pass``: interpreter start-up, the floor under everything else;
* warm cache: the compiled cache exists (the usual case, target < 50 ms);
* cold cache: an empty cache directory each run, so every run parses YAML and
  validates against the schema (first run after install or after an edit).

Usage: python benchmarks/bench_bank.py [-n RUNS] [--questions-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BUDGET_MS = 50.0

CHILD = """
import time
t0 = time.perf_counter()
from pyiq.bank import load_bank
bank = load_bank()
t1 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.3f} {len(bank)}")
"""


def run_child(code: str, env: dict[str, str]) -> tuple[float, float | None, int | None]:
    """(process wall ms, in-process ms or None, question count or None)."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    wall = (time.perf_counter() - start) * 1000
    if result.returncode != 0:
        sys.exit(f"benchmark child failed:\n{result.stderr}")
    parts = result.stdout.split()
    if len(parts) == 2:
        return wall, float(parts[0]), int(parts[1])
    return wall, None, None


def scenario(
    runs: int, code: str, env_for_run: Callable[[int], dict[str, str]]
) -> dict[str, object]:
    walls: list[float] = []
    inside: list[float] = []
    count: int | None = None
    for index in range(runs):
        wall, load_ms, count = run_child(code, env_for_run(index))
        walls.append(wall)
        if load_ms is not None:
            inside.append(load_ms)
    return {"walls": walls, "inside": inside, "count": count}


def fmt(values: list[float]) -> str:
    if not values:
        return f"{'-':>8} {'-':>8} {'-':>8}"
    return f"{statistics.median(values):8.1f} {min(values):8.1f} {max(values):8.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--runs", type=int, default=21, help="runs per scenario (21)")
    parser.add_argument("--questions-dir", help="bank to load (default: the shipped bank)")
    args = parser.parse_args()

    base = {k: v for k, v in os.environ.items() if not k.startswith("PYIQ_")}
    if args.questions_dir:
        base["PYIQ_QUESTIONS_DIR"] = str(Path(args.questions_dir).resolve())

    with tempfile.TemporaryDirectory(prefix="pyiq-bench-") as tmp:
        warm_dir = os.path.join(tmp, "warm")
        warm_env = {**base, "PYIQ_CACHE_DIR": warm_dir}
        run_child(CHILD, warm_env)  # populate the warm cache

        def cold_env(index: int) -> dict[str, str]:
            return {**base, "PYIQ_CACHE_DIR": os.path.join(tmp, f"cold-{index}")}

        results = {
            "python -c pass (interpreter floor)": scenario(args.runs, "pass", lambda _: base),
            "load_bank(), warm cache": scenario(args.runs, CHILD, lambda _: warm_env),
            "load_bank(), cold cache (full validation)": scenario(args.runs, CHILD, cold_env),
        }

    count = results["load_bank(), warm cache"]["count"]
    print(f"pyiq bank load, {args.runs} fresh processes per scenario, {count} questions")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs, load {load}")
    print()
    stats = f"{'median':>8} {'min':>8} {'max':>8}"
    print(f"{'':<44} {'import + load_bank() ms':^26}   {'whole process ms':^26}")
    head = f"{'scenario':<44} {stats}   {stats}"
    print(head)
    print("-" * len(head))
    for name, data in results.items():
        print(f"{name:<44} {fmt(data['inside'])}   {fmt(data['walls'])}")
    warm = statistics.median(results["load_bank(), warm cache"]["inside"])
    verdict = "within" if warm < BUDGET_MS else "OVER"
    print()
    print(f"warm-cache import+load median {warm:.1f} ms: {verdict} the {BUDGET_MS:.0f} ms budget")
    return 0 if warm < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
