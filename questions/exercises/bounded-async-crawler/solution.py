import asyncio
from collections.abc import Awaitable, Callable, Iterable


async def crawl(
    urls: Iterable[str], fetch: Callable[[str], Awaitable[str]], limit: int
) -> dict[str, str | BaseException]:
    """Fetch every URL with at most `limit` fetches at once; failures become values."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    semaphore = asyncio.Semaphore(limit)
    distinct = list(dict.fromkeys(urls))

    async def one(url: str) -> str:
        async with semaphore:
            return await fetch(url)

    results = await asyncio.gather(*(one(url) for url in distinct), return_exceptions=True)
    return dict(zip(distinct, results))
