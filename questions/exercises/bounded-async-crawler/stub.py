from collections.abc import Awaitable, Callable, Iterable


async def crawl(
    urls: Iterable[str], fetch: Callable[[str], Awaitable[str]], limit: int
) -> dict[str, str | BaseException]:
    """Fetch every URL with at most `limit` fetches at once; failures become values."""
    raise NotImplementedError
