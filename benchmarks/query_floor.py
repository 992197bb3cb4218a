"""What the rule query costs before any rule logic runs: the floor under ``engine / parse``.

The engine parses a file, runs the planned rule query over the tree (one
walk for all rules), then decides each match in Python and builds findings.
This benchmark takes that walk apart, over the benchmark corpus
(``benchmarks/corpus.py``), each step as CPU time relative to the parse:

(a) ``parse``: tree-sitter alone, as in ``speed_check.py``;
(b) ``visit``: a query with one pattern that almost never matches: the query
    cursor visiting every node, the least any query walk costs;
(c) ``patterns``: the rule query's patterns with their captures and
    predicates removed: tree-sitter's matching of every rule's structure,
    each match reported as an empty Python object;
(d) ``query``: the rule query as the engine runs it (captures, text
    predicates, a Python object per capture), its matches iterated and
    dropped;
(e) ``rules``: ``run_rules``, the walk plus the Python predicates and the
    findings;
(f) ``engine``: ``analyze``, parse included, as ``speed_check.py`` times it.

(b) to (d) are a lower bound for any engine that runs these rules as
tree-sitter queries: with ``parse + query`` near 2x, the target of 2x leaves
nothing for deciding matches, building findings or writing them.

Usage: ``python benchmarks/query_floor.py [-n 3] [--step 1]`` (``--step 4``:
every fourth corpus file, for a quicker run).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "server"))

import corpus  # noqa: E402
from tree_sitter import Query, QueryCursor, Tree  # noqa: E402

from pyiq.analysis.engine import analyze, run_rules  # noqa: E402
from pyiq.analysis.language import new_parser, sanitize  # noqa: E402
from pyiq.analysis.planner import parse_pattern  # noqa: E402
from pyiq.analysis.registry import compile_query, load_registry  # noqa: E402


def structure_only() -> Query:
    """The planned rule query with every capture and predicate taken out."""
    shapes = []
    for entry in load_registry().entries:
        tokens = parse_pattern(entry.source).shape.split()
        shapes.append(" ".join(t for t in tokens if not t.startswith("@")))
    return compile_query("\n".join(shapes))


def walk(query: Query, trees: list[Tree]) -> None:
    for tree in trees:
        for _ in QueryCursor(query).matches(tree.root_node):
            pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--repeat", type=int, default=3)
    parser.add_argument("--step", type=int, default=1, help="every STEP-th corpus file")
    args = parser.parse_args(argv)

    files = corpus.files(corpus.roots())[:: max(1, args.step)]
    sources = [path.read_bytes() for path in files]
    clean = [sanitize(source) for source in sources]
    ts_parser = new_parser()
    trees = [ts_parser.parse(source) for source in clean]
    registry = load_registry()
    assert registry.query is not None
    visit, patterns, rule_query = (
        compile_query("(pass_statement) @p"),
        structure_only(),
        registry.query,
    )
    print(f"{len(files)} files; rule query: {rule_query.pattern_count} patterns")

    def parse() -> None:
        for source in sources:
            ts_parser.parse(source)

    def rules() -> None:
        for tree, source in zip(trees, clean, strict=True):
            run_rules(tree, source, registry)

    def engine() -> None:
        for source in sources:
            analyze(source, registry=registry)

    # Each step drops what it makes, as the engine does file by file: holding
    # every result at once would time the allocator instead.
    steps: dict[str, Callable[[], None]] = {
        "parse": parse,
        "visit": lambda: walk(visit, trees),
        "patterns": lambda: walk(patterns, trees),
        "query": lambda: walk(rule_query, trees),
        "rules": rules,
        "engine": engine,
    }
    cpu: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(args.repeat):
        for name, step in steps.items():
            gc.collect()
            start = time.process_time()
            step()
            cpu[name].append(time.process_time() - start)
    med = {name: statistics.median(values) for name, values in cpu.items()}
    parse = med["parse"]
    print(f"median of {args.repeat} runs, cpu, and relative to the parse:")
    for name in steps:
        print(f"  {name:<9} {med[name]:7.2f} s  {med[name] / parse:5.2f}x")
    print(f"  parse + query        {1 + med['query'] / parse:5.2f}x  (the floor under engine)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
