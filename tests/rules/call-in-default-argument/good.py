import datetime
import re
from collections.abc import Sequence
from pathlib import Path


def log(message, when=None):
    return message, when


def immutable(a=tuple(), b=frozenset(), c=int("3"), d=datetime.timedelta(days=1)):
    return a, b, c, d


def paths(root=Path("."), pattern=re.compile(r"\d+")):
    return root, pattern


def annotated(items: Sequence[int] = make_items(), limit: int = compute_limit()):
    return items, limit


def mutable_builders(items=list(), mapping=dict()):
    return items, mapping


def lazy(callback=lambda: compute()):
    return callback


class Report:
    def render(self, stamp: str = datetime.datetime.now().isoformat()):
        return stamp
