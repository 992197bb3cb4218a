import asyncio
import time

import pytest
from solution import crawl


class FakeWeb:
    def __init__(self, delay=0.05, broken=()):
        self.delay = delay
        self.broken = set(broken)
        self.in_flight = 0
        self.most = 0
        self.calls = []

    async def fetch(self, url):
        self.calls.append(url)
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
            if url in self.broken:
                raise ConnectionError(url)
            return f"<html>{url}</html>"
        finally:
            self.in_flight -= 1


def test_fetches_everything():
    web = FakeWeb()
    urls = [f"https://x/{i}" for i in range(5)]
    result = asyncio.run(crawl(urls, web.fetch, limit=2))
    assert result == {url: f"<html>{url}</html>" for url in urls}


def test_never_more_than_limit_in_flight():
    web = FakeWeb()
    asyncio.run(crawl([f"u{i}" for i in range(20)], web.fetch, limit=3))
    assert web.most == 3


def test_concurrent_not_sequential():
    web = FakeWeb(delay=0.1)
    started = time.perf_counter()
    asyncio.run(crawl([f"u{i}" for i in range(20)], web.fetch, limit=10))
    assert time.perf_counter() - started < 1.0


def test_failures_are_values_and_do_not_cancel_others():
    web = FakeWeb(broken={"bad"})
    result = asyncio.run(crawl(["ok", "bad", "fine"], web.fetch, limit=2))
    assert isinstance(result["bad"], ConnectionError)
    assert result["ok"] == "<html>ok</html>"
    assert result["fine"] == "<html>fine</html>"


def test_duplicates_fetched_once_and_empty():
    web = FakeWeb()
    asyncio.run(crawl(["a", "a", "b"], web.fetch, limit=5))
    assert sorted(web.calls) == ["a", "b"]
    assert asyncio.run(crawl([], web.fetch, limit=1)) == {}


def test_invalid_limit():
    with pytest.raises(ValueError):
        asyncio.run(crawl(["a"], FakeWeb().fetch, limit=0))
