"""The rule registry as the server loads it: never fatal.

The CLI may refuse to run with a broken rule file, but an editor session
must keep working, so the server skips a file that does not load (logging
why) and serves the others.
"""

from __future__ import annotations

import logging
from functools import cache

from pyiq.analysis.registry import (
    RULES_DIR,
    Registry,
    RuleError,
    load_registry,
    parse_rule_file,
)

log = logging.getLogger(__name__)


@cache
def server_registry() -> Registry:
    """Every rule that loads; broken rule files are logged and left out."""
    try:
        return load_registry()
    except RuleError as exc:
        log.warning("some rules failed to load, serving the others: %s", exc)
    parsed = []
    for path in sorted(RULES_DIR.glob("*.scm")):
        try:
            parsed.append(parse_rule_file(path, path.read_text(encoding="utf-8")))
        except (RuleError, OSError) as exc:
            log.warning("skipping rule %s: %s", path.name, exc)
    return Registry(parsed)
