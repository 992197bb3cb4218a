"""``pyiq check`` on huge files next to ``ruff check``, in one run.

Generated files of ``--mb`` megabytes: one single line of statements (minified
code) and a flat module of short top-level statements. pyiq
analyses only the whole lines within ``pyiq.maxFileSizeMB`` of such files (see
``pyiq.analysis.limits``), so its time stays bounded whatever the file; ruff
checks them whole. Medians of ``--runs`` runs, wall clock, fresh processes.

Usage: python benchmarks/bench_big.py [--mb 5] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STATEMENT = "x = [i for i in range(10) if i is not None]; "


def files(directory: Path, megabytes: float) -> dict[str, Path]:
    size = int(megabytes * 2**20)
    made = {
        "single line": STATEMENT * (size // len(STATEMENT)) + "\n",
        "flat module": "".join(f"v{i} = {i}\n" for i in range(size // 12)),
    }
    out = {}
    for name, text in made.items():
        path = directory / (name.replace(" ", "_") + ".py")
        path.write_text(text)
        out[name] = path
    return out


def timed(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in files(Path(tmp), args.mb).items():
            pyiq = timed([sys.executable, "-m", "pyiq", "check", str(path)], args.runs)
            line = f"{name:13} ({path.stat().st_size / 2**20:.1f} MB)  pyiq {pyiq:6.2f} s"
            if Path(ruff).exists():
                peer = timed([ruff, "check", "--isolated", "--no-cache", str(path)], args.runs)
                line += f"   ruff {peer:6.2f} s   pyiq/ruff {pyiq / peer:.2f}"
            print(line)


if __name__ == "__main__":
    main()
