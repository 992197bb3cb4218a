"""One failing feature never takes the server (or another feature) down.

Every handler is wrapped: an exception is logged with its traceback and the
client gets the feature's empty answer, so a bug in, say, code lenses leaves
diagnostics and hovers working. A deliberate ``JsonRpcException`` (a command
refusing bad arguments) passes through: the client should see that error.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from pygls.exceptions import JsonRpcException

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


def guarded(empty: Any = None) -> Callable[[F], F]:
    """Wraps a sync or async handler so errors answer ``empty`` instead of raising."""

    def wrap(func: F) -> F:
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                try:
                    return await func(*args, **kwargs)
                except JsonRpcException:
                    raise
                except Exception:
                    log.exception("%s failed", func.__name__)
                    return empty

            return run_async  # type: ignore[return-value]

        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except JsonRpcException:
                raise
            except Exception:
                log.exception("%s failed", func.__name__)
                return empty

        return run  # type: ignore[return-value]

    return wrap
