"""Runs every benchmark in one go (``make bench``), each in its own process.

The scripts stay independent so each can be run and tuned alone; this only
orders them (corpus first, since the others read it) and stops at the first
one that fails.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ["corpus.py"],
    ["agreement.py"],
    ["speed_check.py"],
    ["query_floor.py"],
    ["bench_bank.py"],
    ["bench_lsp.py"],
    ["bench_big.py"],
    ["bench_lsp.py", "--memory", "50"],
    ["lsp_breakdown.py"],
    ["hint_density.py"],
]


def main() -> int:
    for script, *args in SCRIPTS:
        print(f"== {' '.join([script, *args])}", flush=True)
        result = subprocess.run([sys.executable, str(HERE / script), *args], check=False)
        if result.returncode != 0:
            print(f"{script} exited with {result.returncode}", file=sys.stderr)
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
