from collections.abc import Sequence


def add_item(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


def immutable(a=(), b=frozenset(), c="", d=0, e=None):
    return a, b, c, d, e


lambda_default = lambda x=[]: x  # noqa: E731 - lambdas are not checked, as in the peer rule


def keyword_only(*, flag=False):
    return flag


def not_resolved(queue=deque(), extra: Sequence[int] = [], flag: bool = dict()):
    return queue, extra, flag
