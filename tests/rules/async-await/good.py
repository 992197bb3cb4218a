import asyncio


def sync_fetch(url):
    with open(url) as handle:
        return handle.read()


for chunk in stream:
    print(chunk)

awaiting = "await"
is_async = asyncio.iscoroutinefunction(sync_fetch)
