"""How many concept hints an editor shows on real code, and whether every concept still gets one.

Opens twelve well-known files of this interpreter's standard library in
``pyiq serve`` (the real server over stdio, with a fresh progress store in
a temporary ``PYIQ_DATA_DIR``, so no concept counts as mastered) and reads
the diagnostics it publishes. For each file it prints:

* concept hints per 100 lines (target: at most 2), counting the
  diagnostics of concept rules (bug risks are not hints);
* the share of the distinct concepts the engine finds in the file that
  are hinted at least once (target: at least 90 %).

The concepts "found" come from the engine itself with the server's default
configuration, so a rule the server quiets entirely shows up as a miss.
``--settings JSON`` passes client settings as ``initializationOptions``
(e.g. ``'{"conceptHints": "every"}'``) to compare the modes; ``--top N``
lists the rules with the most hints over all files.

``--idioms`` measures instead which concepts are everyday idiom: for every
concept, the share of the top-level scopes (each module-level function or
class, and each module's own statements) of the rest of the standard
library (outside the twelve files and the tests) in which it appears.
Concepts at or above ``IDIOM_SHARE`` are the rules marked
``#set! hints "once-per-file"``; the script lists them with their marks.

Usage: python benchmarks/hint_density.py [--settings JSON] [--top N] [--idioms]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import sysconfig
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from bench_lsp import Client

from pyiq.analysis import Config, Document
from pyiq.analysis.registry import Registry
from pyiq.lsp.rules import server_registry

FILES = (
    "json/decoder.py",
    "functools.py",
    "dataclasses.py",
    "email/_header_value_parser.py",
    "asyncio/tasks.py",
    "logging/__init__.py",
    "argparse.py",
    "collections/__init__.py",
    "threading.py",
    "pathlib.py",
    "typing.py",
    "enum.py",
)

TARGET_DENSITY = 2.0
TARGET_SHARE = 0.9
# A concept in at least this share of real top-level scopes is idiom.
IDIOM_SHARE = 0.015
DEFINITIONS = ("function_definition", "class_definition")


async def published(paths: list[Path], settings: Any, data_dir: str) -> dict[str, list[dict]]:
    """The first diagnostics ``pyiq serve`` publishes for each file, by URI."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "pyiq",
        "serve",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env={**os.environ, "PYIQ_DATA_DIR": data_dir},
        limit=2**26,
    )
    client = Client(proc)
    await client.request(
        "initialize",
        {
            "processId": None,
            "rootUri": paths[0].parent.as_uri(),
            "capabilities": {},
            "initializationOptions": settings,
        },
    )
    client.notify("initialized", {})
    out: dict[str, list[dict]] = {}
    for path in paths:
        uri = path.as_uri()
        client.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "python",
                    "version": 1,
                    "text": path.read_text(encoding="utf-8"),
                }
            },
        )
        while uri not in out:
            _, params = await client.next_diagnostics()
            out[params["uri"]] = params["diagnostics"]
    await client.request("shutdown", {})
    client.notify("exit", {})
    await proc.stdin.drain()
    try:
        await asyncio.wait_for(proc.wait(), 5)
    except TimeoutError:
        proc.kill()
    client.reader.cancel()
    return out


def _top_level_scopes(document: Document) -> list[tuple[int, int]]:
    """Byte spans of the module-level functions and classes."""
    spans = []
    for node in document.tree.root_node.named_children:
        if node.type == "decorated_definition":
            node = node.child_by_field_name("definition") or node
        if node.type in DEFINITIONS:
            spans.append((node.start_byte, node.end_byte))
    return spans


def idioms(stdlib: Path, registry: Registry) -> int:
    """Prints how widespread each concept is in the rest of the standard library."""
    skip = {stdlib / name for name in FILES}
    paths = [
        path
        for path in sorted(stdlib.rglob("*.py"))
        if path not in skip
        and not {"site-packages", "test", "tests", "idlelib"} & set(path.relative_to(stdlib).parts)
    ]
    scopes = 0
    found: Counter[str] = Counter()
    for path in paths:
        try:
            document = Document(path.read_bytes(), registry)
        except OSError:
            continue
        spans = _top_level_scopes(document)
        scopes += len(spans) + 1
        seen = set()
        for finding in document.findings(Config()):
            rule = registry.get(finding.rule)
            if rule is None or rule.is_bug_risk:
                continue
            inside = next((s for s in spans if s[0] <= finding.start_byte < s[1]), None)
            seen.add((finding.rule, inside))
        found.update(rule for rule, _ in seen)
    print(f"{len(paths)} files, {scopes} top-level scopes (module statements count as one)")
    print(f"{'concept':32} {'share':>6}  marked once-per-file")
    for rule_id, count in found.most_common():
        share = count / scopes
        marked = registry.get(rule_id).hints == "once-per-file"
        if share >= IDIOM_SHARE or marked:
            flag = "yes" if marked else "NO"
            print(f"{rule_id:32} {share:6.1%}  {flag}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", type=json.loads, default=None)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--idioms", action="store_true")
    args = parser.parse_args()
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    paths = [stdlib / name for name in FILES]
    registry = server_registry()
    if args.idioms:
        return idioms(stdlib, registry)
    concepts = {rule.id for rule in registry if not rule.is_bug_risk}
    # The files are opened from a copy: this interpreter may live under a folder
    # that ruff's default exclusions skip (``.pyenv``), and pyiq skips it too.
    with tempfile.TemporaryDirectory(prefix="pyiq-hints-") as data_dir:
        copies = []
        for name, path in zip(FILES, paths, strict=True):
            copy = Path(data_dir, "stdlib", name)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
            copies.append(copy)
        published_by_copy = asyncio.run(published(copies, args.settings, data_dir + "/data"))
        diagnostics = {
            path.as_uri(): published_by_copy[copy.as_uri()]
            for path, copy in zip(paths, copies, strict=True)
        }
    print(f"standard library: {stdlib}; settings: {json.dumps(args.settings)}")
    print(
        f"{'file':32} {'lines':>6} {'hints':>6} {'/100':>6} {'found':>6} {'hinted':>7} {'share':>6}"
    )
    total_lines = total_hints = total_found = total_hinted = 0
    worst_share = 1.0
    by_rule: Counter[str] = Counter()
    for name, path in zip(FILES, paths, strict=True):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n") + (not text.endswith("\n"))
        found = {
            f.rule
            for f in Document.from_text(text, registry).findings(Config())
            if f.rule in concepts
        }
        hints = [d["code"] for d in diagnostics[path.as_uri()] if d.get("code") in concepts]
        by_rule.update(hints)
        hinted = found & set(hints)
        share = len(hinted) / len(found) if found else 1.0
        worst_share = min(worst_share, share)
        density = 100 * len(hints) / lines
        print(
            f"{name:32} {lines:6} {len(hints):6} {density:6.2f} {len(found):6} "
            f"{len(hinted):7} {share:6.0%}"
        )
        total_lines += lines
        total_hints += len(hints)
        total_found += len(found)
        total_hinted += len(hinted)
    density = 100 * total_hints / total_lines
    share = total_hinted / total_found if total_found else 1.0
    print(
        f"{'overall':32} {total_lines:6} {total_hints:6} {density:6.2f} {total_found:6} "
        f"{total_hinted:7} {share:6.0%}"
    )
    print(
        f"concept hints per 100 lines: {density:.2f} (target <= {TARGET_DENSITY:g}); "
        f"distinct concepts hinted per file: {share:.1%} overall, lowest {worst_share:.0%} "
        f"(target >= {TARGET_SHARE:.0%})"
    )
    if args.top:
        print("most hinted rules:")
        for rule, count in by_rule.most_common(args.top):
            print(f"  {rule:32} {count:5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
